package dev.coffer.vault.audit;

/** Which stream an audit event belongs to. */
public enum AuditCategory {
    /** Key Vault's own diagnostic category: vault and object operations with Azure's operation names. */
    AUDIT_EVENT("AuditEvent"),
    /** Azure's Activity Log category: role assignments, role definitions, directory and access-policy changes. */
    ADMINISTRATIVE("Administrative");

    private final String wireName;

    AuditCategory(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name Azure uses, such as {@code AuditEvent} */
    public String wireName() {
        return wireName;
    }
}
