package dev.coffer.vault.authorization;

import dev.coffer.vault.Scope;
import java.util.List;

/**
 * Everything a principal may do on one vault and on the objects below it, each grant with its source.
 *
 * @param principalId the principal
 * @param vault       the vault's scope
 * @param grants      the grants, vault scope first, then object scopes
 */
public record EffectiveAccess(String principalId, Scope vault, List<AccessExplanation> grants) {
    /** Copies the list. */
    public EffectiveAccess {
        grants = List.copyOf(grants);
    }

    /**
     * @param scope  a scope
     * @param action an action
     * @return whether a grant covers that action at that scope
     */
    public boolean allows(Scope scope, String action) {
        return grants.stream().anyMatch(g -> g.action().equalsIgnoreCase(action) && g.scope().contains(scope));
    }
}
