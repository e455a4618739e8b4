package dev.coffer.vault.core.internal.vaults;

import dev.coffer.vault.core.internal.pipeline.Caller;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How access-policy entries decide a data-plane permission, in one place. An entry applies to
 * its object id, or to every member of it when it is a group; an entry with an application id
 * (a compound identity) applies only when that principal calls through that application.
 * {@code all} grants every permission of its area except {@code purge}, which must be named.
 */
public final class AccessPolicies {
    private AccessPolicies() {
    }

    /**
     * @param entries    the vault's entries
     * @param caller     the resolved caller
     * @param groupIds   the groups the caller belongs to, transitively
     * @param area       {@code keys}, {@code secrets}, {@code certificates} or {@code storage}
     * @param permission the permission asked for
     * @return the first entry granting it, or null
     */
    public static AccessPolicyRecord match(List<AccessPolicyRecord> entries, Caller caller, Set<String> groupIds,
                                           String area, String permission) {
        String wanted = permission.toLowerCase(Locale.ROOT);
        for (AccessPolicyRecord e : entries) {
            if (!e.tenantId().equalsIgnoreCase(caller.principal().tenantId())) {
                continue;
            }
            boolean holder = e.objectId().equalsIgnoreCase(caller.objectId())
                    || groupIds.stream().anyMatch(g -> g.equalsIgnoreCase(e.objectId()));
            if (!holder) {
                continue;
            }
            if (e.applicationId() != null && !e.applicationId().equalsIgnoreCase(caller.applicationId())) {
                continue;
            }
            Set<String> perms = switch (area) {
                case "keys" -> e.keys();
                case "secrets" -> e.secrets();
                case "certificates" -> e.certificates();
                case "storage" -> e.storage();
                default -> Set.of();
            };
            if (perms.contains(wanted) || (perms.contains("all") && !wanted.equals("purge"))) {
                return e;
            }
        }
        return null;
    }
}
