package dev.coffer.vault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An Azure resource ID used as an authorization scope: {@code /} (the root),
 * {@code /subscriptions/{id}}, {@code /subscriptions/{id}/resourceGroups/{rg}},
 * {@code .../providers/Microsoft.KeyVault/vaults/{name}}, and below a vault
 * {@code /secrets/{name}}, {@code /keys/{name}} or {@code /certificates/{name}}.
 *
 * <p>This is the one place that builds and parses resource IDs. Comparison is case-insensitive,
 * as Azure's is; the original spelling is kept for display. Instances are immutable.
 *
 * <pre>{@code
 * Scope vault = Scope.vault(subscriptionId, "rg-billing", "kv-billing");
 * Scope secret = vault.child("secrets", "db-password");
 * assert vault.contains(secret);
 * }</pre>
 */
public final class Scope implements Comparable<Scope> {
    private static final String KEYVAULT_PROVIDER = "Microsoft.KeyVault";

    /** The root scope {@code /}, an ancestor of every other scope. */
    public static final Scope ROOT = new Scope(List.of());

    private final List<String> segments;
    private final String text;
    private final String key;

    private Scope(List<String> segments) {
        this.segments = List.copyOf(segments);
        this.text = segments.isEmpty() ? "/" : "/" + String.join("/", segments);
        this.key = text.toLowerCase(Locale.ROOT);
    }

