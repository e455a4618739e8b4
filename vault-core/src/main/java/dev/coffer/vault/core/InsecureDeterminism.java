package dev.coffer.vault.core;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Deterministic randomness for reproducible tests — and therefore NEVER for production: every id,
 * IV, nonce and generated key becomes predictable from the seed. The name is meant to stand out in
 * review and in a grep; nothing in Coffer switches it on by itself.
 *
 * <pre>{@code
 * CofferPlatform platform = Coffer.inMemory()
 *         .random(InsecureDeterminism.seededRandom(42))
 *         .clock(fixedClock)
 *         .build();
 * }</pre>
 *
 * Two platforms built with the same seed and clock, making the same calls in the same order,
 * produce the same tenant, object and version ids, the same backup blobs, and the same keys and
 * signatures where the algorithm draws its randomness from the platform (RSA and EC key generation,
 * RSA-OAEP and RSA1_5 padding, PSS salts, ECDSA nonces, AES-GCM IVs chosen by the provider).
 */
public final class InsecureDeterminism {
    private InsecureDeterminism() {
    }

    /**
     * @param seed the seed
     * @return a {@link SecureRandom} whose output is a fixed function of the seed (HMAC-SHA256 in
     * counter mode); {@code setSeed} is ignored so that nothing can perturb the sequence
     */
    public static SecureRandom seededRandom(long seed) {
        return new Seeded(seed);
    }

    private static final class Seeded extends SecureRandom {
        private static final long serialVersionUID = 1L;

        Seeded(long seed) {
            super(new Spi(seed), null);
        }

        @Override
        public String getAlgorithm() {
            return "CofferInsecureDeterministic";
        }
    }

    private static final class Spi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private final transient Mac mac;
        private long counter;
        private final byte[] block = new byte[32];
        private int used = block.length;

        Spi(long seed) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(ByteBuffer.allocate(Long.BYTES + 16).put("coffer-insecure!".getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII)).putLong(seed).array(), "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
            }
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            // Ignored on purpose: determinism is the point.
        }

        @Override
        protected synchronized void engineNextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                if (used == block.length) {
                    byte[] next = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter++).array());
                    System.arraycopy(next, 0, block, 0, block.length);
                    used = 0;
                }
                bytes[i] = block[used++];
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] out = new byte[numBytes];
            engineNextBytes(out);
            return out;
        }
    }
}
