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

    private static List<Object> crypto(long seed) throws Exception {
        CofferFixture fx = CofferFixture.builder().deterministic(seed).build();
        Vault vault = fx.vault("kv-det");
        Principal app = fx.servicePrincipal("app");
        fx.assign(app, BuiltInRole.KEY_VAULT_CRYPTO_OFFICER, vault.scope());
        var keys = vault.keyClient(app);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(new byte[] {7});
        List<Object> out = new ArrayList<>();
        var rsa = keys.createRsaKey(new dev.coffer.vault.keys.CreateRsaKeyOptions("rsa"));
        var ec = keys.createEcKey(new dev.coffer.vault.keys.CreateEcKeyOptions("ec"));
        out.add(Arrays.toString(rsa.getKey().getN()));
        out.add(Arrays.toString(ec.getKey().getX()));
        var rsaCrypto = keys.getCryptographyClient("rsa");
        var ecCrypto = keys.getCryptographyClient("ec");
        for (var alg : List.of(dev.coffer.vault.keys.cryptography.SignatureAlgorithm.RS256,
                dev.coffer.vault.keys.cryptography.SignatureAlgorithm.PS256)) {
            out.add(Arrays.toString(rsaCrypto.sign(alg, digest).getSignature()));
        }
        out.add(Arrays.toString(ecCrypto.sign(dev.coffer.vault.keys.cryptography.SignatureAlgorithm.ES256, digest).getSignature()));
        out.add(Arrays.toString(rsaCrypto.encrypt(dev.coffer.vault.keys.cryptography.EncryptionAlgorithm.RSA_OAEP_256,
                new byte[] {1, 2, 3}).getCipherText()));
        out.add(Arrays.toString(keys.backupKey("rsa")));
        return out;
    }

    @Test
    void keysSignaturesCiphertextsAndBackupsFollowTheSeedToo() throws Exception {
        List<Object> a = crypto(11);
        assertThat(a).isEqualTo(crypto(11));
        List<Object> b = crypto(12);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i)).as("item %d", i).isNotEqualTo(a.get(i));
        }
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
