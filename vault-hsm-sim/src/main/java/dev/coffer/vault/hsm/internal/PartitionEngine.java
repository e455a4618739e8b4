package dev.coffer.vault.hsm.internal;

import static dev.coffer.vault.hsm.internal.Device.ascii;

import dev.coffer.vault.hsm.HsmKeyAttributes;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.spi.KeyReference;
import dev.coffer.vault.spi.ProtectionLevel;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The algorithms bound to one partition of one device: references are sealed under the partition's master
 * key, and backups under the security domain's key-exchange key.
 */
final class PartitionEngine extends CryptoEngine {

    /** The identifier every simulated-HSM reference carries, whatever its partition. */
    static final String ID = "coffer-hsm-sim";

    private static final Set<KeyType> HSM_TYPES = ordered(KeyType.RSA_HSM, KeyType.EC_HSM, KeyType.OCT_HSM);
    private static final Set<KeyType> WITH_ALIASES = ordered(KeyType.RSA_HSM, KeyType.EC_HSM, KeyType.OCT_HSM,
            KeyType.RSA, KeyType.EC, KeyType.OCT);
    private static final int NONCE = 12;
    private static final int TAG = 16;
    private static final byte[] BACKUP_MAGIC = ascii("CHSB");
    private static final byte BACKUP_VERSION = 1;
    private static final int FINGERPRINT = 8;

    private final Device device;
    private final String partition;
    private final Set<KeyType> keyTypes;

    PartitionEngine(Device device, String partition) {
        super(device.random(), device.fips());
        this.device = device;
        this.partition = partition;
        this.keyTypes = device.acceptSoftwareNames() ? WITH_ALIASES : HSM_TYPES;
    }

    String partition() {
        return partition;
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
        return keyTypes;
    }

    // ------------------------------------------------------------------ references

    @Override
    KeyReference seal(KeyType type, int size, KeyCurveName curve, KeyMaterial material, Origin origin) {
        byte[] objectId = new byte[KeyBlob.OBJECT_ID_LENGTH];
        random.nextBytes(objectId);
        int flags = KeyBlob.SENSITIVE | KeyBlob.ALWAYS_SENSITIVE | KeyBlob.NEVER_EXTRACTABLE
                | (origin == Origin.GENERATED ? KeyBlob.LOCAL : 0);
        return sealWith(type, size, curve, material, objectId, flags);
    }

