package dev.coffer.vault.core.internal.keys;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.ForbiddenException;
import dev.coffer.vault.PagedIterable;
import dev.coffer.vault.SkuName;
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
import dev.coffer.vault.core.internal.pipeline.Requirement;
import dev.coffer.vault.core.internal.vaults.Tags;
import dev.coffer.vault.keys.CreateEcKeyOptions;
import dev.coffer.vault.keys.CreateKeyOptions;
import dev.coffer.vault.keys.CreateRsaKeyOptions;
import dev.coffer.vault.keys.DeletedKey;
import dev.coffer.vault.keys.ImportKeyOptions;
import dev.coffer.vault.keys.JsonWebKey;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyOperation;
import dev.coffer.vault.keys.KeyProperties;
import dev.coffer.vault.keys.KeyRotationPolicy;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.keys.KeyVaultKey;
import dev.coffer.vault.keys.KeyVaultKeyAttestation;
import dev.coffer.vault.keys.cryptography.CryptographyClient;
import dev.coffer.vault.spi.CryptoProvider;
import dev.coffer.vault.spi.KeyAttestationStatement;
import dev.coffer.vault.spi.KeyGenerationSpec;
import dev.coffer.vault.spi.KeyReference;
import dev.coffer.vault.spi.ProtectionLevel;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Keys of one vault, as one caller: the typed layer over the shared object lifecycle. */
public final class KeyClientImpl implements KeyClient {
    static final ObjectKind KIND = ObjectKind.KEY;
    static final ObjectLifecycle.Operations OPERATIONS = new ObjectLifecycle.Operations(
            DataOperation.KEY_LIST, DataOperation.KEY_LIST_VERSIONS, DataOperation.KEY_DELETE,
            DataOperation.KEY_GET_DELETED, DataOperation.KEY_LIST_DELETED, DataOperation.KEY_RECOVER,
            DataOperation.KEY_PURGE, DataOperation.KEY_BACKUP, DataOperation.KEY_RESTORE);
    /** Audit name of the random-bytes call, which vaults refuse; Azure's log vocabulary has none. */
    static final String RANDOM_BYTES_AUDIT = "GetRandomBytes";
    /** Audit name of key attestation; Azure's name for it in logs is unconfirmed, so this one is ours. */
    static final String ATTESTATION_AUDIT = "KeyGetAttestation";

    /** What a create or import asked for, copied from the caller's options when the call starts. */
    private record Request(String name, KeyType type, Integer size, KeyCurveName curve, List<KeyOperation> ops,
                           Instant notBefore, Instant expiresOn, Boolean enabled, Map<String, String> tags,
                           Boolean exportable) {
    }

    private final DataPlane plane;
    private final ObjectLifecycle<KeyPayload> lifecycle;

    /** @param plane the vault and caller */
    public KeyClientImpl(DataPlane plane) {
        this.plane = plane;
        this.lifecycle = new ObjectLifecycle<>(plane, KIND, OPERATIONS, new KeyPayloadCodec(plane),
                (operation, name) -> KeyCharges.lifecycle(plane, operation, name));
    }

    private ObjectStore<KeyPayload> store() {
        return lifecycle.store();
    }

    private CryptoProviders providers() {
        return plane.services().cryptoProviders();
    }

    @Override
    public String getVaultUrl() {
        return plane.vaultUrl();
    }

    // ---- create and import -------------------------------------------------------------------------------

    @Override
    public KeyVaultKey createKey(String name, KeyType keyType) {
        return create(new Request(name, keyType, null, null, null, null, null, null, null, null));
    }

    @Override
    public KeyVaultKey createKey(CreateKeyOptions options) {
        if (options instanceof CreateRsaKeyOptions rsa) {
            return createRsaKey(rsa);
        }
        if (options instanceof CreateEcKeyOptions ec) {
            return createEcKey(ec);
        }
        return create(options == null ? null : new Request(options.getName(), options.getKeyType(), null, null,
                options.getKeyOperations(), options.getNotBefore(), options.getExpiresOn(), options.isEnabled(),
                options.getTags(), options.isExportable()));
    }

