package dev.coffer.vault.core.internal.authz;

import dev.coffer.vault.core.internal.pipeline.Requirement;

/**
 * The data-plane mapping table: for each Key Vault data-plane operation, its audit name, the RBAC
 * data action it needs and the access-policy permission it needs. Every object type's client takes
 * its requirements from here, so the table is the one place to read or change them.
 *
 * <p>Choices where Azure's sources disagree, and why:
 * <ul>
 *   <li>Get and list of <em>deleted</em> objects under RBAC: no data action is documented. We use the
 *       type's metadata-read action ({@code secrets/readMetadata/action}, {@code keys/read},
 *       {@code certificates/read}): a deleted object's metadata is what these calls return, and no
 *       secret value is ever exposed by them. Under access policies the REST spec names {@code get}
 *       and {@code list}.</li>
 *   <li>Rotation-policy get/set under access policies: the REST spec says {@code keys/get} and
 *       {@code keys/update}, the rotation how-to says {@code getrotationpolicy} and
 *       {@code setrotationpolicy}, which ARM added as permission names for exactly this. We follow
 *       the dedicated permission names: a policy that grants {@code update} should not silently
 *       grant control over rotation.</li>
 *   <li>Updating a secret's properties needs {@code set} under access policies (the spec's
 *       UpdateSecret description) and {@code secrets/update/action} under RBAC.</li>
 *   <li>Public-key operations (encrypt, verify, wrap) accept either their own data action or
 *       {@code keys/read}, which Azure documents as including public-key operations; see
 *       {@link #requirement()}. Under access policies both alternatives need the operation's own
 *       permission ({@code encrypt}, {@code verify}, {@code wrapKey}): {@code get} does not stand in.
 *       The access explainer applies the same substitution (it once checked only the operation's
 *       own action and so reported Key Vault Reader, Certificate User and Crypto Service Encryption
 *       User as denied where the authorizer allowed them).</li>
 * </ul>
 */
public enum DataOperation {
    // Secrets
    SECRET_SET("SecretSet", "secrets/setSecret/action", "secrets", "set"),
    SECRET_GET("SecretGet", "secrets/getSecret/action", "secrets", "get"),
    SECRET_LIST("SecretList", "secrets/readMetadata/action", "secrets", "list"),
    SECRET_LIST_VERSIONS("SecretListVersions", "secrets/readMetadata/action", "secrets", "list"),
    SECRET_UPDATE("SecretUpdate", "secrets/update/action", "secrets", "set"),
    SECRET_DELETE("SecretDelete", "secrets/delete", "secrets", "delete"),
    SECRET_GET_DELETED("SecretGetDeleted", "secrets/readMetadata/action", "secrets", "get"),
    SECRET_LIST_DELETED("SecretListDeleted", "secrets/readMetadata/action", "secrets", "list"),
    SECRET_RECOVER("SecretRecover", "secrets/recover/action", "secrets", "recover"),
    SECRET_PURGE("SecretPurge", "secrets/purge/action", "secrets", "purge"),
    SECRET_BACKUP("SecretBackup", "secrets/backup/action", "secrets", "backup"),
    SECRET_RESTORE("SecretRestore", "secrets/restore/action", "secrets", "restore"),

    // Keys
    KEY_CREATE("KeyCreate", "keys/create/action", "keys", "create"),
    KEY_IMPORT("KeyImport", "keys/import/action", "keys", "import"),
    KEY_GET("KeyGet", "keys/read", "keys", "get"),
    KEY_LIST("KeyList", "keys/read", "keys", "list"),
    KEY_LIST_VERSIONS("KeyListVersions", "keys/read", "keys", "list"),
    KEY_UPDATE("KeyUpdate", "keys/update/action", "keys", "update"),
    KEY_DELETE("KeyDelete", "keys/delete", "keys", "delete"),
    KEY_GET_DELETED("KeyGetDeleted", "keys/read", "keys", "get"),
    KEY_LIST_DELETED("KeyListDeleted", "keys/read", "keys", "list"),
    KEY_RECOVER("KeyRecover", "keys/recover/action", "keys", "recover"),
    KEY_PURGE("KeyPurge", "keys/purge/action", "keys", "purge"),
    KEY_BACKUP("KeyBackup", "keys/backup/action", "keys", "backup"),
    KEY_RESTORE("KeyRestore", "keys/restore/action", "keys", "restore"),
    KEY_ROTATE("KeyRotate", "keys/rotate/action", "keys", "rotate"),
    KEY_ROTATION_POLICY_GET("KeyRotationPolicyGet", "keyrotationpolicies/read", "keys", "getrotationpolicy"),
    KEY_ROTATION_POLICY_SET("KeyRotationPolicySet", "keyrotationpolicies/write", "keys", "setrotationpolicy"),
    KEY_ENCRYPT("KeyEncrypt", "keys/encrypt/action", "keys", "encrypt", true),
    KEY_DECRYPT("KeyDecrypt", "keys/decrypt/action", "keys", "decrypt"),
    KEY_WRAP("KeyWrap", "keys/wrap/action", "keys", "wrapKey", true),
    KEY_UNWRAP("KeyUnwrap", "keys/unwrap/action", "keys", "unwrapKey"),
    KEY_SIGN("KeySign", "keys/sign/action", "keys", "sign"),
    KEY_VERIFY("KeyVerify", "keys/verify/action", "keys", "verify", true),
    KEY_RELEASE("KeyRelease", "keys/release/action", "keys", "release"),

