package dev.coffer.vault.core.internal.crypto;

import dev.coffer.vault.crypto.internal.AesGcm;
import dev.coffer.vault.crypto.internal.CryptoEngine;
import dev.coffer.vault.crypto.internal.Hkdf;
import dev.coffer.vault.crypto.internal.KeyHeader;
import dev.coffer.vault.crypto.internal.KeyMaterial;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.spi.CryptoProvider;
import dev.coffer.vault.spi.KeyReference;
import dev.coffer.vault.spi.ProtectionLevel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.crypto.AEADBadTagException;

/**
 * The default {@link CryptoProvider}: keys protected in software, wrapped under a 32-byte key-encryption
 * key (KEK) that the platform derives from its root key.
 *
 * <p>Stateless apart from the KEK-derived keys and the random source: every {@link KeyReference} carries
 * its key material encrypted (AES-256-GCM) under a subkey of the KEK, so a new instance with the same KEK
 * reads every reference an earlier one returned. Thread-safe: JCA objects are made per call.
 *
 * <p>The algorithms (and which JCA implementation serves each) are the shared {@link CryptoEngine} of
 * vault-crypto; this class adds only what is the software provider's own: its identity, its key types, the
 * KEK-wrapped reference format and the backup format.
 */
public final class SoftwareCryptoProvider extends CryptoEngine {

    /** The identifier recorded in every reference this provider returns. */
    public static final String ID = "coffer-software";

    /** The length of the key-encryption key the constructor takes. */
    public static final int KEK_LENGTH = 32;

    private static final byte REFERENCE_VERSION = 1;
    private static final byte BACKUP_VERSION = 1;
    private static final Set<KeyType> KEY_TYPES =
            Collections.unmodifiableSet(new LinkedHashSet<>(List.of(KeyType.RSA, KeyType.EC, KeyType.OCT)));

    private final byte[] referenceKey;
    private final byte[] backupKey;

    /**
     * Creates the provider.
     *
     * @param keyEncryptionKey 32 bytes from which the reference and backup keys are derived; copied, so the
     *                         caller may clear its array afterwards
     * @param random           the source of every random value (keys, IVs, nonces, ECDSA k, padding)
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the key is not 32 bytes
     */
    public SoftwareCryptoProvider(byte[] keyEncryptionKey, SecureRandom random) {
        super(checked(keyEncryptionKey, random), false, "The software crypto provider");
        // Separate subkeys, so a backup blob can never be passed off as a reference or the other way round.
        this.referenceKey = Hkdf.derive(keyEncryptionKey, null,
                "coffer/software-provider/reference/v1".getBytes(StandardCharsets.US_ASCII), 32);
        this.backupKey = Hkdf.derive(keyEncryptionKey, null,
                "coffer/software-provider/backup/v1".getBytes(StandardCharsets.US_ASCII), 32);
    }

