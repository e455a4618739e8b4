package dev.coffer.vault.core.internal.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Subscription;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.core.Coffer;
import dev.coffer.vault.secrets.KeyVaultSecret;
import dev.coffer.vault.secrets.SecretClient;
import dev.coffer.vault.secrets.SecretProperties;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

/**
 * After a purge, nothing the platform can still reach holds the value: the object graph is walked
 * by reflection from the platform instance. The public API cannot show this, hence a core test.
 */
class SecretPurgeReachabilityTest {

    private static final String VALUE = "S3CR3T-VALUE-7f3a";
    private static final byte[] VALUE_BYTES = VALUE.getBytes(StandardCharsets.UTF_8);

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        volatile Instant now = Instant.parse("2030-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** What the walk found. */
    static final class Found {
        final List<String> hits = new ArrayList<>();
        final List<SecretPayload> payloads = new ArrayList<>();
        int visited;
    }

    static Found walk(Object root) throws IllegalAccessException {
        Found found = new Found();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[] {root, "platform"});
        while (!todo.isEmpty()) {
            Object[] next = todo.pop();
            Object o = next[0];
            String path = (String) next[1];
            if (o == null || !seen.add(o)) {
                continue;
            }
            found.visited++;
            Class<?> c = o.getClass();
            if (o instanceof String) {
                if (((String) o).contains(VALUE)) {
                    found.hits.add(path + " (String)");
                }
                continue;
            }
            if (o instanceof byte[]) {
                if (indexOf((byte[]) o, VALUE_BYTES) >= 0) {
                    found.hits.add(path + " (byte[])");
                }
                continue;
            }
            if (o instanceof char[]) {
                if (new String((char[]) o).contains(VALUE)) {
                    found.hits.add(path + " (char[])");
                }
                continue;
            }
            if (o instanceof SecretPayload) {
                found.payloads.add((SecretPayload) o);
            }
            if (c.isArray()) {
                if (!c.getComponentType().isPrimitive()) {
                    for (int i = 0; i < Array.getLength(o); i++) {
                        todo.push(new Object[] {Array.get(o, i), path + "[" + i + "]"});
                    }
                }
                continue;
            }
            if (isJdk(c)) {
                // JDK internals are not opened to reflection: follow only the containers' contents.
                if (o instanceof Map) {
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                        todo.push(new Object[] {e.getKey(), path + ".key"});
                        todo.push(new Object[] {e.getValue(), path + "[" + e.getKey() + "]"});
                    }
                } else if (o instanceof Collection) {
                    int i = 0;
                    for (Object e : (Collection<?>) o) {
                        todo.push(new Object[] {e, path + "{" + i++ + "}"});
                    }
                } else if (o instanceof AtomicReference) {
                    todo.push(new Object[] {((AtomicReference<?>) o).get(), path + ".get()"});
                } else if (o instanceof AtomicReferenceArray) {
                    AtomicReferenceArray<?> a = (AtomicReferenceArray<?>) o;
                    for (int i = 0; i < a.length(); i++) {
                        todo.push(new Object[] {a.get(i), path + "[" + i + "]"});
                    }
                } else if (o instanceof Optional) {
                    todo.push(new Object[] {((Optional<?>) o).orElse(null), path + ".get()"});
                }
                continue;
            }
            for (Class<?> k = c; k != null && !isJdk(k); k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                        continue;
                    }
                    f.setAccessible(true);
                    todo.push(new Object[] {f.get(o), path + "." + f.getName()});
                }
            }
        }
        return found;
    }

    private static boolean isJdk(Class<?> c) {
        String n = c.getName();
        return n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jdk.") || n.startsWith("sun.")
                || n.startsWith("com.sun.");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] bytesOf(SecretPayload p) throws ReflectiveOperationException {
        Field f = SecretPayload.class.getDeclaredField("value");
        f.setAccessible(true);
        return (byte[]) f.get(p);
    }

    @Test
    void afterPurgeNoReachableObjectHoldsTheValueAndItsBytesAreZeroed() throws Exception {
        HandClock clock = new HandClock();
        CofferPlatform platform = Coffer.inMemory().clock(clock).withoutSlf4jAuditSink().build();
        Principal owner = platform.directory().createUser("owner@contoso.example");
        Subscription sub = platform.createSubscription("walk", owner);
        VaultManager mgmt = platform.management(owner);
        mgmt.createResourceGroup(sub.id(), "rg", "westeurope");
        Vault vault = mgmt.createVault(VaultOptions.named("kv-walk").resourceGroup(sub, "rg").softDeleteRetentionDays(7));
        mgmt.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_SECRETS_OFFICER, owner);
        SecretClient s = vault.secretClient(owner);

        s.setSecret("db", VALUE);
        s.setSecret(KeyVaultSecret.of("db", "prefix-" + VALUE + "-suffix").withContentType("text/plain"));
        s.updateSecretProperties(SecretProperties.of("db").withEnabled(false));
        s.setSecret("swept", VALUE);
        s.setSecret("other", "harmless");
        byte[] blob = s.backupSecret("db");

        Found before = walk(platform);
        assertThat(before.hits).as("the walk does find the value while it is stored").isNotEmpty();
        List<SecretPayload> owned = new ArrayList<>(before.payloads);
        assertThat(owned).hasSize(4);

        // A user purge of one name, a restore and a second user purge, and a clock-driven purge of another.
        s.deleteSecret("db");
        s.purgeDeletedSecret("db");
        s.restoreSecretBackup(blob);
        List<SecretPayload> restored = new ArrayList<>(walk(platform).payloads);
        restored.removeAll(owned);
        assertThat(restored).hasSize(2);
        owned.addAll(restored);
        s.deleteSecret("db");
        s.purgeDeletedSecret("db");
        s.deleteSecret("swept");
        clock.now = clock.now.plus(Duration.ofDays(8));
        assertThat(platform.sweep().toString()).isNotEmpty();

        Found after = walk(platform);
        assertThat(after.visited).as("the walk reached a real graph").isGreaterThan(200);
        assertThat(after.hits).isEmpty();
        assertThat(after.payloads).hasSize(1);
        owned.removeIf(p -> p == after.payloads.get(0));
        assertThat(owned).hasSize(5);
        for (SecretPayload p : owned) {
            assertThat(bytesOf(p)).as("a purged payload's bytes").containsOnly((byte) 0);
        }
        assertThat(new String(bytesOf(after.payloads.get(0)), StandardCharsets.UTF_8)).isEqualTo("harmless");
        assertThat(s.getSecret("other").getValue()).isEqualTo("harmless");
    }
}