    @Override
    public KeyVaultKey createRsaKey(CreateRsaKeyOptions options) {
        // The public exponent is read and dropped on purpose: vaults always use 65537.
        return create(options == null ? null : new Request(options.getName(), options.getKeyType(), options.getKeySize(),
                null, options.getKeyOperations(), options.getNotBefore(), options.getExpiresOn(), options.isEnabled(),
                options.getTags(), options.isExportable()));
    }

    @Override
    public KeyVaultKey createEcKey(CreateEcKeyOptions options) {
        return create(options == null ? null : new Request(options.getName(), options.getKeyType(), null,
                options.getCurveName(), options.getKeyOperations(), options.getNotBefore(), options.getExpiresOn(),
                options.isEnabled(), options.getTags(), options.isExportable()));
    }

    private KeyVaultKey create(Request r) {
        String name = r == null ? null : r.name();
        KeyGenerationSpec[] spec = new KeyGenerationSpec[1];
        @SuppressWarnings("unchecked")
        List<KeyOperation>[] ops = new List[1];
        return plane.run(DataOperation.KEY_CREATE, KIND, name, () -> {
            if (r == null) {
                throw new BadParameterException("BadParameter", null, "options: key creation needs options.");
            }
            ObjectNames.validate(KIND, name);
            spec[0] = KeyRules.spec(r.type(), r.size(), r.curve());
            ops[0] = KeyRules.operations(r.type(), r.ops());
            validateAttributes(r.tags(), r.exportable());
        }, caller -> {
            CryptoProvider provider = providers().forNewKey(r.type(), sku());
            KeyReference ref = provider.generateKey(spec[0]);
            KeyPayload payload = new KeyPayload(provider, ref, provider.publicKey(ref), ops[0]);
            return store(name, payload, r);
        }, () -> KeyCharges.create(r == null ? null : r.type()));
    }

    private static void validateAttributes(Map<String, String> tags, Boolean exportable) {
        if (tags != null) {
            Tags.validate(tags);
        }
        KeyRules.checkExportable(exportable);
    }

    private SkuName sku() {
        return plane.vault().properties().sku();
    }

    private KeyVaultKey store(String name, KeyPayload payload, Request r) {
        Instant now = plane.now();
        String version = plane.services().ids().newVersionId();
        ObjectAttributes attrs = new ObjectAttributes(r.enabled() == null || r.enabled(), r.notBefore(), r.expiresOn(),
                now, now);
        Map<String, String> tags = r.tags() == null ? Map.of() : r.tags();
        ObjectEntry<KeyPayload> entry;
        try {
            entry = store().addVersion(name, now, seq -> new ObjectVersion<>(version, seq, attrs, tags, null, false, payload),
                    lifecycle.expiredPurger());
        } catch (RuntimeException e) {
            // The name was not free: the provider's new key belongs to nothing, so it goes.
            payload.destroy();
            throw e;
        }
        return toKey(plane, entry, entry.latest());
    }

    @Override
    public KeyVaultKey importKey(String name, JsonWebKey keyMaterial) {
        return importKey(new ImportKeyOptions(name, keyMaterial));
    }

    @Override
    public KeyVaultKey importKey(ImportKeyOptions options) {
        String name = options == null ? null : options.getName();
        JsonWebKey jwk = options == null ? null : options.getKey();
        Boolean hardware = options == null ? null : options.isHardwareProtected();
        Request r = options == null ? null : new Request(name, null, null, null, null, options.getNotBefore(),
                options.getExpiresOn(), options.isEnabled(), options.getTags(), options.isExportable());
        KeyType[] type = new KeyType[1];
        @SuppressWarnings("unchecked")
        List<KeyOperation>[] ops = new List[1];
        return plane.run(DataOperation.KEY_IMPORT, KIND, name, () -> {
            if (r == null) {
                throw new BadParameterException("BadParameter", null, "options: a key import needs options.");
            }
            ObjectNames.validate(KIND, name);
            if (jwk == null) {
                throw new BadParameterException("BadParameter", null, "key: the key to import is required.");
            }
            KeyRules.checkType(jwk.getKeyType());
            if (!jwk.hasPrivateKey()) {
                throw new BadParameterException("BadParameter", null,
                        "key: the key to import has no private part; a vault imports private keys only.");
            }
            type[0] = hardwareForm(jwk.getKeyType(), hardware);
            ops[0] = KeyRules.operations(type[0], jwk.getKeyOps());
            validateAttributes(r.tags(), r.exportable());
        }, caller -> {
            CryptoProvider provider = providers().forNewKey(type[0], sku());
            // The provider receives the key in its own type's form, without the vault's kid and key_ops.
            KeyReference ref = provider.importKey(jwk.toBuilder().keyType(type[0]).id(null).keyOps(null).build());
            KeyPayload payload = new KeyPayload(provider, ref, provider.publicKey(ref), ops[0]);
            return store(name, payload, r);
        }, () -> KeyCharges.create(type[0]));
    }