    private KeyReference sealWith(KeyType type, int size, KeyCurveName curve, KeyMaterial material, byte[] objectId,
                                  int flags) {
        byte[] header = KeyBlob.header(partition, objectId, flags);
        byte[] key = device.partitionKey(partition);
        device.reserve(partition, HexFormat.of().formatHex(objectId));
        byte[] plain = material.encode();
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG * 8, nonce));
            cipher.updateAAD(referenceAad(type, size, curve, header));
            byte[] sealed = cipher.doFinal(plain);
            byte[] wrapped = ByteBuffer.allocate(header.length + NONCE + sealed.length)
                    .put(header).put(nonce).put(sealed).array();
            return new KeyReference(ID, ProtectionLevel.HSM, type, size, curve, wrapped, null);
        } catch (GeneralSecurityException e) {
            device.release(partition, HexFormat.of().formatHex(objectId));
            throw internal("wrap a key under its partition key", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Checks that a reference is this provider's and names this partition, without opening it.
     *
     * @return its clear header
     */
    KeyBlob header(KeyReference key) {
        Objects.requireNonNull(key, "key");
        if (!ID.equals(key.providerId()) || key.protectionLevel() != ProtectionLevel.HSM) {
            throw bad("The key reference belongs to provider '" + key.providerId() + "', not '" + ID + "'.");
        }
        if (!keyTypes.contains(key.keyType())) {
            throw bad("Key type " + key.keyType() + " is not supported by provider " + ID + "; it supports "
                    + keyTypes + ".");
        }
        KeyBlob blob = KeyBlob.parse(key.wrappedKey());
        if (blob == null || key.wrappedKey().length < blob.headerLength() + NONCE + TAG) {
            throw bad(unauthentic());
        }
        if (!partition.equals(blob.partition())) {
            throw bad("The key reference belongs to another partition of the simulated HSM; this provider "
                    + "serves partition '" + partition + "'.");
        }
        return blob;
    }

    @Override
    KeyMaterial open(KeyReference key) {
        KeyBlob blob = header(key);
        byte[] wrapped = key.wrappedKey();
        byte[] keyBytes = device.partitionKey(partition);
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keyBytes, "AES"),
                    new GCMParameterSpec(TAG * 8, wrapped, blob.headerLength(), NONCE));
            cipher.updateAAD(referenceAad(key.keyType(), key.keySize(), key.curve(),
                    Arrays.copyOf(wrapped, blob.headerLength())));
            int start = blob.headerLength() + NONCE;
            plain = cipher.doFinal(wrapped, start, wrapped.length - start);
        } catch (AEADBadTagException e) {
            throw bad(unauthentic());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw bad(unauthentic());
        }
        try {
            return KeyMaterial.decode(plain, partCount(key.keyType()));
        } catch (IllegalArgumentException e) {
            throw bad(unauthentic());
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static String unauthentic() {
        return "The key reference could not be authenticated: it was altered, or wrapped by an HSM of another "
                + "security domain.";
    }

    private static byte[] referenceAad(KeyType type, int size, KeyCurveName curve, byte[] header) {
        byte[] context = ascii("coffer/hsm-sim/reference/v1\0" + ID + "\0" + type + "\0" + size + "\0"
                + (curve == null ? "" : curve.toString()) + "\0");
        byte[] aad = Arrays.copyOf(context, context.length + header.length);
        System.arraycopy(header, 0, aad, context.length, header.length);
        return aad;
    }

    /** Authenticates the reference, then reads its attributes. */
    HsmKeyAttributes attributes(KeyReference key) {
        KeyBlob blob = header(key);
        open(key).close();
        return new HsmKeyAttributes(blob.objectIdHex(), partition, key.keyType(), key.keySize(), key.curve(),
                blob.has(KeyBlob.LOCAL), blob.has(KeyBlob.SENSITIVE), blob.has(KeyBlob.EXTRACTABLE),
                blob.has(KeyBlob.NEVER_EXTRACTABLE), blob.has(KeyBlob.ALWAYS_SENSITIVE), HsmKeyAttributes.PLATFORM);
    }

    // ------------------------------------------------------------------ backup and destroy

    /**
     * {@code "CHSB"} ‖ version ‖ 8-byte domain fingerprint ‖ kty, size, crv, flags ‖ nonce ‖ AES-256-GCM of
     * the key material under the domain's key-exchange key, with everything before the nonce as AAD.
     */
    @Override
    public byte[] exportForBackup(KeyReference key) {
        KeyBlob blob = header(key);
        try (KeyMaterial m = open(key)) {
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            header.writeBytes(BACKUP_MAGIC);
            header.write(BACKUP_VERSION);
            header.writeBytes(HexFormat.of().parseHex(device.domainFingerprint()));
            writeShortString(header, key.keyType().toString());
            header.write(key.keySize() >>> 8);
            header.write(key.keySize());
            writeShortString(header, key.curve() == null ? "" : key.curve().toString());
            header.write(blob.flags());
            byte[] head = header.toByteArray();
            byte[] plain = m.encode();
            try {
                byte[] nonce = new byte[NONCE];
                random.nextBytes(nonce);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(device.keyExchangeKey(), "AES"),
                        new GCMParameterSpec(TAG * 8, nonce));
                cipher.updateAAD(head);
                byte[] sealed = cipher.doFinal(plain);
                return ByteBuffer.allocate(head.length + NONCE + sealed.length).put(head).put(nonce).put(sealed)
                        .array();
            } catch (GeneralSecurityException e) {
                throw internal("wrap a key for backup", e);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    @Override
    public KeyReference importFromBackup(byte[] backup) {
        Objects.requireNonNull(backup, "backup");
        String malformed = "The key backup is not a simulated-HSM backup, or it was truncated or altered.";
        ByteBuffer in = ByteBuffer.wrap(backup);
        KeyType type;
        int size;
        KeyCurveName curve;
        int flags;
        try {
            byte[] magic = new byte[BACKUP_MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, BACKUP_MAGIC) || in.get() != BACKUP_VERSION) {
                throw bad(malformed);
            }
            byte[] fingerprint = new byte[FINGERPRINT];
            in.get(fingerprint);
            if (!HexFormat.of().formatHex(fingerprint).equals(device.domainFingerprint())) {
                throw bad("The key backup was made by an HSM of a different security domain; it can only be "
                        + "restored into a device initialized with the same security domain.");
            }
            type = KeyType.fromString(readShortString(in));
            size = in.getShort() & 0xffff;
            String curveName = readShortString(in);
            curve = curveName.isEmpty() ? null : KeyCurveName.fromString(curveName);
            flags = in.get() & 0xff;
        } catch (BufferUnderflowException e) {
            throw bad(malformed);
        }
        int headerLength = in.position();
        if (!keyTypes.contains(type) || in.remaining() < NONCE + TAG) {
            throw bad(malformed);
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(device.keyExchangeKey(), "AES"),
                    new GCMParameterSpec(TAG * 8, backup, headerLength, NONCE));
            cipher.updateAAD(backup, 0, headerLength);
            plain = cipher.doFinal(backup, headerLength + NONCE, backup.length - headerLength - NONCE);
        } catch (AEADBadTagException e) {
            throw bad(malformed);
        } catch (GeneralSecurityException e) {
            throw internal("open a backup", e);
        }
        try (KeyMaterial material = KeyMaterial.decode(plain, partCount(type))) {
            // A restore makes a new object in this partition; the origin and the attributes travel with it.
            byte[] objectId = new byte[KeyBlob.OBJECT_ID_LENGTH];
            random.nextBytes(objectId);
            return sealWith(type, size, curve, material, objectId, flags & ~KeyBlob.EXTRACTABLE);
        } catch (IllegalArgumentException e) {
            throw bad(malformed);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public void destroy(KeyReference key) {
        KeyBlob blob = header(key);
        open(key).close();
        device.release(partition, blob.objectIdHex());
    }

    private static void writeShortString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static String readShortString(ByteBuffer in) {
        byte[] bytes = new byte[in.get() & 0xff];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Set<KeyType> ordered(KeyType... values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(java.util.List.of(values)));
    }
}
