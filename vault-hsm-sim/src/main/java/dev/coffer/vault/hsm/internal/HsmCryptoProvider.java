package dev.coffer.vault.hsm.internal;

import dev.coffer.vault.hsm.HsmKeyAttributes;
import dev.coffer.vault.hsm.KeyAttestation;
import dev.coffer.vault.hsm.OperationClass;
import dev.coffer.vault.keys.JsonWebKey;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.keys.cryptography.EncryptionAlgorithm;
import dev.coffer.vault.keys.cryptography.KeyWrapAlgorithm;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import dev.coffer.vault.spi.CryptoProvider;
import dev.coffer.vault.spi.EncryptResult;
import dev.coffer.vault.spi.KeyAttestationStatement;
import dev.coffer.vault.spi.KeyGenerationSpec;
import dev.coffer.vault.spi.KeyReference;
import dev.coffer.vault.spi.ProtectionLevel;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@link CryptoProvider} of one partition of a simulated HSM. Every operation passes the device's gate
 * first (503 when off line, not activated or tampered; then the simulated latency), runs in the partition's
 * engine, and is counted for the partition and the key when it succeeds.
 *
 * <p>Thread-safe; holds no per-key state beyond the device's capacity bookkeeping and counters.
 */
public final class HsmCryptoProvider implements CryptoProvider {

    private final Device device;
    private final PartitionEngine engine;

    HsmCryptoProvider(Device device, PartitionEngine engine) {
        this.device = device;
        this.engine = engine;
    }

    /** @return the partition this provider serves */
    public String partition() {
        return engine.partition();
    }

    PartitionEngine engine() {
        return engine;
    }

    @Override
    public String id() {
        return engine.id();
    }

    @Override
    public ProtectionLevel protectionLevel() {
        return ProtectionLevel.HSM;
    }

    @Override
    public Set<KeyType> keyTypes() {
        return engine.keyTypes();
    }

    @Override
    public Set<Integer> keySizes(KeyType keyType) {
        return engine.keySizes(keyType);
    }

    @Override
    public Set<KeyCurveName> curves(KeyType keyType) {
        return engine.curves(keyType);
    }

    @Override
    public Set<SignatureAlgorithm> signatureAlgorithms(KeyType keyType) {
        return engine.signatureAlgorithms(keyType);
    }

    @Override
    public Set<EncryptionAlgorithm> encryptionAlgorithms(KeyType keyType) {
        return engine.encryptionAlgorithms(keyType);
    }

    @Override
    public Set<KeyWrapAlgorithm> keyWrapAlgorithms(KeyType keyType) {
        return engine.keyWrapAlgorithms(keyType);
    }

    @Override
    public KeyReference generateKey(KeyGenerationSpec spec) {
        Objects.requireNonNull(spec, "spec");
        device.enter(OperationClass.CREATE, spec.keyType(), spec.keySize());
        return counted(OperationClass.CREATE, engine.generateKey(spec));
    }

    @Override
    public KeyReference importKey(JsonWebKey privateKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        device.enter(OperationClass.IMPORT, privateKey.getKeyType(), 0);
        return counted(OperationClass.IMPORT, engine.importKey(privateKey));
    }

    @Override
    public JsonWebKey publicKey(KeyReference key) {
        return onKey(OperationClass.GET, key, () -> engine.publicKey(key));
    }

    /**
     * Reads a key's attributes after authenticating its reference.
     *
     * @param key the key
     * @return its attributes
     */
    public HsmKeyAttributes attributes(KeyReference key) {
        return onKey(OperationClass.GET, key, () -> engine.attributes(key));
    }

    /**
     * Says {@value HsmKeyAttributes#PLATFORM}, the device's own label, so a vault never shows a simulated key
     * as if a certified HSM held it.
     */
    @Override
    public String hsmPlatform() {
        return HsmKeyAttributes.PLATFORM;
    }

    /** The device's own weight for a use of the key (the same table it reports through {@code weightClass}). */
    @Override
    public int throttleWeight(KeyReference key) {
        Objects.requireNonNull(key, "key");
        return dev.coffer.vault.hsm.ThrottleWeight.of(OperationClass.GET, key.keyType(), key.keySize()).units();
    }

    /**
     * The device's attestation, in the SPI's form. Only keys of this partition: a provider sees its own slot,
     * as everywhere else in this class, so a reference of another partition is refused with 400.
     */
    @Override
    public Optional<KeyAttestationStatement> attest(KeyReference key) {
        Objects.requireNonNull(key, "key");
        String partition = partitionOf(key);
        if (partition != null && !partition.equals(engine.partition())) {
            throw new dev.coffer.vault.BadParameterException("BadParameter", null,
                    "The key reference belongs to another partition of the simulated HSM.");
        }
        KeyAttestation a = device.attest(key);
        return Optional.of(new KeyAttestationStatement(KeyAttestation.FORMAT, a.statement(), a.signatureAlgorithm(),
                a.signature(), a.certificateChain()));
    }