    // Certificates
    CERTIFICATE_CREATE("CertificateCreate", "certificates/create/action", "certificates", "create"),
    CERTIFICATE_IMPORT("CertificateImport", "certificates/import/action", "certificates", "import"),
    CERTIFICATE_GET("CertificateGet", "certificates/read", "certificates", "get"),
    CERTIFICATE_LIST("CertificateList", "certificates/read", "certificates", "list"),
    CERTIFICATE_LIST_VERSIONS("CertificateListVersions", "certificates/read", "certificates", "list"),
    CERTIFICATE_UPDATE("CertificateUpdate", "certificates/update/action", "certificates", "update"),
    CERTIFICATE_DELETE("CertificateDelete", "certificates/delete", "certificates", "delete"),
    CERTIFICATE_GET_DELETED("CertificateGetDeleted", "certificates/read", "certificates", "get"),
    CERTIFICATE_LIST_DELETED("CertificateListDeleted", "certificates/read", "certificates", "list"),
    CERTIFICATE_RECOVER("CertificateRecover", "certificates/recover/action", "certificates", "recover"),
    CERTIFICATE_PURGE("CertificatePurge", "certificates/purge/action", "certificates", "purge"),
    CERTIFICATE_BACKUP("CertificateBackup", "certificates/backup/action", "certificates", "backup"),
    CERTIFICATE_RESTORE("CertificateRestore", "certificates/restore/action", "certificates", "restore");

    private static final String PREFIX = "Microsoft.KeyVault/vaults/";
    private static final String KEYS_READ = PREFIX + "keys/read";

    private final String auditName;
    private final String dataAction;
    private final String policyArea;
    private final String policyPermission;
    private final boolean publicKeyOperation;

    DataOperation(String auditName, String dataAction, String policyArea, String policyPermission) {
        this(auditName, dataAction, policyArea, policyPermission, false);
    }

    DataOperation(String auditName, String dataAction, String policyArea, String policyPermission,
                  boolean publicKeyOperation) {
        this.auditName = auditName;
        this.dataAction = PREFIX + dataAction;
        this.policyArea = policyArea;
        this.policyPermission = policyPermission;
        this.publicKeyOperation = publicKeyOperation;
    }

    /**
     * @param dataAction a data action, any case
     * @return the first table row needing it (its access-policy permission answers "which permission
     * is that under access policies"); {@code keys/read} maps to {@code get}
     */
    public static java.util.Optional<DataOperation> forDataAction(String dataAction) {
        for (DataOperation op : values()) {
            if (op.dataAction.equalsIgnoreCase(dataAction)) {
                return java.util.Optional.of(op);
            }
        }
        return java.util.Optional.empty();
    }

    /** @return every distinct data action of the table, in table order */
    public static java.util.List<String> dataActions() {
        return java.util.Arrays.stream(values()).map(DataOperation::dataAction).distinct().toList();
    }

    /** @return the audit operation name, such as {@code SecretGet} */
    public String auditName() {
        return auditName;
    }

    /** @return the full RBAC data action */
    public String dataAction() {
        return dataAction;
    }

    /** @return the access-policy area: {@code keys}, {@code secrets} or {@code certificates} */
    public String policyArea() {
        return policyArea;
    }

    /** @return the access-policy permission */
    public String policyPermission() {
        return policyPermission;
    }

    /**
     * @return whether the call addresses a soft-deleted object (get-deleted, recover, purge), whose URL
     * is its recovery id ({@code .../deletedsecrets/{name}}) in the audit trail, as in Azure's
     */
    public boolean addressesDeletedObject() {
        return name().endsWith("_GET_DELETED") || name().endsWith("_RECOVER") || name().endsWith("_PURGE");
    }

    /** @return whether this is a public-key operation (encrypt, verify, wrap) */
    public boolean publicKeyOperation() {
        return publicKeyOperation;
    }

    /**
     * @return the requirement: the data action and permission, or for a public-key operation under
     * RBAC either its own data action or {@code keys/read}
     */
    public Requirement requirement() {
        Requirement own = Requirement.data(dataAction, policyArea, policyPermission);
        if (!publicKeyOperation) {
            return own;
        }
        return Requirement.anyOf(own, Requirement.data(KEYS_READ, policyArea, policyPermission));
    }
}
