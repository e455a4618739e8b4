package dev.coffer.vault.core.internal.vaults;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.authorization.AccessPolicyEntry;
import dev.coffer.vault.authorization.AccessPolicyUpdateKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Validation and editing of access-policy entries: Azure's permission names per area, at most 1024
 * entries, the vault's tenant only, and ARM's add / replace / remove semantics. Entries are
 * identified by (tenant, object id, application id).
 */
public final class AccessPolicyRules {
    /** Azure's limit on entries per vault. */
    public static final int MAX_ENTRIES = 1024;

    private static final Map<String, String> KEYS = canonical("all", "encrypt", "decrypt", "wrapKey", "unwrapKey", "sign",
            "verify", "get", "list", "create", "update", "import", "delete", "backup", "restore", "recover", "purge",
            "release", "rotate", "getrotationpolicy", "setrotationpolicy");
    private static final Map<String, String> SECRETS = canonical("all", "get", "list", "set", "delete", "backup",
            "restore", "recover", "purge");
    private static final Map<String, String> CERTIFICATES = canonical("all", "get", "list", "delete", "create", "import",
            "update", "managecontacts", "getissuers", "listissuers", "setissuers", "deleteissuers", "manageissuers",
            "recover", "purge", "backup", "restore");
    private static final Map<String, String> STORAGE = canonical("all", "get", "list", "delete", "set", "update",
            "regeneratekey", "recover", "purge", "backup", "restore", "setsas", "listsas", "getsas", "deletesas");

    private AccessPolicyRules() {
    }

    private static Map<String, String> canonical(String... names) {
        return java.util.Arrays.stream(names).collect(Collectors.toUnmodifiableMap(n -> n.toLowerCase(Locale.ROOT),
                Function.identity()));
    }

    /**
     * @param entry    an entry from a caller
     * @param tenantId the vault's tenant
     * @return the stored form
     * @throws BadParameterException for an unknown permission or a foreign tenant
     */
    public static AccessPolicyRecord toRecord(AccessPolicyEntry entry, String tenantId) {
        Objects.requireNonNull(entry, "entry");
        if (!entry.tenantId().equalsIgnoreCase(tenantId)) {
            throw new BadParameterException("BadRequest", null, "An access policy entry must use the vault's tenant "
                    + tenantId + "; entry for object " + entry.objectId() + " names tenant " + entry.tenantId() + ".");
        }
        return new AccessPolicyRecord(entry.tenantId(), entry.objectId(), entry.applicationId(),
                checked("keys", entry.keys(), KEYS), checked("secrets", entry.secrets(), SECRETS),
                checked("certificates", entry.certificates(), CERTIFICATES), checked("storage", entry.storage(), STORAGE));
    }

    private static Set<String> checked(String area, List<String> given, Map<String, String> valid) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : given) {
            String lower = p == null ? "" : p.toLowerCase(Locale.ROOT);
            if (!valid.containsKey(lower)) {
                throw new BadParameterException("BadRequest", null, "Invalid " + area + " permission '" + p
                        + "' in an access policy. Valid permissions: " + String.join(", ", new java.util.TreeSet<>(valid.values())) + ".");
            }
            out.add(lower);
        }
        return out;
    }

    /**
     * @param r a stored entry
     * @return the entry with Azure's spelling of each permission
     */
    public static AccessPolicyEntry toEntry(AccessPolicyRecord r) {
        return new AccessPolicyEntry(r.tenantId(), r.objectId(), r.applicationId(), spelled(r.keys(), KEYS),
                spelled(r.secrets(), SECRETS), spelled(r.certificates(), CERTIFICATES), spelled(r.storage(), STORAGE));
    }

    private static List<String> spelled(Set<String> perms, Map<String, String> valid) {
        return perms.stream().map(valid::get).sorted().toList();
    }

    /**
     * Applies an update.
     *
     * @param current the vault's entries
     * @param kind    add, replace or remove
     * @param changes validated entries
     * @return the new entries
     * @throws BadParameterException if the result has more than {@value #MAX_ENTRIES} entries
     */
    public static List<AccessPolicyRecord> apply(List<AccessPolicyRecord> current, AccessPolicyUpdateKind kind,
                                                 List<AccessPolicyRecord> changes) {
        List<AccessPolicyRecord> out = new ArrayList<>(current);
        for (AccessPolicyRecord change : changes) {
            int i = indexOf(out, change);
            AccessPolicyRecord existing = i >= 0 ? out.get(i) : null;
            AccessPolicyRecord next = switch (kind) {
                case ADD -> existing == null ? change : merge(existing, change, true);
                case REPLACE -> change;
                case REMOVE -> existing == null ? null : merge(existing, change, false);
            };
            boolean empty = next == null || (next.keys().isEmpty() && next.secrets().isEmpty()
                    && next.certificates().isEmpty() && next.storage().isEmpty());
            if (i >= 0) {
                if (empty && kind == AccessPolicyUpdateKind.REMOVE) {
                    out.remove(i);
                } else {
                    out.set(i, next);
                }
            } else if (next != null) {
                out.add(next);
            }
        }
        if (out.size() > MAX_ENTRIES) {
            throw new BadParameterException("BadRequest", null, "A vault holds at most " + MAX_ENTRIES
                    + " access policy entries; this update would make " + out.size() + ".");
        }
        return out;
    }

    private static int indexOf(List<AccessPolicyRecord> list, AccessPolicyRecord r) {
        for (int i = 0; i < list.size(); i++) {
            AccessPolicyRecord e = list.get(i);
            if (e.objectId().equalsIgnoreCase(r.objectId()) && e.tenantId().equalsIgnoreCase(r.tenantId())
                    && Objects.equals(lower(e.applicationId()), lower(r.applicationId()))) {
                return i;
            }
        }
        return -1;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static AccessPolicyRecord merge(AccessPolicyRecord a, AccessPolicyRecord b, boolean union) {
        return new AccessPolicyRecord(a.tenantId(), a.objectId(), a.applicationId(), combine(a.keys(), b.keys(), union),
                combine(a.secrets(), b.secrets(), union), combine(a.certificates(), b.certificates(), union),
                combine(a.storage(), b.storage(), union));
    }

    private static Set<String> combine(Set<String> a, Set<String> b, boolean union) {
        Set<String> out = new LinkedHashSet<>(a);
        if (union) {
            out.addAll(b);
        } else {
            out.removeAll(b);
        }
        return out;
    }
}
