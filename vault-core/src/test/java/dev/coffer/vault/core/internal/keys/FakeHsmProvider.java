package dev.coffer.vault.core.internal.keys;

import dev.coffer.vault.core.internal.crypto.SoftwareCryptoProvider;
import dev.coffer.vault.keys.JsonWebKey;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.keys.cryptography.EncryptionAlgorithm;
import dev.coffer.vault.keys.cryptography.KeyWrapAlgorithm;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import dev.coffer.vault.spi.CryptoProvider;
import dev.coffer.vault.spi.EncryptResult;
import dev.coffer.vault.spi.KeyGenerationSpec;
import dev.coffer.vault.spi.KeyReference;
import dev.coffer.vault.spi.ProtectionLevel;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double that reports {@link ProtectionLevel#HSM} and holds RSA-HSM and EC-HSM keys, doing the math
 * with a private software provider. It stands in for the simulated HSM being built elsewhere, to test the
 * core's routing hook only.
 */
final class FakeHsmProvider implements CryptoProvider {
    static final String ID = "test-hsm";
    final AtomicInteger destroyed = new AtomicInteger();
    private final SoftwareCryptoProvider math;

    private final int weight;

    FakeHsmProvider() {
        this(0);
    }

    /** @param weight the throttle weight it reports for every key, or 0 for the SPI's default */
    FakeHsmProvider(int weight) {
        this.weight = weight;
        byte[] kek = new byte[32];
        Arrays.fill(kek, (byte) 0x5a);
        math = new SoftwareCryptoProvider(kek, new SecureRandom());
    }

    private static KeyType soft(KeyType t) {
        return KeyType.RSA_HSM.equals(t) ? KeyType.RSA : KeyType.EC_HSM.equals(t) ? KeyType.EC : t;
    }

    private static KeyType hard(KeyType t) {
        return KeyType.RSA.equals(t) ? KeyType.RSA_HSM : KeyType.EC.equals(t) ? KeyType.EC_HSM : t;
    }

    private static KeyReference toSoft(KeyReference r) {
        return new KeyReference(SoftwareCryptoProvider.ID, ProtectionLevel.SOFTWARE, soft(r.keyType()), r.keySize(),
                r.curve(), r.wrappedKey(), null);
    }

    private static KeyReference toHsm(KeyReference r) {
        return new KeyReference(ID, ProtectionLevel.HSM, hard(r.keyType()), r.keySize(), r.curve(), r.wrappedKey(), null);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ProtectionLevel protectionLevel() {
        return ProtectionLevel.HSM;
    }

    @Override
    public Set<KeyType> keyTypes() {
        return Set.of(KeyType.RSA_HSM, KeyType.EC_HSM);
    }

    @Override
    public Set<Integer> keySizes(KeyType keyType) {
        return keyTypes().contains(keyType) ? math.keySizes(soft(keyType)) : Set.of();
    }

    @Override
    public Set<KeyCurveName> curves(KeyType keyType) {
        return keyTypes().contains(keyType) ? math.curves(soft(keyType)) : Set.of();
    }

    @Override
    public Set<SignatureAlgorithm> signatureAlgorithms(KeyType keyType) {
        return math.signatureAlgorithms(soft(keyType));
    }

    @Override
    public Set<EncryptionAlgorithm> encryptionAlgorithms(KeyType keyType) {
        return math.encryptionAlgorithms(soft(keyType));
    }

    @Override
    public Set<KeyWrapAlgorithm> keyWrapAlgorithms(KeyType keyType) {
        return math.keyWrapAlgorithms(soft(keyType));
    }

    @Override
    public KeyReference generateKey(KeyGenerationSpec spec) {
        return toHsm(math.generateKey(new KeyGenerationSpec(soft(spec.keyType()), spec.keySize(), spec.curve(), null)));
    }

    @Override
    public KeyReference importKey(JsonWebKey privateKey) {
        return toHsm(math.importKey(privateKey.toBuilder().keyType(soft(privateKey.getKeyType())).build()));
    }

    @Override
    public JsonWebKey publicKey(KeyReference key) {
        JsonWebKey pub = math.publicKey(toSoft(key));
        return pub.toBuilder().keyType(hard(pub.getKeyType())).build();
    }

    @Override
    public byte[] sign(KeyReference key, SignatureAlgorithm algorithm, byte[] digest) {
        return math.sign(toSoft(key), algorithm, digest);
    }

    @Override
    public boolean verify(KeyReference key, SignatureAlgorithm algorithm, byte[] digest, byte[] signature) {
        return math.verify(toSoft(key), algorithm, digest, signature);
    }

    @Override
    public boolean verify(JsonWebKey publicKey, SignatureAlgorithm algorithm, byte[] digest, byte[] signature) {
        return math.verify(publicKey, algorithm, digest, signature);
    }

    @Override
    public EncryptResult encrypt(KeyReference key, EncryptionAlgorithm algorithm, byte[] plaintext, byte[] iv, byte[] aad) {
        return math.encrypt(toSoft(key), algorithm, plaintext, iv, aad);
    }

    @Override
    public EncryptResult encrypt(JsonWebKey publicKey, EncryptionAlgorithm algorithm, byte[] plaintext) {
        return math.encrypt(publicKey, algorithm, plaintext);
    }

    @Override
    public byte[] decrypt(KeyReference key, EncryptionAlgorithm algorithm, byte[] ciphertext, byte[] iv, byte[] aad,
                          byte[] tag) {
        return math.decrypt(toSoft(key), algorithm, ciphertext, iv, aad, tag);
    }

    @Override
    public byte[] wrapKey(KeyReference key, KeyWrapAlgorithm algorithm, byte[] keyBytes) {
        return math.wrapKey(toSoft(key), algorithm, keyBytes);
    }

    @Override
    public byte[] wrapKey(JsonWebKey publicKey, KeyWrapAlgorithm algorithm, byte[] keyBytes) {
        return math.wrapKey(publicKey, algorithm, keyBytes);
    }

    @Override
    public byte[] unwrapKey(KeyReference key, KeyWrapAlgorithm algorithm, byte[] encryptedKey) {
        return math.unwrapKey(toSoft(key), algorithm, encryptedKey);
    }

    @Override
    public byte[] exportForBackup(KeyReference key) {
        return math.exportForBackup(toSoft(key));
    }

    @Override
    public KeyReference importFromBackup(byte[] backup) {
        return toHsm(math.importFromBackup(backup));
    }

    @Override
    public void destroy(KeyReference key) {
        destroyed.incrementAndGet();
        math.destroy(toSoft(key));
    }

    @Override
    public int throttleWeight(KeyReference key) {
        return weight == 0 ? CryptoProvider.super.throttleWeight(key) : weight;
    }
}