    @Override
    public byte[] sign(KeyReference key, SignatureAlgorithm algorithm, byte[] digest) {
        return onKey(OperationClass.SIGN, key, () -> engine.sign(key, algorithm, digest));
    }

    @Override
    public boolean verify(KeyReference key, SignatureAlgorithm algorithm, byte[] digest, byte[] signature) {
        return onKey(OperationClass.VERIFY, key, () -> engine.verify(key, algorithm, digest, signature));
    }

    @Override
    public boolean verify(JsonWebKey publicKey, SignatureAlgorithm algorithm, byte[] digest, byte[] signature) {
        return bare(OperationClass.VERIFY, publicKey, () -> engine.verify(publicKey, algorithm, digest, signature));
    }

    @Override
    public EncryptResult encrypt(KeyReference key, EncryptionAlgorithm algorithm, byte[] plaintext, byte[] iv,
                                 byte[] aad) {
        return onKey(OperationClass.ENCRYPT, key, () -> engine.encrypt(key, algorithm, plaintext, iv, aad));
    }

    @Override
    public EncryptResult encrypt(JsonWebKey publicKey, EncryptionAlgorithm algorithm, byte[] plaintext) {
        return bare(OperationClass.ENCRYPT, publicKey, () -> engine.encrypt(publicKey, algorithm, plaintext));
    }

    @Override
    public byte[] decrypt(KeyReference key, EncryptionAlgorithm algorithm, byte[] ciphertext, byte[] iv, byte[] aad,
                          byte[] tag) {
        return onKey(OperationClass.DECRYPT, key, () -> engine.decrypt(key, algorithm, ciphertext, iv, aad, tag));
    }

    @Override
    public byte[] wrapKey(KeyReference key, KeyWrapAlgorithm algorithm, byte[] keyBytes) {
        return onKey(OperationClass.WRAP, key, () -> engine.wrapKey(key, algorithm, keyBytes));
    }

    @Override
    public byte[] wrapKey(JsonWebKey publicKey, KeyWrapAlgorithm algorithm, byte[] keyBytes) {
        return bare(OperationClass.WRAP, publicKey, () -> engine.wrapKey(publicKey, algorithm, keyBytes));
    }

    @Override
    public byte[] unwrapKey(KeyReference key, KeyWrapAlgorithm algorithm, byte[] encryptedKey) {
        return onKey(OperationClass.UNWRAP, key, () -> engine.unwrapKey(key, algorithm, encryptedKey));
    }

    @Override
    public byte[] exportForBackup(KeyReference key) {
        return onKey(OperationClass.BACKUP, key, () -> engine.exportForBackup(key));
    }

    @Override
    public KeyReference importFromBackup(byte[] backup) {
        Objects.requireNonNull(backup, "backup");
        device.enter(OperationClass.RESTORE, null, 0);
        return counted(OperationClass.RESTORE, engine.importFromBackup(backup));
    }

    @Override
    public void destroy(KeyReference key) {
        onKey(OperationClass.DESTROY, key, () -> {
            engine.destroy(key);
            return null;
        });
    }

    /** Runs an operation on a stored key: gate, operation, count. */
    private <T> T onKey(OperationClass operation, KeyReference key, Supplier<T> action) {
        Objects.requireNonNull(key, "key");
        device.enter(operation, key.keyType(), key.keySize());
        T result = action.get();
        KeyBlob blob = KeyBlob.parse(key.wrappedKey());
        device.count(engine.partition(), blob == null ? null : blob.objectIdHex(), operation);
        return result;
    }

    private <T> T bare(OperationClass operation, JsonWebKey publicKey, Supplier<T> action) {
        Objects.requireNonNull(publicKey, "publicKey");
        device.enter(operation, publicKey.getKeyType(), 0);
        T result = action.get();
        device.count(engine.partition(), null, operation);
        return result;
    }

    private KeyReference counted(OperationClass operation, KeyReference created) {
        KeyBlob blob = KeyBlob.parse(created.wrappedKey());
        device.count(engine.partition(), blob == null ? null : blob.objectIdHex(), operation);
        return created;
    }

    /**
     * The object id of a reference, read from its clear header without authenticating it.
     *
     * @param key a reference
     * @return the id, or null if the reference is not in this format
     */
    public static String objectId(KeyReference key) {
        KeyBlob blob = KeyBlob.parse(key.wrappedKey());
        return blob == null ? null : blob.objectIdHex();
    }

    /**
     * The partition a reference names, read from its clear header without authenticating it.
     *
     * @param key a reference
     * @return the partition, or null if the reference is not in this format
     */
    public static String partitionOf(KeyReference key) {
        KeyBlob blob = KeyBlob.parse(key.wrappedKey());
        return blob == null ? null : blob.partition();
    }

    @Override
    public String toString() {
        return "SimulatedHsmProvider[" + engine.id() + ", partition=" + engine.partition() + ", device="
                + device.deviceId() + "]";
    }
}
