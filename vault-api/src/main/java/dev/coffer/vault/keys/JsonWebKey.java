package dev.coffer.vault.keys;

import java.io.Serializable;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A JSON Web Key (RFC 7517) as Key Vault uses it: an RSA, elliptic curve or symmetric key, public or
 * private.
 *
 * <p>Immutable and thread-safe. Every byte array is copied on the way in and on the way out, so neither
 * the builder's caller nor a getter's caller can change the key. Integers ({@code n}, {@code e},
 * {@code d}, ...) are unsigned big-endian, as in the JWK's base64url form.
 *
 * <p>{@link #toString()} never shows private material ({@code d}, {@code p}, {@code q}, {@code dp},
 * {@code dq}, {@code qi}, {@code k}); it names the key type, curve, size and whether private parts are
 * present. A key returned by Coffer's API is always public ({@link #toPublic()}); a private JWK is only
 * ever built by a caller to import it.
 *
 * <pre>{@code
 * JsonWebKey jwk = JsonWebKey.builder()
 *         .keyType(KeyType.EC)
 *         .curveName(KeyCurveName.P_256)
 *         .x(x).y(y)
 *         .build();
 * }</pre>
 */
public final class JsonWebKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final KeyType keyType;
    private final List<KeyOperation> keyOps;
    private final byte[] n;
    private final byte[] e;
    private final byte[] d;
    private final byte[] dp;
    private final byte[] dq;
    private final byte[] qi;
    private final byte[] p;
    private final byte[] q;
    private final byte[] k;
    private final KeyCurveName curveName;
    private final byte[] x;
    private final byte[] y;

    private JsonWebKey(Builder b) {
        this.id = b.id;
        this.keyType = Objects.requireNonNull(b.keyType, "keyType");
        this.keyOps = b.keyOps == null ? null : List.copyOf(b.keyOps);
        this.n = copy(b.n);
        this.e = copy(b.e);
        this.d = copy(b.d);
        this.dp = copy(b.dp);
        this.dq = copy(b.dq);
        this.qi = copy(b.qi);
        this.p = copy(b.p);
        this.q = copy(b.q);
        this.k = copy(b.k);
        this.curveName = b.curveName;
        this.x = copy(b.x);
        this.y = copy(b.y);
    }

    /**
     * Starts a builder for a new key.
     *
     * @return an empty builder; {@link Builder#keyType(KeyType)} is the one required field
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding every field of this key, to derive a changed copy.
     *
     * @return a builder initialised from this key
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.keyType = keyType;
        b.keyOps = keyOps;
        b.n = n;
        b.e = e;
        b.d = d;
        b.dp = dp;
        b.dq = dq;
        b.qi = qi;
        b.p = p;
        b.q = q;
        b.k = k;
        b.curveName = curveName;
        b.x = x;
        b.y = y;
        return b;
    }

    /** @return the key identifier ({@code kid}), or null when the key has none */
    public String getId() {
        return id;
    }

    /** @return the key type ({@code kty}); never null */
    public KeyType getKeyType() {
        return keyType;
    }

    /** @return the permitted operations ({@code key_ops}) as an immutable list, or null when not stated */
    public List<KeyOperation> getKeyOps() {
        return keyOps;
    }

    /** @return a copy of the RSA modulus, or null */
    public byte[] getN() {
        return copy(n);
    }

    /** @return a copy of the RSA public exponent, or null */
    public byte[] getE() {
        return copy(e);
    }

    /** @return a copy of the RSA private exponent or EC private scalar, or null */
    public byte[] getD() {
        return copy(d);
    }

    /** @return a copy of the RSA CRT exponent d mod (p-1), or null */
    public byte[] getDp() {
        return copy(dp);
    }

    /** @return a copy of the RSA CRT exponent d mod (q-1), or null */
    public byte[] getDq() {
        return copy(dq);
    }

    /** @return a copy of the RSA CRT coefficient q^-1 mod p, or null */
    public byte[] getQi() {
        return copy(qi);
    }

    /** @return a copy of the RSA first prime, or null */
    public byte[] getP() {
        return copy(p);
    }

    /** @return a copy of the RSA second prime, or null */
    public byte[] getQ() {
        return copy(q);
    }

    /** @return a copy of the symmetric key, or null */
    public byte[] getK() {
        return copy(k);
    }

    /** @return the curve of an EC key ({@code crv}), or null */
    public KeyCurveName getCurveName() {
        return curveName;
    }

    /** @return a copy of the EC public point's x coordinate, or null */
    public byte[] getX() {
        return copy(x);
    }

    /** @return a copy of the EC public point's y coordinate, or null */
    public byte[] getY() {
        return copy(y);
    }

    /**
     * Tells whether this key carries any private or secret material.
     *
     * @return true if any of {@code d, p, q, dp, dq, qi, k} is present
     */
    public boolean hasPrivateKey() {
        return d != null || p != null || q != null || dp != null || dq != null || qi != null || k != null;
    }

    /**
     * Returns this key without its private parts. For a symmetric key that leaves only the key type,
     * identifier and operations, as Key Vault returns for {@code oct} keys.
     *
     * @return a copy with {@code d, p, q, dp, dq, qi, k} removed; this instance when there were none
     */
    public JsonWebKey toPublic() {
        if (!hasPrivateKey()) {
            return this;
        }
        Builder b = toBuilder();
        b.d = null;
        b.p = null;
        b.q = null;
        b.dp = null;
        b.dq = null;
        b.qi = null;
        b.k = null;
        return b.build();
    }

    /**
     * Compares all fields. Private fields are compared in constant time, so comparing two private keys
     * does not reveal through timing where they differ.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof JsonWebKey that)) {
            return false;
        }
        return Objects.equals(id, that.id) && keyType.equals(that.keyType) && Objects.equals(keyOps, that.keyOps)
                && Objects.equals(curveName, that.curveName)
                && Arrays.equals(n, that.n) && Arrays.equals(e, that.e)
                && Arrays.equals(x, that.x) && Arrays.equals(y, that.y)
                && secretEquals(d, that.d) && secretEquals(p, that.p) && secretEquals(q, that.q)
                && secretEquals(dp, that.dp) && secretEquals(dq, that.dq) && secretEquals(qi, that.qi)
                && secretEquals(k, that.k);
    }

    /** Hashes only public fields, so a hash table never depends on secret bytes. */
    @Override
    public int hashCode() {
        int h = Objects.hash(id, keyType, keyOps, curveName);
        h = 31 * h + Arrays.hashCode(n);
        h = 31 * h + Arrays.hashCode(e);
        h = 31 * h + Arrays.hashCode(x);
        return 31 * h + Arrays.hashCode(y);
    }

    /** Names the key without any private material, for example {@code JsonWebKey[kty=RSA, n=2048 bits, private]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("JsonWebKey[kty=").append(keyType);
        if (id != null) {
            s.append(", kid=").append(id);
        }
        if (curveName != null) {
            s.append(", crv=").append(curveName);
        }
        if (n != null) {
            s.append(", n=").append(bitLength(n)).append(" bits");
        }
        if (k != null) {
            s.append(", k=").append(k.length * 8).append(" bits");
        }
        if (keyOps != null) {
            s.append(", key_ops=").append(keyOps);
        }
        return s.append(hasPrivateKey() ? ", private]" : ", public]").toString();
    }

    private static int bitLength(byte[] unsigned) {
        return new java.math.BigInteger(1, unsigned).bitLength();
    }

    private static boolean secretEquals(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return a == b;
        }
        return MessageDigest.isEqual(a, b);
    }

    private static byte[] copy(byte[] bytes) {
        return bytes == null ? null : bytes.clone();
    }

    /**
     * Builds a {@link JsonWebKey}. Not thread-safe; every setter copies its array, so the caller may clear
     * its own arrays after {@link #build()}.
     */
    public static final class Builder {
        private String id;
        private KeyType keyType;
        private List<KeyOperation> keyOps;
        private byte[] n;
        private byte[] e;
        private byte[] d;
        private byte[] dp;
        private byte[] dq;
        private byte[] qi;
        private byte[] p;
        private byte[] q;
        private byte[] k;
        private KeyCurveName curveName;
        private byte[] x;
        private byte[] y;

        private Builder() {
        }

        /**
         * @param id the key identifier ({@code kid}), or null
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param keyType the key type ({@code kty}); required
         * @return this builder
         */
        public Builder keyType(KeyType keyType) {
            this.keyType = keyType;
            return this;
        }

        /**
         * @param keyOps the permitted operations, or null for "not stated"
         * @return this builder
         */
        public Builder keyOps(List<KeyOperation> keyOps) {
            this.keyOps = keyOps == null ? null : new ArrayList<>(keyOps);
            return this;
        }

        /**
         * @param n the RSA modulus, unsigned big-endian
         * @return this builder
         */
        public Builder n(byte[] n) {
            this.n = copy(n);
            return this;
        }

        /**
         * @param e the RSA public exponent, unsigned big-endian
         * @return this builder
         */
        public Builder e(byte[] e) {
            this.e = copy(e);
            return this;
        }

        /**
         * @param d the RSA private exponent or the EC private scalar
         * @return this builder
         */
        public Builder d(byte[] d) {
            this.d = copy(d);
            return this;
        }

        /**
         * @param dp the RSA CRT exponent d mod (p-1)
         * @return this builder
         */
        public Builder dp(byte[] dp) {
            this.dp = copy(dp);
            return this;
        }

        /**
         * @param dq the RSA CRT exponent d mod (q-1)
         * @return this builder
         */
        public Builder dq(byte[] dq) {
            this.dq = copy(dq);
            return this;
        }

        /**
         * @param qi the RSA CRT coefficient q^-1 mod p
         * @return this builder
         */
        public Builder qi(byte[] qi) {
            this.qi = copy(qi);
            return this;
        }

        /**
         * @param p the RSA first prime
         * @return this builder
         */
        public Builder p(byte[] p) {
            this.p = copy(p);
            return this;
        }

        /**
         * @param q the RSA second prime
         * @return this builder
         */
        public Builder q(byte[] q) {
            this.q = copy(q);
            return this;
        }

        /**
         * @param k the symmetric key bytes
         * @return this builder
         */
        public Builder k(byte[] k) {
            this.k = copy(k);
            return this;
        }

        /**
         * @param curveName the curve of an EC key ({@code crv})
         * @return this builder
         */
        public Builder curveName(KeyCurveName curveName) {
            this.curveName = curveName;
            return this;
        }

        /**
         * @param x the EC public point's x coordinate, unsigned big-endian
         * @return this builder
         */
        public Builder x(byte[] x) {
            this.x = copy(x);
            return this;
        }

        /**
         * @param y the EC public point's y coordinate, unsigned big-endian
         * @return this builder
         */
        public Builder y(byte[] y) {
            this.y = copy(y);
            return this;
        }

        /**
         * Builds the key. Only the presence of a key type is checked here: whether the material is
         * complete and consistent for an operation is decided by the provider that uses it.
         *
         * @return the immutable key
         * @throws NullPointerException if no key type was set
         */
        public JsonWebKey build() {
            return new JsonWebKey(this);
        }
    }

    /**
     * Only public keys serialize: Java serialization would write private parts in the clear, which no
     * path of Coffer may do. A private key is moved with the vault's import, never as a serialized object.
     */
    private Object writeReplace() throws java.io.ObjectStreamException {
        if (hasPrivateKey()) {
            throw new java.io.NotSerializableException("a JsonWebKey carrying private material is not serializable");
        }
        return this;
    }

    /** Deserialized keys go through the builder again, for its checks and its defensive copies. */
    private Object readResolve() throws java.io.ObjectStreamException {
        if (hasPrivateKey()) {
            throw new java.io.InvalidObjectException("a serialized JsonWebKey may not carry private material");
        }
        return toBuilder().build();
    }
}
