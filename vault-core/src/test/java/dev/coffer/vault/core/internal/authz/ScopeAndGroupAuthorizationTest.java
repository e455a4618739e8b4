package dev.coffer.vault.core.internal.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Principal;
import dev.coffer.vault.Scope;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.authorization.RoleAssignment;
import org.junit.jupiter.api.Test;

/**
 * How assignments reach scopes (inheritance down the tree, never up or sideways) and principals
 * (through nested groups), and that revocations take effect on the very next decision even though
 * decisions are cached.
 */
class ScopeAndGroupAuthorizationTest {
    private static final String GET_SECRET = "Microsoft.KeyVault/vaults/secrets/getSecret/action";
    private static final String VAULT_READ = "Microsoft.KeyVault/vaults/read";

    private final AuthzFixture f = new AuthzFixture();
    private final Principal alice = f.user();
    private final Scope sub = Scope.subscription(AuthzFixture.SUB);
    private final Scope rg = Scope.resourceGroup(AuthzFixture.SUB, "rg-app");
    private final Scope vault = Scope.vault(AuthzFixture.SUB, "rg-app", "kv-app");
    private final Scope secret = vault.child("secrets", "db-password");
    private final Scope otherSecret = vault.child("secrets", "api-key");
    private final Scope siblingVault = Scope.vault(AuthzFixture.SUB, "rg-app", "kv-other");
    private final Scope vaultInOtherRg = Scope.vault(AuthzFixture.SUB, "rg-other", "kv-app");
    private final Scope vaultInOtherSub = Scope.vault(AuthzFixture.OTHER_SUB, "rg-app", "kv-app");

    @Test
    void subscriptionAssignmentAppliesAtEveryScopeBelowIt() {
        f.assign(alice, BuiltInRole.READER, sub);
        f.assign(alice, BuiltInRole.KEY_VAULT_SECRETS_USER, sub);

        for (Scope s : new Scope[] {sub, rg, vault, siblingVault, vaultInOtherRg}) {
            assertThat(f.action(alice, s, VAULT_READ)).as("management at %s", s).isTrue();
        }
        for (Scope s : new Scope[] {vault, secret, otherSecret, siblingVault.child("secrets", "x")}) {
            assertThat(f.data(alice, s, GET_SECRET)).as("data at %s", s).isTrue();
        }
        assertThat(f.action(alice, vaultInOtherSub, VAULT_READ)).as("other subscription").isFalse();
        assertThat(f.data(alice, vaultInOtherSub.child("secrets", "db-password"), GET_SECRET)).isFalse();
        assertThat(f.action(alice, Scope.ROOT, VAULT_READ)).as("never upwards to the root").isFalse();
    }

    @Test
    void resourceGroupAssignmentAppliesToItsVaultsOnly() {
        f.assign(alice, BuiltInRole.KEY_VAULT_SECRETS_USER, rg);
        assertThat(f.data(alice, secret, GET_SECRET)).isTrue();
        assertThat(f.data(alice, siblingVault, GET_SECRET)).isTrue();
        assertThat(f.data(alice, vaultInOtherRg, GET_SECRET)).isFalse();
        assertThat(f.data(alice, sub, GET_SECRET)).isFalse();
    }

    @Test
    void vaultAssignmentDoesNotReachASiblingVaultOrAnyAncestor() {
        f.assign(alice, BuiltInRole.KEY_VAULT_CONTRIBUTOR, vault);
        f.assign(alice, BuiltInRole.KEY_VAULT_SECRETS_USER, vault);

        assertThat(f.action(alice, vault, VAULT_READ)).isTrue();
        assertThat(f.data(alice, secret, GET_SECRET)).isTrue();
        assertThat(f.action(alice, siblingVault, VAULT_READ)).as("sibling vault").isFalse();
        assertThat(f.data(alice, siblingVault.child("secrets", "db-password"), GET_SECRET)).isFalse();
        assertThat(f.action(alice, vaultInOtherRg, VAULT_READ)).as("same name, other rg").isFalse();
        assertThat(f.action(alice, rg, VAULT_READ)).as("resource group").isFalse();
        assertThat(f.action(alice, sub, VAULT_READ)).as("subscription").isFalse();
    }

