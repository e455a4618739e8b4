package dev.coffer.vault.core.internal.backup;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.core.internal.objects.ObjectKind;
import dev.coffer.vault.core.internal.platform.RootKey;
import dev.coffer.vault.crypto.internal.AesGcm;
import dev.coffer.vault.crypto.internal.Hkdf;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.AEADBadTagException;

/**
 * Seals and opens backup blobs. Layout (see docs/BACKUP-FORMAT.md):
 * <pre>
 * "CFBK" | format version (1) | object kind (1) | subscription tag (16) | geography (u16 length + UTF-8)
 *        | nonce (12) | AES-256-GCM ciphertext and 16-byte tag
 * </pre>
 * Everything before the nonce is associated data, so it is authenticated though readable: restore
 * can say exactly why a blob is refused (another subscription, geography or object type) before
 * decrypting. The key is HKDF-SHA256 of the platform root key, salted with the subscription id and
 * bound to the format version, so a blob opens only on a platform with the same root key, in the
 * same subscription.
 */
public final class BackupCodec {
    /** The current format version. */
    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = {'C', 'F', 'B', 'K'};
    private static final int SUBSCRIPTION_TAG_LENGTH = 16;

    private final RootKey rootKey;
    private final SecureRandom random;

    /**
     * @param rootKey the platform root key
     * @param random  nonce source
     */
    public BackupCodec(RootKey rootKey, SecureRandom random) {
        this.rootKey = rootKey;
        this.random = random;
    }

    /**
     * @param subscriptionId the vault's subscription
     * @param geography      the vault's geography
     * @param kind           the object type
     * @param body           the serialized object; cleared by this method
     * @return the sealed blob
     */
    public byte[] seal(String subscriptionId, String geography, ObjectKind kind, byte[] body) {
        byte[] header = header(subscriptionId, geography, kind);
        byte[] key = key(subscriptionId);
        try {
            return AesGcm.seal(key, random, header, header, body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JDK", e);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(body, (byte) 0);
        }
    }

    /**
     * Checks a blob against where it is being restored, then decrypts it.
     *
     * @param subscriptionId the target vault's subscription
     * @param geography      the target vault's geography
     * @param kind           the object type being restored
     * @param blob           the blob
     * @return the serialized object (the caller clears it when done)
     * @throws BadParameterException naming exactly why the blob is refused
     */
    public byte[] open(String subscriptionId, String geography, ObjectKind kind, byte[] blob) {
        if (blob == null || blob.length < MAGIC.length + 2 + SUBSCRIPTION_TAG_LENGTH + 2) {
            throw refused("the backup blob is empty or truncated");
        }
        ByteBuffer in = ByteBuffer.wrap(blob);
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw refused("the data is not a Coffer backup blob");
        }
        int version = in.get() & 0xff;
        if (version != FORMAT_VERSION) {
            throw refused("the backup format version " + version + " is not supported (this platform reads version "
                    + FORMAT_VERSION + ")");
        }
        int kindOrdinal = in.get() & 0xff;
        if (kindOrdinal >= ObjectKind.values().length) {
            throw refused("the backup blob is altered: unknown object type");
        }
        ObjectKind blobKind = ObjectKind.values()[kindOrdinal];
        if (blobKind != kind) {
            throw refused("the blob is a backup of a " + blobKind.noun() + ", not of a " + kind.noun());
        }
        byte[] subTag = new byte[SUBSCRIPTION_TAG_LENGTH];
        in.get(subTag);
        if (!MessageDigest.isEqual(subTag, subscriptionTag(subscriptionId))) {
            throw refused("the backup was taken in another subscription; a backup restores only into a vault of the "
                    + "same subscription");
        }
        int geoLength = in.getShort() & 0xffff;
        if (in.remaining() < geoLength + AesGcm.NONCE_LENGTH + AesGcm.TAG_LENGTH) {
            throw refused("the backup blob is truncated");
        }
        byte[] geo = new byte[geoLength];
        in.get(geo);
        String blobGeography = new String(geo, StandardCharsets.UTF_8);
        if (!blobGeography.equals(geography)) {
            throw refused("the backup was taken in geography '" + blobGeography + "'; it restores only into a vault in "
                    + "the same geography, not '" + geography + "'");
        }
        int headerLength = in.position();
        byte[] key = key(subscriptionId);
        try {
            return AesGcm.open(key, blob, headerLength, Arrays.copyOf(blob, headerLength));
        } catch (AEADBadTagException e) {
            throw refused("the backup blob is altered or truncated, or was sealed by a platform with another root key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JDK", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static BadParameterException refused(String why) {
        return new BadParameterException("BadParameter", null, "The backup cannot be restored: " + why + ".");
    }

    private static byte[] header(String subscriptionId, String geography, ObjectKind kind) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeByte(FORMAT_VERSION);
            out.writeByte(kind.ordinal());
            out.write(subscriptionTag(subscriptionId));
            byte[] geo = geography.getBytes(StandardCharsets.UTF_8);
            out.writeShort(geo.length);
            out.write(geo);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] subscriptionTag(String subscriptionId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("coffer/backup/subscription:"
                    + subscriptionId.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(h, SUBSCRIPTION_TAG_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JDK", e);
        }
    }

    private byte[] key(String subscriptionId) {
        byte[] ikm = rootKey.copy();
        try {
            return Hkdf.derive(ikm, subscriptionId.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                    ("coffer/backup/v" + FORMAT_VERSION).getBytes(StandardCharsets.UTF_8), 32);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }
}
