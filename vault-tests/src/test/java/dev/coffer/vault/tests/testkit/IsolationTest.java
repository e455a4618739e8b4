package dev.coffer.vault.tests.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Per-test isolation, also when the tests run at once: every test creates the same vault and user
 * names, which would conflict (409) if any two of them shared a platform.
 */
@CofferTest
@Execution(ExecutionMode.CONCURRENT)
class IsolationTest {

    @Test
    void firstTestCreatesTheName(@TestVault(name = "kv-same") Vault vault, @User("alice") Principal alice,
                                 CofferPlatform platform, VaultManager owner) {
        assertThat(owner.listVaults(vault.properties().subscriptionId()).toList()).hasSize(1);
        assertThat(platform.auditLog().query(dev.coffer.vault.audit.AuditQuery.all().operation("VaultPut"))).hasSize(1);
    }

    @Test
    void secondTestCreatesTheSameName(@TestVault(name = "kv-same") Vault vault, @User("alice") Principal alice,
                                      VaultManager owner) {
        assertThat(owner.listVaults(vault.properties().subscriptionId()).toList()).hasSize(1);
    }

    @RepeatedTest(8)
    void repeatedConcurrentlyEachGetsItsOwnPlatform(@TestVault(name = "kv-same") Vault vault, VaultManager owner) {
        owner.deleteVault("kv-same");
        assertThat(owner.listDeletedVaults(vault.properties().subscriptionId()).toList()).hasSize(1);
    }

    @Test
    void unnamedVaultsGetDistinctValidNames(@TestVault Vault a, @TestVault Vault b) {
        assertThat(a.name()).isNotEqualTo(b.name()).startsWith("kv-unnamedvaults");
        assertThat(b.name().length()).isBetween(3, 24);
    }
}