    @Test
    void vaultNameThatIsAPrefixOfAnotherDoesNotLeak() {
        // Containment is by whole segments: kv-app must not cover kv-app2.
        f.assign(alice, BuiltInRole.KEY_VAULT_SECRETS_USER, vault);
        Scope longer = Scope.vault(AuthzFixture.SUB, "rg-app", "kv-app2");
        assertThat(f.data(alice, longer, GET_SECRET)).isFalse();
        assertThat(f.data(alice, longer.child("secrets", "db-password"), GET_SECRET)).isFalse();
    }

    @Test
    void scopeComparisonIsCaseInsensitive() {
        f.assign(alice, BuiltInRole.KEY_VAULT_SECRETS_USER, vault);
        Scope shouted = Scope.parse(secret.toString().toUpperCase());
        assertThat(f.data(alice, shouted, GET_SECRET)).isTrue();
    }

    @Test
    void objectScopeAssignmentAppliesOnlyToThatObject() {
        f.assign(alice, BuiltInRole.KEY_VAULT_SECRETS_USER, secret);

        assertThat(f.data(alice, secret, GET_SECRET)).isTrue();
        assertThat(f.data(alice, otherSecret, GET_SECRET)).as("other secret").isFalse();
        assertThat(f.data(alice, vault, GET_SECRET)).as("the vault itself (e.g. list)").isFalse();
        assertThat(f.data(alice, vault.child("keys", "db-password"), GET_SECRET))
                .as("a key of the same name is a different object").isFalse();
        assertThat(f.data(alice, siblingVault.child("secrets", "db-password"), GET_SECRET)).isFalse();
    }

    @Test
    void nestedGroupsGrantTransitively() {
        Principal g1 = f.group("g1");
        Principal g2 = f.group("g2");
        Principal g3 = f.group("g3");
        f.directory.addMember(g1.objectId(), alice.objectId());
        f.directory.addMember(g2.objectId(), g1.objectId());
        f.directory.addMember(g3.objectId(), g2.objectId());
        RoleAssignment a = f.assign(g3, BuiltInRole.KEY_VAULT_SECRETS_USER, vault);

        Decision d = f.engine.decideDataAction(alice.objectId(), secret, GET_SECRET);
        assertThat(d.allowed()).isTrue();
        assertThat(d.assignment()).isEqualTo(a);
        assertThat(d.viaGroupId()).isEqualTo(g3.objectId());

        Principal bob = f.user();
        assertThat(f.data(bob, secret, GET_SECRET)).as("non-member").isFalse();
    }

    @Test
    void groupMembershipDoesNotFlowUpwards() {
        // A group is not granted what its members hold.
        Principal g = f.group("g");
        f.directory.addMember(g.objectId(), alice.objectId());
        f.assign(alice, BuiltInRole.KEY_VAULT_SECRETS_USER, vault);
        assertThat(f.engine.decideDataAction(g.objectId(), secret, GET_SECRET).allowed()).isFalse();
    }

    @Test
    void removingAMembershipRevokesOnTheVeryNextDecision() {
        Principal g1 = f.group("g1");
        Principal g2 = f.group("g2");
        f.directory.addMember(g1.objectId(), alice.objectId());
        f.directory.addMember(g2.objectId(), g1.objectId());
        f.assign(g2, BuiltInRole.KEY_VAULT_SECRETS_USER, vault);

        // Asked twice so the allow is certainly cached before the change.
        assertThat(f.data(alice, secret, GET_SECRET)).isTrue();
        assertThat(f.data(alice, secret, GET_SECRET)).isTrue();

        f.directory.removeMember(g2.objectId(), g1.objectId());
        assertThat(f.data(alice, secret, GET_SECRET)).isFalse();

        f.directory.addMember(g2.objectId(), g1.objectId());
        assertThat(f.data(alice, secret, GET_SECRET)).as("re-added").isTrue();
        f.directory.removeMember(g1.objectId(), alice.objectId());
        assertThat(f.data(alice, secret, GET_SECRET)).as("direct membership removed").isFalse();
    }

