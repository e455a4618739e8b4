package dev.coffer.vault.core.internal.objects;

import dev.coffer.vault.RequestContext;
import dev.coffer.vault.ResourceNotFoundException;
import dev.coffer.vault.Scope;
import dev.coffer.vault.core.internal.authz.DataOperation;
import dev.coffer.vault.core.internal.lifecycle.RetentionPolicy;
import dev.coffer.vault.core.internal.pipeline.Caller;
import dev.coffer.vault.core.internal.pipeline.Charge;
import dev.coffer.vault.core.internal.pipeline.Operation;
import dev.coffer.vault.core.internal.pipeline.Requirement;
import dev.coffer.vault.core.internal.platform.Services;
import dev.coffer.vault.core.internal.vaults.VaultEntry;
import dev.coffer.vault.core.internal.vaults.VaultStore;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every data-plane client shares: the vault it addresses (looked up again on each call), the
 * caller's context, and how a data-plane operation descriptor is built from the mapping table.
 */
public final class DataPlane {
    private final Services services;
    private final String vaultName;
    private final RequestContext context;
    private final String vaultKey;
    private final String vaultUrl;

    /**
     * @param services  the platform
     * @param vaultName the vault
     * @param context   the caller
     */
    public DataPlane(Services services, String vaultName, RequestContext context) {
        this.services = services;
        this.vaultName = vaultName;
        this.context = context;
        // Both are needed on every call; a client lives for many calls.
        this.vaultKey = VaultStore.key(vaultName);
        this.vaultUrl = "https://" + vaultKey + ".vault.azure.net/";
    }

    /** @return the platform */
    public Services services() {
        return services;
    }

    /** @return the current time, from the platform clock */
    public Instant now() {
        return services.clock().instant();
    }

    /** @return the vault URL, {@code https://{name}.vault.azure.net/} */
    public String vaultUrl() {
        return vaultUrl;
    }

    private Optional<VaultEntry> find() {
        VaultEntry e = services.vaults().byKey(vaultKey);
        return e == null || e.deleted() ? Optional.empty() : Optional.of(e);
    }

    /** @return the active vault */
    public VaultEntry vault() {
        return find().orElseThrow(this::vaultNotFound);
    }

    private ResourceNotFoundException vaultNotFound() {
        return new ResourceNotFoundException("VaultNotFound", null,
                "The vault '" + vaultName + "' does not exist or has been deleted.");
    }

    /** @return the vault's retention policy */
    public RetentionPolicy retention() {
        return vault().retention();
    }

    /** @return the vault's object stores */
    public VaultObjects objects() {
        return vault().contents().part(VaultObjects.class, VaultObjects::new);
    }

    /**
     * @param kind the type
     * @param name the object name, or null for the collection
     * @param version the version, or null
     * @return the object's URL
     */
    public String objectUrl(ObjectKind kind, String name, String version) {
        return vaultUrl() + kind.collection() + (name == null ? "" : "/" + name + (version == null ? "" : "/" + version));
    }

    /**
     * @param kind the type
     * @param name the object name
     * @return the deleted object's recovery id
     */
    public String recoveryId(ObjectKind kind, String name) {
        return vaultUrl() + kind.deletedCollection() + "/" + name;
    }

    /**
     * Builds and runs a data-plane call. The scope is the object's (so object-scope role assignments
     * apply) or the vault's for collection-level calls.
     *
     * @param operation  the mapping-table row
     * @param kind       the object type
     * @param objectName the object's name, or null for a collection-level call
     * @param validate   input checks, or null
     * @param body       the call's work
     * @param <T>        the result type
     * @return the result
     */
    public <T> T run(DataOperation operation, ObjectKind kind, String objectName, Runnable validate,
                     Function<Caller, T> body) {
        return run(operation, kind, objectName, validate, body, () -> defaultCharge(operation));
    }

    /**
     * As {@link #run(DataOperation, ObjectKind, String, Runnable, Function)}, with the throttle charge
     * given by the caller (key operations weigh by the key's type, size and protection).
     *
     * @param operation  the mapping-table row
     * @param kind       the object type
     * @param objectName the object's name, or null
     * @param validate   input checks, or null
     * @param body       the call's work
     * @param charge     the call's throttle charge, computed when the throttle stage runs
     * @param <T>        the result type
     * @return the result
     */
    public <T> T run(DataOperation operation, ObjectKind kind, String objectName, Runnable validate,
                     Function<Caller, T> body, java.util.function.Supplier<Charge> charge) {
        return run(operation.auditName(), operation.requirement(), kind, objectName, validate, body,
                operation.name().endsWith("_PURGE") ? 204 : 200, charge, operation.addressesDeletedObject());
    }