    /** Extends a parent by two segments without re-joining and re-lowering the whole path: a hot path. */
    private Scope(Scope parent, String type, String name) {
        String[] all = parent.segments.toArray(new String[parent.segments.size() + 2]);
        all[all.length - 2] = type;
        all[all.length - 1] = name;
        this.segments = List.of(all);
        String suffix = "/" + type + "/" + name;
        this.text = parent.segments.isEmpty() ? suffix : parent.text + suffix;
        this.key = parent.segments.isEmpty() ? suffix.toLowerCase(Locale.ROOT)
                : parent.key + suffix.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a resource ID.
     *
     * @param resourceId a string such as {@code /subscriptions/1234/resourceGroups/rg}
     * @return the scope
     * @throws BadParameterException if the string is not an absolute path of non-empty segments
     */
    public static Scope parse(String resourceId) {
        if (resourceId == null || resourceId.isEmpty() || resourceId.charAt(0) != '/') {
            throw new BadParameterException("InvalidScope", null,
                    "The scope '" + resourceId + "' is not valid: a scope is a resource ID that starts with '/'.");
        }
        if (resourceId.equals("/")) {
            return ROOT;
        }
        String body = resourceId.endsWith("/") ? resourceId.substring(1, resourceId.length() - 1) : resourceId.substring(1);
        List<String> parts = new ArrayList<>();
        for (String part : body.split("/", -1)) {
            if (part.isEmpty() || part.isBlank()) {
                throw new BadParameterException("InvalidScope", null,
                        "The scope '" + resourceId + "' is not valid: it has an empty segment.");
            }
            parts.add(part);
        }
        return new Scope(parts);
    }

    /**
     * @param subscriptionId the subscription id
     * @return {@code /subscriptions/{subscriptionId}}
     */
    public static Scope subscription(String subscriptionId) {
        return ROOT.child("subscriptions", subscriptionId);
    }

    /**
     * @param subscriptionId the subscription id
     * @param resourceGroup  the resource group name
     * @return {@code /subscriptions/{id}/resourceGroups/{rg}}
     */
    public static Scope resourceGroup(String subscriptionId, String resourceGroup) {
        return subscription(subscriptionId).child("resourceGroups", resourceGroup);
    }

    /**
     * @param subscriptionId the subscription id
     * @param resourceGroup  the resource group name
     * @param vaultName      the vault name
     * @return the vault's resource ID
     */
    public static Scope vault(String subscriptionId, String resourceGroup, String vaultName) {
        return resourceGroup(subscriptionId, resourceGroup)
                .child("providers", KEYVAULT_PROVIDER).child("vaults", vaultName);
    }

    /**
     * @param subscriptionId the subscription id
     * @param location       the location the vault was in
     * @param vaultName      the vault name
     * @return the resource ID of a soft-deleted vault
     */
    public static Scope deletedVault(String subscriptionId, String location, String vaultName) {
        return subscription(subscriptionId).child("providers", KEYVAULT_PROVIDER)
                .child("locations", location).child("deletedVaults", vaultName);
    }

    /**
     * Appends a {@code /type/name} pair, as in {@code vault.child("secrets", "db-password")}.
     *
     * @param type the collection segment
     * @param name the name segment
     * @return the child scope
     */
    public Scope child(String type, String name) {
        requireSegment(type, "type");
        requireSegment(name, "name");
        return new Scope(this, type, name);
    }

    private static void requireSegment(String s, String what) {
        if (s == null || s.isBlank() || s.indexOf('/') >= 0) {
            throw new BadParameterException("InvalidScope", null,
                    "A scope " + what + " segment must be non-empty and contain no '/': '" + s + "'.");
        }
    }

    /**
     * Whether this scope is {@code other} or one of its ancestors: an assignment at this scope
     * applies at {@code other}. Case-insensitive.
     *
     * @param other the scope to test
     * @return true if this scope covers {@code other}
     */
    public boolean contains(Scope other) {
        if (segments.isEmpty()) {
            return true;
        }
        // Compare the lower-cased paths: a prefix that ends on a segment boundary.
        return other.key.startsWith(key)
                && (other.key.length() == key.length() || other.key.charAt(key.length()) == '/');
    }

    /**
     * @param other the scope to test
     * @return true if this scope contains {@code other} and is not equal to it
     */
    public boolean isAncestorOf(Scope other) {
        return other.segments.size() > segments.size() && contains(other);
    }

    /** @return the parent scope, or empty for the root */
    public Optional<Scope> parent() {
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        int drop = segments.size() % 2 == 0 ? 2 : 1;
        return Optional.of(new Scope(segments.subList(0, segments.size() - drop)));
    }

    /** @return this scope and every ancestor, nearest first, ending with the root */
    public List<Scope> selfAndAncestors() {
        List<Scope> out = new ArrayList<>();
        Scope s = this;
        while (true) {
            out.add(s);
            Optional<Scope> p = s.parent();
            if (p.isEmpty()) {
                return Collections.unmodifiableList(out);
            }
            s = p.get();
        }
    }

    private Optional<String> valueAfter(String type) {
        for (int i = 0; i + 1 < segments.size(); i += 2) {
            if (segments.get(i).equalsIgnoreCase(type)) {
                return Optional.of(segments.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** @return the subscription id, if this scope is at or below a subscription */
    public Optional<String> subscriptionId() {
        return valueAfter("subscriptions");
    }

    /** @return the resource group name, if this scope is at or below a resource group */
    public Optional<String> resourceGroupName() {
        return valueAfter("resourceGroups");
    }

    /** @return the vault name, if this scope is at or below a vault */
    public Optional<String> vaultName() {
        return valueAfter("vaults");
    }

    /**
     * @return the object collection below a vault ({@code secrets}, {@code keys} or
     * {@code certificates}), if this scope addresses one object
     */
    public Optional<String> objectType() {
        int v = indexOfType("vaults");
        if (v >= 0 && segments.size() >= v + 4) {
            return Optional.of(segments.get(v + 2));
        }
        return Optional.empty();
    }

    /** @return the object name below a vault, if this scope addresses one object */
    public Optional<String> objectName() {
        int v = indexOfType("vaults");
        if (v >= 0 && segments.size() >= v + 4) {
            return Optional.of(segments.get(v + 3));
        }
        return Optional.empty();
    }

    private int indexOfType(String type) {
        for (int i = 0; i + 1 < segments.size(); i += 2) {
            if (segments.get(i).equalsIgnoreCase(type)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the number of path segments (0 for the root) */
    public int depth() {
        return segments.size();
    }

    /** @return true for {@code /} */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scope s && s.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public int compareTo(Scope o) {
        return key.compareTo(o.key);
    }

    /** @return the resource ID as originally spelled */
    @Override
    public String toString() {
        return text;
    }

    /** @return the resource ID in lower case, the form used for comparison */
    public String normalized() {
        return key;
    }
}