    @Test
    void addingAMembershipGrantsOnTheVeryNextDecision() {
        // The cache must also forget denials.
        Principal g = f.group("g");
        f.assign(g, BuiltInRole.KEY_VAULT_SECRETS_USER, vault);
        assertThat(f.data(alice, secret, GET_SECRET)).isFalse();
        assertThat(f.data(alice, secret, GET_SECRET)).isFalse();
        f.directory.addMember(g.objectId(), alice.objectId());
        assertThat(f.data(alice, secret, GET_SECRET)).isTrue();
    }

    @Test
    void removingTheAssignmentRevokesAtOnce() {
        RoleAssignment a = f.assign(alice, BuiltInRole.KEY_VAULT_SECRETS_USER, vault);
        assertThat(f.data(alice, secret, GET_SECRET)).isTrue();
        assertThat(f.data(alice, secret, GET_SECRET)).isTrue();

        assertThat(f.engine.removeAssignment(a.id().toUpperCase())).isEqualTo(a);
        assertThat(f.data(alice, secret, GET_SECRET)).isFalse();
    }

    @Test
    void removingAGroupAssignmentRevokesAtOnce() {
        Principal g = f.group("g");
        f.directory.addMember(g.objectId(), alice.objectId());
        RoleAssignment a = f.assign(g, BuiltInRole.KEY_VAULT_READER, vault);
        assertThat(f.action(alice, vault.child("secrets", "x"), "Microsoft.KeyVault/vaults/secrets/read")).isTrue();
        f.engine.removeAssignment(a.id());
        assertThat(f.action(alice, vault.child("secrets", "x"), "Microsoft.KeyVault/vaults/secrets/read")).isFalse();
    }

    @Test
    void removingAssignmentsWithinAVaultLeavesThoseAboveIt() {
        f.assign(alice, BuiltInRole.KEY_VAULT_SECRETS_USER, secret);
        f.assign(alice, BuiltInRole.READER, vault);
        f.assign(alice, BuiltInRole.KEY_VAULT_CRYPTO_USER, rg);
        assertThat(f.data(alice, secret, GET_SECRET)).isTrue();

        assertThat(f.engine.removeAssignmentsWithin(vault)).isEqualTo(2);
        assertThat(f.data(alice, secret, GET_SECRET)).isFalse();
        assertThat(f.action(alice, vault, VAULT_READ)).isFalse();
        assertThat(f.data(alice, vault.child("keys", "k"), "Microsoft.KeyVault/vaults/keys/sign/action")).isTrue();
    }

    @Test
    void rolesFromSeveralAssignmentsDoNotCancelEachOther() {
        // NotActions subtract only within their own role: Contributor's exclusion of
        // roleAssignments/write does not take away what User Access Administrator grants.
        f.assign(alice, BuiltInRole.CONTRIBUTOR, vault);
        f.assign(alice, BuiltInRole.USER_ACCESS_ADMINISTRATOR, rg);
        assertThat(f.action(alice, vault, "Microsoft.Authorization/roleAssignments/write")).isTrue();
        assertThat(f.action(alice, vault, "Microsoft.KeyVault/vaults/write")).isTrue();
    }

    @Test
    void anotherPrincipalsAssignmentGrantsNothing() {
        Principal bob = f.user();
        f.assign(bob, BuiltInRole.OWNER, sub);
        assertThat(f.action(alice, vault, VAULT_READ)).isFalse();
        assertThat(f.action(bob, vault, VAULT_READ)).isTrue();
    }
}
