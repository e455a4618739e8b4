package dev.coffer.vault.tests.authz;

import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.PermissionModel;
import dev.coffer.vault.Principal;
import dev.coffer.vault.RequestContext;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.authorization.AccessPolicyEntry;
import dev.coffer.vault.authorization.AccessPolicyUpdateKind;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.ServicePrincipal;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who an access-policy entry applies to: group members (nested too) and compound identities. */
@CofferTest
class AccessPolicyIdentityTest {

    private static void seed(Vault vault, CofferFixture fx, VaultManager owner, String name) {
        Principal writer = fx.user("writer");
        owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD,
                List.of(AccessPolicyEntry.of(writer).withSecrets("set")));
        vault.secretClient(writer).setSecret(name, "value-of-" + name);
    }

    @Test
    void membersOfAGroupEntryGetItsPermissionsAndLoseThemWhenRemoved(
            @TestVault(name = "kv-ap-group", permissionModel = PermissionModel.ACCESS_POLICY) Vault vault,
            @User("gina") Principal gina, @User("nick") Principal nick, @User("outsider") Principal outsider,
            VaultManager owner, CofferFixture fx, CofferPlatform platform) {
        seed(vault, fx, owner, "db");
        Principal readers = fx.group("readers", gina);
        // nick reaches 'readers' only through 'team', a group nested in it.
        Principal team = fx.group("team", nick);
        platform.directory().addMember(readers, team);
        owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD,
                List.of(AccessPolicyEntry.of(readers).withSecrets("get")));

        assertThat(vault.secretClient(gina).getSecret("db").getValue()).isEqualTo("value-of-db");
        assertThat(vault.secretClient(nick).getSecret("db").getValue()).isEqualTo("value-of-db");
        assertThatCall(() -> vault.secretClient(outsider).getSecret("db")).isForbidden().hasInnerErrorCode("ForbiddenByPolicy");
        // The group grants only what its entry names.
        assertThatCall(() -> vault.secretClient(gina).setSecret("db", "x")).isForbidden().hasInnerErrorCode("ForbiddenByPolicy");

        // Revocation is immediate: the very next call is refused.
        platform.directory().removeMember(readers, gina);
        assertThatCall(() -> vault.secretClient(gina).getSecret("db")).isForbidden().hasInnerErrorCode("ForbiddenByPolicy");
        platform.directory().removeMember(readers, team);
        assertThatCall(() -> vault.secretClient(nick).getSecret("db")).isForbidden().hasInnerErrorCode("ForbiddenByPolicy");
    }

    @Test
    void aCompoundEntryAppliesOnlyToTheUserCallingThroughThatApplication(
            @TestVault(name = "kv-ap-compound", permissionModel = PermissionModel.ACCESS_POLICY) Vault vault,
            @User("una") Principal una, @ServicePrincipal("portal") Principal portal,
            @ServicePrincipal("other-app") Principal otherApp, VaultManager owner, CofferFixture fx) {
        seed(vault, fx, owner, "db");
        owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD,
                List.of(AccessPolicyEntry.compound(una, portal.applicationId()).withSecrets("get")));
        assertThat(owner.getAccessPolicies(vault.name())).anySatisfy(e -> {
            assertThat(e.objectId()).isEqualTo(una.objectId());
            assertThat(e.applicationId()).isEqualTo(portal.applicationId());
        });

        RequestContext viaPortal = RequestContext.of(una).withApplication(portal.applicationId());
        assertThat(vault.secretClient(viaPortal).getSecret("db").getValue()).isEqualTo("value-of-db");

        assertThatCall(() -> vault.secretClient(una).getSecret("db")).isForbidden().hasInnerErrorCode("ForbiddenByPolicy")
                .hasMessageContaining("oid=" + una.objectId());
        assertThatCall(() -> vault.secretClient(RequestContext.of(una).withApplication(otherApp.applicationId()))
                .getSecret("db")).isForbidden().hasInnerErrorCode("ForbiddenByPolicy")
                .hasMessageContaining("appid=" + otherApp.applicationId());
        // The application by itself is not the compound identity either.
        assertThatCall(() -> vault.secretClient(portal).getSecret("db")).isForbidden().hasInnerErrorCode("ForbiddenByPolicy");

        // A plain entry for the same user is a separate entry: add it, and the user alone gets in.
        owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.ADD,
                List.of(AccessPolicyEntry.of(una).withSecrets("get")));
        assertThat(owner.getAccessPolicies(vault.name()).stream().filter(e -> e.objectId().equals(una.objectId())))
                .hasSize(2);
        assertThat(vault.secretClient(una).getSecret("db").getValue()).isEqualTo("value-of-db");
        // Removing the compound entry leaves the plain one.
        owner.updateAccessPolicies(vault.name(), AccessPolicyUpdateKind.REMOVE,
                List.of(AccessPolicyEntry.compound(una, portal.applicationId()).withSecrets("get")));
        assertThat(owner.getAccessPolicies(vault.name()).stream().filter(e -> e.objectId().equals(una.objectId())))
                .singleElement().satisfies(e -> assertThat(e.applicationId()).isNull());
    }
}