    private static KeyType hardwareForm(KeyType type, Boolean hardware) {
        boolean hsm = hardware == null ? CryptoProviders.isHardware(type) : hardware;
        if (KeyGenerationSpec.isRsa(type)) {
            return hsm ? KeyType.RSA_HSM : KeyType.RSA;
        }
        return hsm ? KeyType.EC_HSM : KeyType.EC;
    }

    // ---- read and update ---------------------------------------------------------------------------------

    static KeyVaultKey toKey(DataPlane plane, ObjectEntry<KeyPayload> entry, ObjectVersion<KeyPayload> v) {
        KeyPayload p = v.payload();
        JsonWebKey jwk = p.publicKey().toBuilder().id(plane.objectUrl(KIND, entry.name(), v.version()))
                .keyOps(p.keyOps()).build();
        return new KeyVaultKey(jwk, properties(plane, entry, v));
    }

    static KeyProperties properties(DataPlane plane, ObjectEntry<KeyPayload> entry, ObjectVersion<KeyPayload> v) {
        RetentionPolicy policy = plane.retention();
        ObjectAttributes a = v.attributes();
        KeyPayload p = v.payload();
        // The provider's own label (the simulator says "coffer-sim"), read without contacting the HSM, so a
        // key's metadata stays readable while the device is off line or tampered.
        String hsmPlatform = p.provider().protectionLevel() == ProtectionLevel.HSM ? p.provider().hsmPlatform() : null;
        return new KeyProperties(plane.objectUrl(KIND, entry.name(), v.version()), plane.vaultUrl(), entry.name(),
                v.version(), a.enabled(), a.notBefore(), a.expiresOn(), a.created(), a.updated(), policy.recoveryLevel(),
                policy.retentionDays(), v.tags(), v.managed(), false, hsmPlatform, p.publicKey().getKeyType());
    }

    @Override
    public KeyVaultKey getKey(String name) {
        return getKey(name, null);
    }

    @Override
    public KeyVaultKey getKey(String name, String version) {
        return plane.run(DataOperation.KEY_GET, KIND, name, () -> {
            ObjectNames.validate(KIND, name);
            ObjectNames.validateVersion(KIND, version);
        }, caller -> {
            ObjectEntry<KeyPayload> entry = store().active(name).orElseThrow(() -> KIND.notFound(name));
            ObjectVersion<KeyPayload> v = entry.version(version).orElseThrow(() -> KIND.versionNotFound(name, version));
            // Disabled, expired and not-yet-valid keys are readable: their state limits crypto, not reads.
            return toKey(plane, entry, v);
        }, () -> KeyCharges.use(plane, name, version));
    }