    /** The constructor's checks, in their order, run before the engine is built; returns the random source. */
    private static SecureRandom checked(byte[] keyEncryptionKey, SecureRandom random) {
        Objects.requireNonNull(keyEncryptionKey, "keyEncryptionKey");
        Objects.requireNonNull(random, "random");
        if (keyEncryptionKey.length != KEK_LENGTH) {
            throw new IllegalArgumentException("keyEncryptionKey must be " + KEK_LENGTH + " bytes, was "
                    + keyEncryptionKey.length);
        }
        return random;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ProtectionLevel protectionLevel() {
        return ProtectionLevel.SOFTWARE;
    }

    @Override
    public Set<KeyType> keyTypes() {
        return KEY_TYPES;
    }

    // ---------------------------------------------------------------- backup and destroy

    @Override
    public byte[] exportForBackup(KeyReference key) {
        try (KeyMaterial m = open(key)) {
            byte[] header = backupHeader(key.keyType(), key.keySize(), key.curve());
            byte[] plain = m.encode();
            try {
                return AesGcm.seal(backupKey, random, header, backupAad(header), plain);
            } catch (GeneralSecurityException e) {
                throw internal("seal a backup", e);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    @Override
    public KeyReference importFromBackup(byte[] backup) {
        Objects.requireNonNull(backup, "backup");
        String malformed = "The key backup is malformed, altered, of another format version, or was made under "
                + "another key-encryption key.";
        ByteBuffer in = ByteBuffer.wrap(backup);
        KeyType type;
        int size;
        KeyCurveName curve;
        try {
            if (in.get() != BACKUP_VERSION) {
                throw bad(malformed);
            }
            KeyHeader described = KeyHeader.readFrom(in);
            type = described.type();
            size = described.size();
            curve = described.curve();
        } catch (java.nio.BufferUnderflowException e) {
            throw bad(malformed);
        }
        int headerLength = in.position();
        if (!KEY_TYPES.contains(type) || in.remaining() < AesGcm.NONCE_LENGTH + AesGcm.TAG_LENGTH) {
            throw bad(malformed);
        }
        byte[] header = Arrays.copyOfRange(backup, 0, headerLength);
        byte[] plain;
        try {
            plain = AesGcm.open(backupKey, backup, headerLength, backupAad(header));
        } catch (AEADBadTagException e) {
            throw bad(malformed);
        } catch (GeneralSecurityException e) {
            throw internal("open a backup", e);
        }
        try (KeyMaterial material = KeyMaterial.decode(plain, partCount(type))) {
            return seal(type, size, curve, material, Origin.IMPORTED);
        } catch (IllegalArgumentException e) {
            throw bad(malformed);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public void destroy(KeyReference key) {
        // Nothing to erase: the key exists only inside the reference, which the core deletes. Opening it
        // checks that the reference is ours and intact, so a purge of someone else's key is reported.
        open(key).close();
    }

    private static byte[] backupHeader(KeyType type, int size, KeyCurveName curve) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(BACKUP_VERSION);
        new KeyHeader(type, size, curve).writeTo(out);
        return out.toByteArray();
    }

    private static byte[] backupAad(byte[] header) {
        return AesGcm.concat(("coffer/software-provider/backup/v1\0" + ID + "\0").getBytes(StandardCharsets.UTF_8),
                header);
    }

    // ---------------------------------------------------------------- wrapped references

    /**
     * Seals key material into a reference: version byte, 12-byte nonce, then AES-256-GCM ciphertext and tag.
     * The AAD binds the format version, provider id, key type, size and curve, so none of the reference's
     * visible fields can be changed without the reference failing to open. The origin is not recorded.
     */
    @Override
    protected KeyReference seal(KeyType type, int size, KeyCurveName curve, KeyMaterial material, Origin origin) {
        byte[] plain = material.encode();
        try {
            byte[] wrapped = AesGcm.seal(referenceKey, random, new byte[] {REFERENCE_VERSION},
                    referenceAad(type, size, curve), plain);
            return new KeyReference(ID, ProtectionLevel.SOFTWARE, type, size, curve, wrapped, null);
        } catch (GeneralSecurityException e) {
            throw internal("wrap a key reference", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Opens a reference; the caller closes the material, which zeroes it. */
    @Override
    protected KeyMaterial open(KeyReference key) {
        Objects.requireNonNull(key, "key");
        if (!ID.equals(key.providerId()) || key.protectionLevel() != ProtectionLevel.SOFTWARE) {
            throw bad("The key reference belongs to provider '" + key.providerId() + "', not '" + ID + "'.");
        }
        byte[] wrapped = key.wrappedKey();
        if (wrapped == null || !KEY_TYPES.contains(key.keyType())) {
            throw bad("The key reference is not a " + ID + " reference (no wrapped key of a supported type).");
        }
        String unauthentic = "The key reference could not be authenticated: it was altered, or wrapped under "
                + "another key-encryption key.";
        if (wrapped.length < 1 + AesGcm.NONCE_LENGTH + AesGcm.TAG_LENGTH || wrapped[0] != REFERENCE_VERSION) {
            throw bad(unauthentic);
        }
        byte[] plain;
        try {
            plain = AesGcm.open(referenceKey, wrapped, 1, referenceAad(key.keyType(), key.keySize(), key.curve()));
        } catch (AEADBadTagException e) {
            throw bad(unauthentic);
        } catch (GeneralSecurityException e) {
            throw internal("open a key reference", e);
        }
        try {
            return KeyMaterial.decode(plain, partCount(key.keyType()));
        } catch (IllegalArgumentException e) {
            throw bad(unauthentic);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static byte[] referenceAad(KeyType type, int size, KeyCurveName curve) {
        return ("coffer/software-provider/reference/v" + REFERENCE_VERSION + "\0" + ID + "\0" + type + "\0" + size
                + "\0" + (curve == null ? "" : curve.toString())).getBytes(StandardCharsets.UTF_8);
    }
}
