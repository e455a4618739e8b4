package dev.coffer.vault.tests;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Subscription;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.audit.AuditCategory;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.authorization.RoleAssignment;
import dev.coffer.vault.testkit.As;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Group;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.ServicePrincipal;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import org.junit.jupiter.api.Test;

/** The directory and subscriptions: nested groups, membership grants, disabled principals, subscription owners. */
@CofferTest
class DirectoryTest {

    @Test
    void rolesOfNestedGroupsReachTheirMembers(@TestVault(name = "kv-grp") Vault vault, @User("alice") Principal alice,
            @Group(value = "team", members = "alice") Principal team,
            @Group(value = "dept", members = "team", roles = @Role(role = "Reader")) Principal dept,
            @As("alice") VaultManager asAlice, CofferPlatform platform) {
        assertThat(platform.directory().transitiveGroupIds(alice)).containsExactlyInAnyOrder(team.objectId(), dept.objectId());
        assertThat(asAlice.getVault("kv-grp").name()).isEqualTo("kv-grp");

        platform.directory().removeMember(team, alice);
        assertThatCall(() -> asAlice.getVault("kv-grp")).isAuthorizationFailed();
        platform.directory().addMember(dept, alice);
        assertThat(asAlice.getVault("kv-grp").name()).isEqualTo("kv-grp");
    }

    @Test
    void membershipCyclesAreRefused(@User("alice") Principal alice, @Group(value = "a", members = "alice") Principal a,
                                    @Group(value = "b", members = "a") Principal b, CofferPlatform platform) {
        assertThatCall(() -> platform.directory().addMember(a, b)).isBadParameter("CircularMembership");
        assertThatCall(() -> platform.directory().addMember(alice, a)).isBadParameter("InvalidGroup");
        assertThatCall(() -> platform.directory().removeMember(b, alice)).isNotFound();
    }

    @Test
    void aDisabledPrincipalIsUnauthorizedOnItsNextCallAndKeepsItsGrants(@TestVault(name = "kv-dis") Vault vault,
            @ServicePrincipal(value = "app", roles = @Role(role = "Reader")) Principal app, @As("app") VaultManager asApp,
            CofferPlatform platform, AuditLog audit) {
        assertThat(asApp.getVault("kv-dis").name()).isEqualTo("kv-dis");
        platform.directory().setEnabled(app, false);

        assertThatCall(() -> asApp.getVault("kv-dis")).isUnauthorized().hasErrorCode("Unauthorized");
        assertThat(audit).hasEventFor("VaultGet", app, 401);
        assertThat(platform.directory().isEnabled(app.objectId())).isFalse();

        platform.directory().setEnabled(app, true);
        assertThat(asApp.getVault("kv-dis").name()).isEqualTo("kv-dis");
    }

    @Test
    void aPrincipalOfAnotherPlatformIsUnauthorized(@TestVault(name = "kv-x") Vault vault, CofferPlatform platform) {
        CofferFixture other = CofferFixture.create();
        assertThatCall(() -> platform.management(other.owner()).getVault("kv-x")).isUnauthorized();
    }

    @Test
    void aSubscriptionsCreatorIsItsOwner(CofferPlatform platform, @User("sam") Principal sam, @User("eve") Principal eve,
                                         AuditLog audit) {
        Subscription sub = platform.createSubscription("sam's", sam);
        VaultManager asSam = platform.management(sam);
        assertThat(asSam.roleAssignments().list(sub.scope()).stream()
                .filter(a -> a.principalId().equals(sam.objectId()))).extracting(RoleAssignment::roleDefinitionId)
                .containsExactly(BuiltInRole.OWNER.id());
        asSam.createResourceGroup(sub.id(), "rg", "eastus");
        assertThat(asSam.createVault(VaultOptions.named("kv-sam").resourceGroup(sub, "rg"))).hasLocation("eastus");
        assertThat(platform.subscription(sub.id())).contains(sub);
        assertThat(audit).lastEvent("SubscriptionCreate").hasCategory(AuditCategory.ADMINISTRATIVE).hasStatus(200);

        // Another subscription's owner has nothing here.
        assertThatCall(() -> platform.management(eve).createResourceGroup(sub.id(), "rg-eve", "eastus")).isAuthorizationFailed();
    }

    @Test
    void subscriptionsNeedAValidNameAndAnEnabledNonGroupOwner(CofferPlatform platform, @User("sam") Principal sam,
                                                              @Group("g") Principal group) {
        assertThatCall(() -> platform.createSubscription(" ", sam)).isBadParameter("InvalidSubscriptionName");
        assertThatCall(() -> platform.createSubscription("x", group)).isBadParameter("InvalidOwner");
        platform.directory().setEnabled(sam, false);
        assertThatCall(() -> platform.createSubscription("x", sam)).isBadParameter("InvalidOwner");
        assertThatCall(() -> platform.createSubscription("x", platform.systemPrincipal())).isBadParameter("InvalidOwner");
    }

    @Test
    void directoryChangesAreAuditedAsAdministrative(@User("alice") Principal alice, AuditLog audit) {
        assertThat(audit).lastEvent("DirectoryUserCreate").hasCategory(AuditCategory.ADMINISTRATIVE).hasStatus(200);
        assertThatCall(() -> CofferFixture.create().platform().directory().createUser("not-a-upn")).isBadParameter();
    }
}
