package dev.coffer.vault.core.internal.authz;

import dev.coffer.vault.authorization.RoleAssignment;

/**
 * The outcome of one RBAC decision, with what decided it.
 *
 * @param allowed    whether the action is granted
 * @param assignment the assignment that granted it, or null when denied
 * @param viaGroupId the group the caller holds the assignment through, or null if held directly
 */
public record Decision(boolean allowed, RoleAssignment assignment, String viaGroupId) {
    /** A denial with no valid assignment. */
    public static final Decision DENIED = new Decision(false, null, null);
}
