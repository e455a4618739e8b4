package dev.coffer.vault.core.internal.secrets;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.ForbiddenException;
import dev.coffer.vault.PagedIterable;
import dev.coffer.vault.SyncPoller;
import dev.coffer.vault.core.internal.authz.DataOperation;
import dev.coffer.vault.core.internal.lifecycle.RetentionPolicy;
import dev.coffer.vault.core.internal.objects.DataPlane;
import dev.coffer.vault.core.internal.objects.ObjectAttributes;
import dev.coffer.vault.core.internal.objects.ObjectEntry;
import dev.coffer.vault.core.internal.objects.ObjectKind;
import dev.coffer.vault.core.internal.objects.ObjectLifecycle;
import dev.coffer.vault.core.internal.objects.ObjectNames;
import dev.coffer.vault.core.internal.objects.ObjectStore;
import dev.coffer.vault.core.internal.objects.ObjectVersion;
import dev.coffer.vault.core.internal.objects.PayloadCodec;
import dev.coffer.vault.core.internal.vaults.Tags;
import dev.coffer.vault.secrets.DeletedSecret;
import dev.coffer.vault.secrets.KeyVaultSecret;
import dev.coffer.vault.secrets.SecretClient;
import dev.coffer.vault.secrets.SecretProperties;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/** Secrets of one vault, as one caller: the typed layer over the shared object lifecycle. */
public final class SecretClientImpl implements SecretClient {
    private static final ObjectKind KIND = ObjectKind.SECRET;
    private static final int MAX_CONTENT_TYPE = 255;
    static final ObjectLifecycle.Operations OPERATIONS = new ObjectLifecycle.Operations(
            DataOperation.SECRET_LIST, DataOperation.SECRET_LIST_VERSIONS, DataOperation.SECRET_DELETE,
            DataOperation.SECRET_GET_DELETED, DataOperation.SECRET_LIST_DELETED, DataOperation.SECRET_RECOVER,
            DataOperation.SECRET_PURGE, DataOperation.SECRET_BACKUP, DataOperation.SECRET_RESTORE);

    /** Backup body encoding of a secret value. */
    static final PayloadCodec<SecretPayload> CODEC = new PayloadCodec<>() {
        @Override
        public void write(DataOutputStream out, SecretPayload payload) throws IOException {
            byte[] b = payload.bytes();
            try {
                out.writeInt(b.length);
                out.write(b);
            } finally {
                Arrays.fill(b, (byte) 0);
            }
        }

        @Override
        public SecretPayload read(DataInputStream in) throws IOException {
            int n = in.readInt();
            if (n < 0 || n > MAX_VALUE_BYTES) {
                throw new IOException("bad secret length");
            }
            byte[] b = new byte[n];
            in.readFully(b);
            return new SecretPayload(b);
        }
    };

    private final DataPlane plane;
    private final ObjectLifecycle<SecretPayload> lifecycle;

    /** @param plane the vault and caller */
    public SecretClientImpl(DataPlane plane) {
        this.plane = plane;
        this.lifecycle = new ObjectLifecycle<>(plane, KIND, OPERATIONS, CODEC);
    }

    private ObjectStore<SecretPayload> store() {
        return lifecycle.store();
    }

    @Override
    public String getVaultUrl() {
        return plane.vaultUrl();
    }

    @Override
    public KeyVaultSecret setSecret(String name, String value) {
        return setSecret(new KeyVaultSecret(value == null ? "" : value, SecretProperties.of(name)), value == null);
    }

    @Override
    public KeyVaultSecret setSecret(KeyVaultSecret secret) {
        return setSecret(secret, secret == null);
    }