    @Override
    public KeyVaultKey updateKeyProperties(KeyProperties update, KeyOperation... keyOperations) {
        String name = update == null ? null : update.name();
        List<KeyOperation> requested = keyOperations == null || keyOperations.length == 0 ? null
                : Arrays.asList(keyOperations.clone());
        @SuppressWarnings("unchecked")
        List<KeyOperation>[] ops = new List[1];
        return plane.run(DataOperation.KEY_UPDATE, KIND, name, () -> {
            if (update == null) {
                throw new BadParameterException("BadParameter", null, "properties: an update needs the key's properties.");
            }
            ObjectNames.validate(KIND, name);
            ObjectNames.validateVersion(KIND, update.version());
            if (update.tags() != null) {
                Tags.validate(update.tags());
            }
            KeyRules.checkExportable(update.exportable());
            ops[0] = requested == null ? null : KeyRules.checkOperations(requested);
        }, caller -> {
            while (true) {
                ObjectEntry<KeyPayload> entry = store().active(name).orElseThrow(() -> KIND.notFound(name));
                ObjectVersion<KeyPayload> v = entry.version(update.version())
                        .orElseThrow(() -> KIND.versionNotFound(name, update.version()));
                if (v.managed()) {
                    throw new ForbiddenException("Forbidden", null,
                            "The key '" + name + "' is managed by a certificate and cannot be updated directly.");
                }
                ObjectAttributes a = v.attributes();
                ObjectAttributes next = new ObjectAttributes(update.enabled() != null ? update.enabled() : a.enabled(),
                        update.notBefore() != null ? update.notBefore() : a.notBefore(),
                        update.expiresOn() != null ? update.expiresOn() : a.expiresOn(), a.created(), plane.now());
                KeyPayload payload = ops[0] == null ? v.payload() : v.payload().withKeyOps(ops[0]);
                ObjectVersion<KeyPayload> changed = new ObjectVersion<>(v.version(), v.sequence(), next,
                        update.tags() != null ? update.tags() : v.tags(), v.contentType(), v.managed(), payload);
                ObjectEntry<KeyPayload> nextEntry = entry.replacing(changed);
                if (store().replace(entry, nextEntry)) {
                    return toKey(plane, nextEntry, changed);
                }
            }
        }, () -> KeyCharges.use(plane, name, update.version()));
    }

    @Override
    public PagedIterable<KeyProperties> listPropertiesOfKeys() {
        return new PagedIterable<>((token, size) -> lifecycle.listLatest(token, size,
                e -> properties(plane, e, e.latest())));
    }

    @Override
    public PagedIterable<KeyProperties> listPropertiesOfKeyVersions(String name) {
        return new PagedIterable<>((token, size) -> lifecycle.listVersions(name, token, size,
                (e, v) -> properties(plane, e, v)));
    }

    // ---- the shared lifecycle ----------------------------------------------------------------------------

    private DeletedKey deleted(ObjectEntry<KeyPayload> e) {
        return new DeletedKey(toKey(plane, e, e.latest()), plane.recoveryId(KIND, e.name()), e.deletedOn(),
                e.scheduledPurgeDate());
    }

    @Override
    public SyncPoller<DeletedKey, Void> beginDeleteKey(String name) {
        return SyncPoller.completed(deleteKey(name));
    }

    @Override
    public DeletedKey deleteKey(String name) {
        return deleted(lifecycle.delete(name));
    }

    @Override
    public DeletedKey getDeletedKey(String name) {
        return deleted(lifecycle.getDeleted(name));
    }

    @Override
    public PagedIterable<DeletedKey> listDeletedKeys() {
        return new PagedIterable<>((token, size) -> lifecycle.listDeleted(token, size, this::deleted));
    }

    @Override
    public SyncPoller<KeyVaultKey, Void> beginRecoverDeletedKey(String name) {
        return SyncPoller.completed(recoverDeletedKey(name));
    }

    @Override
    public KeyVaultKey recoverDeletedKey(String name) {
        ObjectEntry<KeyPayload> e = lifecycle.recover(name);
        return toKey(plane, e, e.latest());
    }

    @Override
    public void purgeDeletedKey(String name) {
        lifecycle.purge(name);
    }

    @Override
    public byte[] backupKey(String name) {
        return lifecycle.backup(name);
    }

    @Override
    public KeyVaultKey restoreKeyBackup(byte[] backup) {
        ObjectEntry<KeyPayload> e = lifecycle.restore(backup);
        return toKey(plane, e, e.latest());
    }

    // ---- rotation ----------------------------------------------------------------------------------------

    @Override
    public KeyVaultKey rotateKey(String name) {
        return plane.run(DataOperation.KEY_ROTATE, KIND, name, () -> ObjectNames.validate(KIND, name), caller -> {
            ObjectEntry<KeyPayload> entry = store().active(name).orElseThrow(() -> KIND.notFound(name));
            ObjectEntry<KeyPayload> rotated = KeyRotation.rotate(plane.services(), store(), entry, plane.now(), false);
            return toKey(plane, rotated, rotated.latest());
        }, () -> KeyCharges.rotate(plane, name));
    }