    /**
     * The charge Azure's limits put on an operation when nothing more precise is known: secret
     * creation and other secret transactions; key creation as software; other key operations at the
     * weight of a software RSA-2048 or EC key.
     *
     * @param operation the mapping-table row
     * @return its charge
     */
    public static Charge defaultCharge(DataOperation operation) {
        switch (operation) {
            case SECRET_SET:
                return new Charge(Charge.Bucket.SECRET_CREATES, 1);
            case KEY_CREATE:
            case KEY_IMPORT:
            case KEY_ROTATE:
                return new Charge(Charge.Bucket.SOFTWARE_KEY_CREATES, 1);
            default:
                return operation.policyArea().equals("keys") ? new Charge(Charge.Bucket.KEY_TRANSACTIONS, 1)
                        : new Charge(Charge.Bucket.SECRET_TRANSACTIONS, 1);
        }
    }

    /**
     * As {@link #run(DataOperation, ObjectKind, String, Runnable, Function)} with an explicit name,
     * requirement and success status.
     *
     * @param auditName     the audit operation name
     * @param requirement   what must be allowed
     * @param kind          the object type
     * @param objectName    the object's name, or null
     * @param validate      input checks, or null
     * @param body          the call's work
     * @param successStatus the status of success
     * @param <T>           the result type
     * @return the result
     */
    public <T> T run(String auditName, Requirement requirement, ObjectKind kind, String objectName, Runnable validate,
                     Function<Caller, T> body, int successStatus) {
        return run(auditName, requirement, kind, objectName, validate, body, successStatus, null, false);
    }

    /**
     * As {@link #run(String, Requirement, ObjectKind, String, Runnable, Function, int)} with a throttle charge,
     * for calls that have no row of their own in the mapping table (key attestation reuses the key-read row).
     *
     * @param auditName     the audit operation name
     * @param requirement   what must be allowed
     * @param kind          the object type
     * @param objectName    the object's name, or null
     * @param validate      input checks, or null
     * @param body          the call's work
     * @param successStatus the status of success
     * @param charge        the call's throttle charge, or null for none
     * @param <T>           the result type
     * @return the result
     */
    public <T> T run(String auditName, Requirement requirement, ObjectKind kind, String objectName, Runnable validate,
                     Function<Caller, T> body, int successStatus, java.util.function.Supplier<Charge> charge) {
        return run(auditName, requirement, kind, objectName, validate, body, successStatus, charge, false);
    }

    private <T> T run(String auditName, Requirement requirement, ObjectKind kind, String objectName, Runnable validate,
                      Function<Caller, T> body, int successStatus, java.util.function.Supplier<Charge> charge,
                      boolean deletedObject) {
        Optional<VaultEntry> vault = find();
        Operation.Builder<T> b = Operation.<T>named(auditName).successStatus(successStatus).charge(charge);
        if (vault.isEmpty()) {
            return services.pipeline().run(context, b.authorize(Scope.ROOT, Requirement.none())
                    .auditResource("/providers/Microsoft.KeyVault/vaults/" + vaultName)
                    .validate(validate)
                    .execute(c -> {
                        throw vaultNotFound();
                    }));
        }
        Scope vaultScope = vault.get().properties().id();
        Function<Caller, T> pinned = c -> {
            // Authorized for this vault: if the name now belongs to another (purged and created again), refuse.
            VaultEntry now = find().orElse(null);
            if (now == null || !now.properties().id().equals(vaultScope)) {
                throw vaultNotFound();
            }
            return body.apply(c);
        };
        boolean validName = objectName != null && ObjectNames.isValid(objectName);
        Scope scope = validName ? vaultScope.child(kind.collection(), objectName) : vaultScope;
        return services.pipeline().run(context, b.authorize(scope, requirement)
                .auditResource(vaultScope.toString())
                .requestObject(validName && deletedObject ? recoveryId(kind, objectName)
                        : objectUrl(kind, validName ? objectName : null, null))
                .validate(validate)
                .execute(pinned));
    }
}
