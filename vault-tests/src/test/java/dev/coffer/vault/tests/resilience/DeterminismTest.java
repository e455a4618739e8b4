package dev.coffer.vault.tests.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.secrets.SecretClient;
import dev.coffer.vault.testkit.CofferFixture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deterministic mode: one seed, one clock, the same calls → the same ids and the same bytes. */
class DeterminismTest {

    private static List<Object> run(long seed) {
        CofferFixture fx = CofferFixture.builder().deterministic(seed).build();
        Vault vault = fx.vault("kv-det");
        Principal app = fx.servicePrincipal("app");
        fx.assign(app, BuiltInRole.KEY_VAULT_SECRETS_OFFICER, vault.scope());
        SecretClient secrets = vault.secretClient(app);
        List<Object> out = new ArrayList<>();
        out.add(fx.platform().directory().tenantId());
        out.add(fx.owner().objectId());
        out.add(app.applicationId());
        out.add(fx.subscription().id());
        out.add(secrets.setSecret("a", "1").getProperties().version());
        out.add(secrets.setSecret("a", "2").getProperties().version());
        out.add(Arrays.toString(secrets.backupSecret("a")));
        return out;
    }

    @Test
    void twoRunsWithOneSeedAreIdentical() {
        assertThat(run(42)).isEqualTo(run(42));
    }

    @Test
    void anotherSeedGivesOtherIds() {
        List<Object> a = run(42);
        List<Object> b = run(43);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i)).as("item %d", i).isNotEqualTo(a.get(i));
        }
    }
}
