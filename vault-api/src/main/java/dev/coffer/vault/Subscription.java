package dev.coffer.vault;

import java.util.Objects;

/**
 * An Azure subscription: the unit of ownership and the boundary a backup never crosses.
 *
 * @param id          the subscription id (a GUID)
 * @param displayName its display name
 * @param tenantId    the tenant it trusts
 */
public record Subscription(String id, String displayName, String tenantId) {
    /** Validates the components. */
    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(tenantId, "tenantId");
    }

    /** @return {@code /subscriptions/{id}} */
    public Scope scope() {
        return Scope.subscription(id);
    }
}
