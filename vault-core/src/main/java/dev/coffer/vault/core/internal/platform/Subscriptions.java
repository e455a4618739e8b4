package dev.coffer.vault.core.internal.platform;

import dev.coffer.vault.ResourceGroup;
import dev.coffer.vault.ResourceNotFoundException;
import dev.coffer.vault.Scope;
import dev.coffer.vault.Subscription;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The platform's subscriptions and their resource groups. */
public final class Subscriptions {
    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
    private final Map<Scope, ResourceGroup> groups = new ConcurrentHashMap<>();

    /** @param s a new subscription */
    public void add(Subscription s) {
        byId.put(s.id().toLowerCase(java.util.Locale.ROOT), s);
    }

    /**
     * @param id a subscription id
     * @return the subscription
     */
    public Optional<Subscription> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id.toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * @param id a subscription id
     * @return the subscription
     * @throws ResourceNotFoundException ({@code SubscriptionNotFound}) if it does not exist
     */
    public Subscription require(String id) {
        return find(id).orElseThrow(() -> new ResourceNotFoundException("SubscriptionNotFound", null,
                "The subscription '" + id + "' could not be found."));
    }

    /**
     * @param group a resource group to add unless one of that name exists
     * @return the resource group now holding the name
     */
    public ResourceGroup putIfAbsent(ResourceGroup group) {
        ResourceGroup prior = groups.putIfAbsent(group.scope(), group);
        return prior == null ? group : prior;
    }

    /**
     * @param subscriptionId the subscription
     * @param name           the group name
     * @return the resource group
     */
    public Optional<ResourceGroup> findGroup(String subscriptionId, String name) {
        return Optional.ofNullable(groups.get(Scope.resourceGroup(subscriptionId, name)));
    }

    /**
     * @param subscriptionId the subscription
     * @param name           the group name
     * @return the resource group
     * @throws ResourceNotFoundException ({@code ResourceGroupNotFound}) if it does not exist
     */
    public ResourceGroup requireGroup(String subscriptionId, String name) {
        require(subscriptionId);
        return findGroup(subscriptionId, name).orElseThrow(() -> new ResourceNotFoundException("ResourceGroupNotFound", null,
                "Resource group '" + name + "' could not be found."));
    }
}
