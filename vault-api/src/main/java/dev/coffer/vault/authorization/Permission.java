package dev.coffer.vault.authorization;

import java.util.List;

/**
 * The permission block of a role definition, as in Azure: management {@code actions} minus
 * {@code notActions}, and data-plane {@code dataActions} minus {@code notDataActions}. Action
 * strings may contain {@code *}, which matches any run of characters including {@code /};
 * matching is case-insensitive. Management actions never grant data actions, nor the reverse.
 *
 * @param actions        management actions granted
 * @param notActions     management actions subtracted from {@code actions}
 * @param dataActions    data actions granted
 * @param notDataActions data actions subtracted from {@code dataActions}
 */
public record Permission(List<String> actions, List<String> notActions, List<String> dataActions,
                         List<String> notDataActions) {
    /** Copies the lists. */
    public Permission {
        actions = List.copyOf(actions);
        notActions = List.copyOf(notActions);
        dataActions = List.copyOf(dataActions);
        notDataActions = List.copyOf(notDataActions);
    }
}
