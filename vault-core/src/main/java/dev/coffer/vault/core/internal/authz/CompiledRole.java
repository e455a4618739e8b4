package dev.coffer.vault.core.internal.authz;

import dev.coffer.vault.authorization.RoleDefinition;
import java.util.List;
import java.util.Locale;

/**
 * A role definition with its action strings compiled for matching.
 *
 * @param definition     the definition
 * @param actions        management grants
 * @param notActions     management exclusions
 * @param dataActions    data grants
 * @param notDataActions data exclusions
 */
public record CompiledRole(RoleDefinition definition, List<ActionPattern> actions, List<ActionPattern> notActions,
                           List<ActionPattern> dataActions, List<ActionPattern> notDataActions) {

    /**
     * @param def a role definition
     * @return it compiled
     */
    public static CompiledRole of(RoleDefinition def) {
        return new CompiledRole(def, compile(def.permissions().actions()), compile(def.permissions().notActions()),
                compile(def.permissions().dataActions()), compile(def.permissions().notDataActions()));
    }

    private static List<ActionPattern> compile(List<String> patterns) {
        return patterns.stream().map(ActionPattern::new).toList();
    }

    /**
     * @param lowerAction a management action in lower case
     * @return whether Actions minus NotActions grant it
     */
    public boolean grantsAction(String lowerAction) {
        return any(actions, lowerAction) && !any(notActions, lowerAction);
    }

    /**
     * @param lowerAction a data action in lower case
     * @return whether DataActions minus NotDataActions grant it
     */
    public boolean grantsDataAction(String lowerAction) {
        return any(dataActions, lowerAction) && !any(notDataActions, lowerAction);
    }

    private static boolean any(List<ActionPattern> patterns, String action) {
        for (ActionPattern p : patterns) {
            if (p.matchesLower(action)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the role's ABAC condition (if any) lets it act on an assignment of {@code targetRoleId}.
     * The condition only constrains {@code roleAssignments/write} and {@code /delete}.
     *
     * @param lowerAction   the action, lower case
     * @param targetRoleId  the role definition of the assignment being written or deleted, or null
     * @param unconditional true when the caller must hold the action without any condition
     * @return whether the condition is satisfied
     */
    public boolean conditionAllows(String lowerAction, String targetRoleId, boolean unconditional) {
        if (definition.delegableRoleIds() == null || !isAssignmentWrite(lowerAction)) {
            return true;
        }
        if (unconditional || targetRoleId == null) {
            return false;
        }
        String t = targetRoleId.toLowerCase(Locale.ROOT);
        return definition.delegableRoleIds().stream().anyMatch(id -> id.equalsIgnoreCase(t));
    }

    static boolean isAssignmentWrite(String lowerAction) {
        return lowerAction.equals("microsoft.authorization/roleassignments/write")
                || lowerAction.equals("microsoft.authorization/roleassignments/delete");
    }
}