    private KeyVaultSecret setSecret(KeyVaultSecret secret, boolean missing) {
        SecretProperties p = secret == null ? SecretProperties.of(null) : secret.getProperties();
        String name = p.name();
        return plane.run(DataOperation.SECRET_SET, KIND, name, () -> {
            ObjectNames.validate(KIND, name);
            if (missing) {
                throw new BadParameterException("BadParameter", null, "value: a secret needs a value.");
            }
            int bytes = secret.getValue().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_VALUE_BYTES) {
                throw new BadParameterException("BadParameter", null, "value: a secret value is at most " + MAX_VALUE_BYTES
                        + " bytes in UTF-8; this one has " + bytes + ".");
            }
            if (p.contentType() != null && p.contentType().length() > MAX_CONTENT_TYPE) {
                throw new BadParameterException("BadParameter", null,
                        "contentType: at most " + MAX_CONTENT_TYPE + " characters are allowed.");
            }
            if (p.tags() != null) {
                Tags.validate(p.tags());
            }
        }, caller -> {
            Instant now = plane.now();
            byte[] value = secret.getValue().getBytes(StandardCharsets.UTF_8);
            String version = plane.services().ids().newVersionId();
            ObjectAttributes attrs = new ObjectAttributes(p.enabled() == null || p.enabled(), p.notBefore(),
                    p.expiresOn(), now, now);
            ObjectEntry<SecretPayload> entry = store().addVersion(name, now,
                    seq -> new ObjectVersion<>(version, seq, attrs, p.tags() == null ? Map.of() : p.tags(),
                            p.contentType(), false, new SecretPayload(value)),
                    lifecycle.expiredPurger());
            return toSecret(entry, entry.latest());
        });
    }

    private KeyVaultSecret toSecret(ObjectEntry<SecretPayload> entry, ObjectVersion<SecretPayload> v) {
        return new KeyVaultSecret(v.payload().value(), properties(entry, v));
    }

    private SecretProperties properties(ObjectEntry<SecretPayload> entry, ObjectVersion<SecretPayload> v) {
        RetentionPolicy policy = plane.retention();
        ObjectAttributes a = v.attributes();
        return new SecretProperties(plane.objectUrl(KIND, entry.name(), v.version()), plane.vaultUrl(), entry.name(),
                v.version(), a.enabled(), a.notBefore(), a.expiresOn(), a.created(), a.updated(), policy.recoveryLevel(),
                policy.retentionDays(), v.contentType(), v.tags(), v.managed(), null);
    }

    @Override
    public KeyVaultSecret getSecret(String name) {
        return getSecret(name, null);
    }

    @Override
    public KeyVaultSecret getSecret(String name, String version) {
        return plane.run(DataOperation.SECRET_GET, KIND, name, () -> {
            ObjectNames.validate(KIND, name);
            ObjectNames.validateVersion(KIND, version);
        }, caller -> {
            ObjectEntry<SecretPayload> entry = store().active(name).orElseThrow(() -> KIND.notFound(name));
            ObjectVersion<SecretPayload> v = entry.version(version).orElseThrow(() -> KIND.versionNotFound(name, version));
            if (!v.attributes().enabled()) {
                throw new ForbiddenException("Forbidden", "SecretDisabled", "Operation get is not allowed on a disabled secret.");
            }
            // nbf and exp are informational for secrets: Azure returns expired and not-yet-valid secrets.
            return toSecret(entry, v);
        });
    }

    @Override
    public SecretProperties updateSecretProperties(SecretProperties update) {
        String name = update == null ? null : update.name();
        return plane.run(DataOperation.SECRET_UPDATE, KIND, name, () -> {
            if (update == null) {
                throw new BadParameterException("BadParameter", null, "properties: an update needs the secret's properties.");
            }
            ObjectNames.validate(KIND, name);
            ObjectNames.validateVersion(KIND, update.version());
            if (update.contentType() != null && update.contentType().length() > MAX_CONTENT_TYPE) {
                throw new BadParameterException("BadParameter", null,
                        "contentType: at most " + MAX_CONTENT_TYPE + " characters are allowed.");
            }
            if (update.tags() != null) {
                Tags.validate(update.tags());
            }
        }, caller -> {
            while (true) {
                ObjectEntry<SecretPayload> entry = store().active(name).orElseThrow(() -> KIND.notFound(name));
                ObjectVersion<SecretPayload> v = entry.version(update.version())
                        .orElseThrow(() -> KIND.versionNotFound(name, update.version()));
                if (v.managed()) {
                    throw new ForbiddenException("Forbidden", null,
                            "The secret '" + name + "' is managed by a certificate and cannot be updated directly.");
                }
                ObjectAttributes a = v.attributes();
                ObjectAttributes next = new ObjectAttributes(update.enabled() != null ? update.enabled() : a.enabled(),
                        update.notBefore() != null ? update.notBefore() : a.notBefore(),
                        update.expiresOn() != null ? update.expiresOn() : a.expiresOn(), a.created(), plane.now());
                ObjectVersion<SecretPayload> changed = v.with(next, update.tags() != null ? update.tags() : v.tags(),
                        update.contentType() != null ? update.contentType() : v.contentType());
                ObjectEntry<SecretPayload> nextEntry = entry.replacing(changed);
                if (store().replace(entry, nextEntry)) {
                    return properties(nextEntry, changed);
                }
            }
        });
    }

    @Override
    public PagedIterable<SecretProperties> listPropertiesOfSecrets() {
        return new PagedIterable<>((token, size) -> lifecycle.listLatest(token, size, e -> properties(e, e.latest())));
    }

    @Override
    public PagedIterable<SecretProperties> listPropertiesOfSecretVersions(String name) {
        return new PagedIterable<>((token, size) -> lifecycle.listVersions(name, token, size, this::properties));
    }

    private DeletedSecret deleted(ObjectEntry<SecretPayload> e) {
        return new DeletedSecret(properties(e, e.latest()), plane.recoveryId(KIND, e.name()), e.deletedOn(),
                e.scheduledPurgeDate());
    }

    @Override
    public SyncPoller<DeletedSecret, Void> beginDeleteSecret(String name) {
        return SyncPoller.completed(deleteSecret(name));
    }

    @Override
    public DeletedSecret deleteSecret(String name) {
        return deleted(lifecycle.delete(name));
    }

    @Override
    public DeletedSecret getDeletedSecret(String name) {
        return deleted(lifecycle.getDeleted(name));
    }

    @Override
    public PagedIterable<DeletedSecret> listDeletedSecrets() {
        return new PagedIterable<>((token, size) -> lifecycle.listDeleted(token, size, this::deleted));
    }

    @Override
    public SyncPoller<KeyVaultSecret, Void> beginRecoverDeletedSecret(String name) {
        return SyncPoller.completed(recoverDeletedSecret(name));
    }

    @Override
    public KeyVaultSecret recoverDeletedSecret(String name) {
        ObjectEntry<SecretPayload> e = lifecycle.recover(name);
        // No value: recovering needs secrets/recover, not the right to read values.
        return new KeyVaultSecret(null, properties(e, e.latest()));
    }

    @Override
    public void purgeDeletedSecret(String name) {
        lifecycle.purge(name);
    }

    @Override
    public byte[] backupSecret(String name) {
        return lifecycle.backup(name);
    }

    @Override
    public KeyVaultSecret restoreSecretBackup(byte[] backup) {
        ObjectEntry<SecretPayload> e = lifecycle.restore(backup);
        // No value: restoring needs secrets/restore, not the right to read values.
        return new KeyVaultSecret(null, properties(e, e.latest()));
    }

    @Override
    public String toString() {
        return "SecretClient(" + plane.vaultUrl() + ")";
    }
}
