package dev.coffer.vault.tests.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.keys.CreateEcKeyOptions;
import dev.coffer.vault.keys.CreateRsaKeyOptions;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import dev.coffer.vault.spi.KeyGenerationSpec;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.KeyPool;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Fast keys: the JVM-wide pool hands out valid pairs, each once, and can be kept out. */
class KeyPoolTest {
    private static final KeyGenerationSpec RSA_2048 = KeyGenerationSpec.rsa(KeyType.RSA, 2048);

    @Test
    void pooledPairsAreValidAndDistinctAndHandedOutOnceAcrossThreads() throws Exception {
        KeyPool pool = KeyPool.shared();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<KeyPair>> taken = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                taken.add(threads.submit(() -> pool.takeWaiting(RSA_2048, Duration.ofSeconds(60)).orElseThrow()));
            }
            Set<BigInteger> moduli = Collections.synchronizedSet(new HashSet<>());
            for (Future<KeyPair> f : taken) {
                KeyPair pair = f.get();
                RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
                assertThat(pub.getModulus().bitLength()).isEqualTo(2048);
                assertThat(pub.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
                assertThat(moduli.add(pub.getModulus())).as("a pair handed out twice").isTrue();
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(pair.getPrivate());
                s.update(new byte[] {1, 2, 3});
                byte[] sig = s.sign();
                s.initVerify(pair.getPublic());
                s.update(new byte[] {1, 2, 3});
                assertThat(s.verify(sig)).isTrue();
            }
            assertThat(moduli).hasSize(12);
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<BigInteger> createRsaKeys(CofferFixture fx, int n) {
        Vault vault = fx.vault("kv-pool");
        Principal app = fx.servicePrincipal("app");
        fx.assign(app, BuiltInRole.KEY_VAULT_CRYPTO_OFFICER, vault.scope());
        KeyClient keys = vault.keyClient(app);
        List<BigInteger> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new BigInteger(1, keys.createRsaKey(new CreateRsaKeyOptions("k" + i)).getKey().getN()));
        }
        return out;
    }

    @Test
    void fixturesDrawOnThePoolAndKeysWorkAndAreNeverShared() throws Exception {
        KeyPool pool = KeyPool.shared();
        pool.takeWaiting(RSA_2048, Duration.ofSeconds(60)).orElseThrow(); // the pool is warm
        Thread.sleep(200);
        long hitsBefore = pool.hits();
        CofferFixture a = CofferFixture.create();
        CofferFixture b = CofferFixture.create();
        List<BigInteger> fromA = createRsaKeys(a, 3);
        List<BigInteger> fromB = createRsaKeys(b, 3);
        assertThat(pool.hits()).isGreaterThan(hitsBefore);
        Set<BigInteger> all = new HashSet<>(fromA);
        all.addAll(fromB);
        assertThat(all).as("no key is shared between two vaults or two fixtures").hasSize(6);

        // A pooled key is a key like any other: it signs in the vault and verifies with the public JWK.
        Principal app = a.servicePrincipal("app");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("x".getBytes(StandardCharsets.UTF_8));
        var crypto = a.vault("kv-pool").keyClient(app).getCryptographyClient("k0");
        byte[] sig = crypto.sign(SignatureAlgorithm.RS256, digest).getSignature();
        assertThat(crypto.verify(SignatureAlgorithm.RS256, digest, sig).isValid()).isTrue();
    }

    @Test
    void freshKeysAndDeterministicModeKeepThePoolOut() {
        KeyPool pool = KeyPool.shared();
        long hits = pool.hits();
        long misses = pool.misses();
        createRsaKeys(CofferFixture.builder().freshKeys().build(), 1);
        CofferFixture d1 = CofferFixture.builder().deterministic(7).build();
        CofferFixture d2 = CofferFixture.builder().deterministic(7).build();
        Principal app1 = d1.servicePrincipal("app");
        Principal app2 = d2.servicePrincipal("app");
        d1.assign(app1, BuiltInRole.KEY_VAULT_CRYPTO_OFFICER, d1.vault("kv-det").scope());
        d2.assign(app2, BuiltInRole.KEY_VAULT_CRYPTO_OFFICER, d2.vault("kv-det").scope());
        byte[] x1 = d1.vault("kv-det").keyClient(app1).createEcKey(new CreateEcKeyOptions("e").setCurveName(KeyCurveName.P_256K))
                .getKey().getX();
        byte[] x2 = d2.vault("kv-det").keyClient(app2).createEcKey(new CreateEcKeyOptions("e").setCurveName(KeyCurveName.P_256K))
                .getKey().getX();
        assertThat(x1).as("deterministic keys follow the seed, not the pool").isEqualTo(x2);
        assertThat(pool.hits()).isEqualTo(hits);
        assertThat(pool.misses()).isEqualTo(misses);
    }
}
