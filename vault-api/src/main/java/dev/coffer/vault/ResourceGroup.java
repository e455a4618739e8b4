package dev.coffer.vault;

import java.util.Objects;

/**
 * A resource group of a subscription.
 *
 * @param subscriptionId the subscription
 * @param name           the group's name (case-insensitive, case kept)
 * @param location       where its metadata lives; vaults default to it
 */
public record ResourceGroup(String subscriptionId, String name, Location location) {
    /** Validates the components. */
    public ResourceGroup {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
    }

    /** @return {@code /subscriptions/{id}/resourceGroups/{name}} */
    public Scope scope() {
        return Scope.resourceGroup(subscriptionId, name);
    }
}