    private String policyId(String name) {
        return plane.objectUrl(KIND, name, null) + "/rotationpolicy";
    }

    @Override
    public KeyRotationPolicy getKeyRotationPolicy(String keyName) {
        return plane.run(DataOperation.KEY_ROTATION_POLICY_GET, KIND, keyName, () -> ObjectNames.validate(KIND, keyName),
                caller -> {
                    ObjectEntry<KeyPayload> entry = store().active(keyName).orElseThrow(() -> KIND.notFound(keyName));
                    return KeyMeta.of(entry.meta()).effectivePolicy().toApi(policyId(entry.name()));
                }, () -> KeyCharges.use(plane, keyName, null));
    }

    @Override
    public KeyRotationPolicy updateKeyRotationPolicy(String keyName, KeyRotationPolicy policy) {
        // Copy the caller's mutable policy once, so later changes to it cannot reach the vault.
        KeyRotationPolicy copy = policy == null ? null : new KeyRotationPolicy(null,
                policy.getLifetimeActions() == null ? List.of() : List.copyOf(policy.getLifetimeActions()),
                policy.getExpiresIn(), null, null);
        return plane.run(DataOperation.KEY_ROTATION_POLICY_SET, KIND, keyName, () -> {
            ObjectNames.validate(KIND, keyName);
            RotationPolicyRecord.from(copy, plane.now(), null);
        }, caller -> {
            while (true) {
                ObjectEntry<KeyPayload> entry = store().active(keyName).orElseThrow(() -> KIND.notFound(keyName));
                KeyMeta meta = KeyMeta.of(entry.meta());
                RotationPolicyRecord record = RotationPolicyRecord.from(copy, plane.now(),
                        meta.policy() == null ? null : meta.policy().created());
                if (store().replace(entry, entry.withMeta(meta.withPolicy(record)))) {
                    return record.toApi(policyId(entry.name()));
                }
            }
        }, () -> KeyCharges.use(plane, keyName, null));
    }

    @Override
    public byte[] getRandomBytes(int count) {
        return plane.run(RANDOM_BYTES_AUDIT, Requirement.none(), KIND, null, () -> {
            throw new BadParameterException("BadParameter", null, "GetRandomBytes is a Managed HSM operation; a key "
                    + "vault does not offer it (count was " + count + "). Use java.security.SecureRandom locally.");
        }, caller -> null, 200);
    }

    // ---- attestation --------------------------------------------------------------------------------------

    @Override
    public KeyVaultKeyAttestation getKeyAttestation(String name, String version) {
        // No mapping-table row of its own: it reads a key, so it takes the key-read row's requirement.
        return plane.run(ATTESTATION_AUDIT, DataOperation.KEY_GET.requirement(), KIND, name, () -> {
            ObjectNames.validate(KIND, name);
            ObjectNames.validateVersion(KIND, version);
        }, caller -> {
            ObjectEntry<KeyPayload> entry = store().active(name).orElseThrow(() -> KIND.notFound(name));
            ObjectVersion<KeyPayload> v = entry.version(version).orElseThrow(() -> KIND.versionNotFound(name, version));
            KeyPayload p = v.payload();
            if (p.provider().protectionLevel() != ProtectionLevel.HSM) {
                throw new BadParameterException("BadParameter", null, "The key '" + entry.name() + "' is a software key ("
                        + p.keyType() + "); attestation is available for HSM-protected keys only.");
            }
            KeyAttestationStatement statement = p.provider().attest(p.reference()).orElseThrow(() ->
                    new BadParameterException("BadParameter", null, "The HSM provider '" + p.provider().id()
                            + "' holding the key '" + entry.name() + "' does not attest keys."));
            return new KeyVaultKeyAttestation(plane.objectUrl(KIND, entry.name(), v.version()), statement);
        }, 200, () -> KeyCharges.use(plane, name, version));
    }

    @Override
    public CryptographyClient getCryptographyClient(String keyName) {
        return getCryptographyClient(keyName, null);
    }

    @Override
    public CryptographyClient getCryptographyClient(String keyName, String keyVersion) {
        return new CryptographyClientImpl(plane, keyName, keyVersion);
    }

    @Override
    public String toString() {
        return "KeyClient(" + plane.vaultUrl() + ")";
    }
}
