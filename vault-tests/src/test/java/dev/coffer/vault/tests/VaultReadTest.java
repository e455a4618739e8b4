package dev.coffer.vault.tests;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.Page;
import dev.coffer.vault.PagedIterable;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.VaultProperties;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.testkit.As;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** getVault (VaultGet) and listVaults (VaultList): allowed, denied, not found, paging. */
@CofferTest
class VaultReadTest {

    @Test
    void readerAtVaultScopeGetsIt(@TestVault(name = "kv-read") Vault vault,
                                  @User(value = "rita", roles = @Role(role = "Reader")) Principal rita,
                                  @As("rita") VaultManager asRita, AuditLog audit) {
        assertThat(asRita.getVault("kv-read")).hasName("kv-read");
        assertThat(asRita.getVault("KV-READ").name()).isEqualTo("kv-read");
        assertThat(audit).hasEventFor("VaultGet", rita, 200).hasEventOn("VaultGet", vault.scope());
    }

    @Test
    void keyVaultReaderIsADataRoleAndCannotReadTheVaultResource(@TestVault(name = "kv-read") Vault vault,
            @User(value = "kim", roles = @Role(role = "Key Vault Reader")) Principal kim, @As("kim") VaultManager asKim) {
        // Its Actions hold Microsoft.KeyVault/vaults/*/read, which needs a segment between "vaults/" and "/read":
        // it covers vaults/secrets/read and the like, not vaults/read itself (reference §1.2, §15.1).
        assertThatCall(() -> asKim.getVault("kv-read")).isAuthorizationFailed()
                .hasMessageContaining("Microsoft.KeyVault/vaults/read");
        assertThat(names(asKim.listVaults(vault.properties().subscriptionId()))).isEmpty();
    }

    @Test
    void strangerIsRefusedAndTheDenialIsAudited(@TestVault(name = "kv-read") Vault vault, @User("eve") Principal eve,
                                                @As("eve") VaultManager asEve, AuditLog audit) {
        assertThatCall(() -> asEve.getVault("kv-read")).isAuthorizationFailed()
                .hasMessageContaining(eve.objectId()).hasMessageContaining(vault.scope().toString());
        assertThat(audit).hasEventFor("VaultGet", eve, 403).lastEvent("VaultGet").hasErrorCode("AuthorizationFailed");
    }

    @Test
    void unknownVaultIs404AndAudited(VaultManager owner, CofferFixture fx, AuditLog audit) {
        assertThatCall(() -> owner.getVault("kv-nowhere")).isNotFound("ResourceNotFound");
        assertThat(audit).hasEventFor("VaultGet", fx.owner(), 404);
    }

    @Test
    void listingsHoldOnlyWhatTheCallerMayReadInNameOrder(CofferFixture fx, VaultManager owner,
            @User("rita") Principal rita, @As("rita") VaultManager asRita, @User("eve") Principal eve,
            @As("eve") VaultManager asEve) {
        var rg2 = owner.createResourceGroup(fx.subscription().id(), "rg-two", "westeurope");
        List<String> readable = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = String.format("kv-list-%02d", i);
            Vault v = owner.createVault(VaultOptions.named(name)
                    .resourceGroup(fx.subscription(), i % 3 == 0 ? rg2.name() : fx.resourceGroup().name()));
            if (i % 2 == 0) {
                fx.assign(rita, BuiltInRole.READER, v.scope());
                readable.add(name);
            }
        }
        String sub = fx.subscription().id();

        assertThat(names(owner.listVaults(sub))).hasSize(12).isSorted();
        assertThat(names(asRita.listVaults(sub))).containsExactlyElementsOf(readable);
        assertThat(names(asRita.listVaults(sub, "rg-two"))).containsExactly("kv-list-00", "kv-list-06");
        assertThat(names(owner.listVaults(sub, "rg-two"))).containsExactly("kv-list-00", "kv-list-03", "kv-list-06", "kv-list-09");
        assertThat(names(asEve.listVaults(sub))).isEmpty();
        assertThatCall(() -> owner.listVaults("00000000-0000-0000-0000-000000000000").toList()).isNotFound("SubscriptionNotFound");
    }

    @Test
    void everyPageSizeFrom1To25ReturnsEachVaultExactlyOnce(CofferFixture fx, VaultManager owner, AuditLog audit) {
        List<String> expected = IntStream.range(0, 27).mapToObj(i -> String.format("kv-page-%02d", i)).collect(Collectors.toList());
        expected.forEach(fx::vault);
        String sub = fx.subscription().id();

        for (int size = 1; size <= 25; size++) {
            int listsBefore = audit.query(dev.coffer.vault.audit.AuditQuery.all().operation("VaultList")).size();
            List<String> seen = new ArrayList<>();
            int pages = 0;
            for (Page<VaultProperties> page : owner.listVaults(sub).iterableByPage(null, size)) {
                pages++;
                assertThat(page.items()).hasSizeLessThanOrEqualTo(size);
                page.items().forEach(p -> seen.add(p.name()));
                if (page.continuationToken() != null) {
                    assertThat(page.items()).hasSize(size);
                }
            }
            assertThat(seen).as("page size %d", size).containsExactlyElementsOf(expected);
            assertThat(pages).as("pages at size %d", size).isEqualTo((27 + size - 1) / size);
            int listsAfter = audit.query(dev.coffer.vault.audit.AuditQuery.all().operation("VaultList")).size();
            assertThat(listsAfter - listsBefore).as("one VaultList event per page").isEqualTo(pages);
        }
    }

    @Test
    void aContinuationTokenResumesAfterTheLastItemEvenWhenVaultsComeAndGo(CofferFixture fx, VaultManager owner) {
        for (String n : List.of("kv-b", "kv-d", "kv-f", "kv-h")) {
            fx.vault(n);
        }
        PagedIterable<VaultProperties> listing = owner.listVaults(fx.subscription().id());
        Page<VaultProperties> first = listing.iterableByPage(null, 2).iterator().next();
        assertThat(first.items()).extracting(VaultProperties::name).containsExactly("kv-b", "kv-d");

        fx.vault("kv-a");          // sorts before the token: not seen again
        fx.vault("kv-e");          // after it: seen
        owner.deleteVault("kv-f"); // gone before it was reached
        List<String> rest = new ArrayList<>();
        for (Page<VaultProperties> p : listing.iterableByPage(first.continuationToken(), 2)) {
            p.items().forEach(v -> rest.add(v.name()));
        }
        assertThat(rest).containsExactly("kv-e", "kv-h");
    }

    @Test
    void badPageSizesAndForeignTokensAreRefused(CofferFixture fx, VaultManager owner, TestInfo info) {
        fx.vault("kv-x1");
        fx.vault("kv-x2");
        PagedIterable<VaultProperties> listing = owner.listVaults(fx.subscription().id());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> listing.iterableByPage(null, 0))
                .isInstanceOf(BadParameterException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> listing.iterableByPage(null, 26))
                .isInstanceOf(BadParameterException.class);
        String token = listing.iterableByPage(null, 1).iterator().next().continuationToken();
        assertThat(token).isNotNull();
        assertThatCall(() -> owner.listVaults(fx.subscription().id(), "rg-test").iterableByPage(token, 1).iterator().next())
                .isBadParameter();
        assertThatCall(() -> listing.iterableByPage("not-a-token", 1).iterator().next()).isBadParameter();
    }

    private static List<String> names(PagedIterable<VaultProperties> listing) {
        return listing.stream().map(VaultProperties::name).collect(Collectors.toList());
    }
}
