package dev.coffer.vault.benchmarks;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Subscription;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.core.Coffer;
import dev.coffer.vault.core.internal.platform.PlatformImpl;
import dev.coffer.vault.core.internal.platform.Services;
import dev.coffer.vault.secrets.SecretClient;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Coffer side of every benchmark is set up the same way, so their figures compare: a platform
 * with the in-memory audit log on (at a fixed capacity) and no SLF4J sink (as the testkit builds it),
 * an owner with a subscription and resource group, one RBAC vault, and an application that reaches
 * the vault's secrets through a real role assignment. Every call the benchmarks time is authorized
 * and audited.
 */
final class Setups {
    /** The audit capacity used everywhere, so the audit log's cost is the same in every benchmark. */
    static final int AUDIT_CAPACITY = 100_000;
    /** Every secret value is this many bytes of ASCII (so this many UTF-8 bytes). */
    static final int VALUE_BYTES = 32;

    private Setups() {
    }

    /** A platform, a vault and an application holding Key Vault Secrets Officer on it. */
    static final class World {
        final CofferPlatform platform;
        final Principal owner;
        final Subscription subscription;
        final Vault vault;
        final Principal app;
        final SecretClient secrets;

        World(CofferPlatform platform, Principal owner, Subscription subscription, Vault vault, Principal app) {
            this.platform = platform;
            this.owner = owner;
            this.subscription = subscription;
            this.vault = vault;
            this.app = app;
            this.secrets = vault.secretClient(app);
        }

        VaultManager management() {
            return platform.management(owner);
        }

        /** The platform's internals, for benchmarks that must reach the engine or the audit trail directly. */
        Services services() {
            return ((PlatformImpl) platform).services();
        }
    }

    /** What a test needs before its first call: a platform, an owner, a subscription, a resource group, a vault. */
    static Vault platformAndVault() {
        CofferPlatform platform = Coffer.inMemory().withoutSlf4jAuditSink().auditCapacity(AUDIT_CAPACITY).build();
        Principal owner = platform.directory().createUser("owner@contoso.example");
        Subscription sub = platform.createSubscription("bench", owner);
        VaultManager mgmt = platform.management(owner);
        mgmt.createResourceGroup(sub.id(), "rg-bench", "westeurope");
        return mgmt.createVault(VaultOptions.named("kv-bench").resourceGroup(sub, "rg-bench"));
    }

    static World world() {
        CofferPlatform platform = Coffer.inMemory().withoutSlf4jAuditSink().auditCapacity(AUDIT_CAPACITY).build();
        Principal owner = platform.directory().createUser("owner@contoso.example");
        Subscription sub = platform.createSubscription("bench", owner);
        VaultManager mgmt = platform.management(owner);
        mgmt.createResourceGroup(sub.id(), "rg-bench", "westeurope");
        Vault vault = mgmt.createVault(VaultOptions.named("kv-bench").resourceGroup(sub, "rg-bench"));
        Principal app = platform.directory().createServicePrincipal("bench-app");
        mgmt.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_SECRETS_OFFICER, app);
        return new World(platform, owner, sub, vault, app);
    }

    static String name(int i) {
        return "s-" + i;
    }

    /** A distinct value of exactly {@link #VALUE_BYTES} ASCII characters. */
    static String value(int i) {
        String digits = Integer.toString(i);
        StringBuilder b = new StringBuilder(VALUE_BYTES);
        for (int k = digits.length(); k < VALUE_BYTES; k++) {
            b.append('v');
        }
        return b.append(digits).toString();
    }

    static void fill(SecretClient secrets, int count) {
        for (int i = 0; i < count; i++) {
            secrets.setSecret(name(i), value(i));
        }
    }

    static void fill(Map<String, String> map, int count) {
        for (int i = 0; i < count; i++) {
            map.put(name(i), value(i));
        }
    }

    /**
     * Names to read, in a fixed pseudo-random order over {@code [0, size)}: both sides of a pair read
     * the same sequence, and neither gets the cache-friendly pattern of reading one key again and again.
     */
    static String[] readOrder(int size, int length) {
        SplittableRandom r = new SplittableRandom(42);
        String[] out = new String[length];
        for (int i = 0; i < length; i++) {
            out[i] = name(r.nextInt(size));
        }
        return out;
    }
}
