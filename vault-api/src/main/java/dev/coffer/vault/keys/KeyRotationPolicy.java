package dev.coffer.vault.keys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A key's rotation policy: at most one {@code Rotate} and one {@code Notify} lifetime action, and the
 * expiry ({@code expiresIn}, ISO-8601, at least 28 days) given to every <em>new</em> version. A key
 * without a policy of its own reports Azure's default: one {@code Notify} 30 days before expiry and no
 * {@code expiresIn}.
 *
 * <p>A mutable builder, as in the Azure SDK. The vault copies it when it is set and returns a fresh
 * instance from every get, so changing an instance never changes the vault.
 *
 * <pre>{@code
 * keys.updateKeyRotationPolicy("signing-key", new KeyRotationPolicy()
 *         .setLifetimeActions(List.of(new KeyRotationLifetimeAction(KeyRotationPolicyAction.ROTATE)
 *                 .setTimeAfterCreate("P90D")))
 *         .setExpiresIn("P1Y"));
 * }</pre>
 */
public final class KeyRotationPolicy {
    private String id;
    private List<KeyRotationLifetimeAction> lifetimeActions = new ArrayList<>();
    private String expiresIn;
    private Instant createdOn;
    private Instant updatedOn;

    /** An empty policy (no actions, no expiry). */
    public KeyRotationPolicy() {
    }

    /**
     * A policy as the vault reports it.
     *
     * @param id              {@code https://{vault}.vault.azure.net/keys/{name}/rotationpolicy}
     * @param lifetimeActions the actions
     * @param expiresIn       the expiry of new versions, or null
     * @param createdOn       when the policy was first set, or null for the default policy
     * @param updatedOn       when it last changed, or null
     */
    public KeyRotationPolicy(String id, List<KeyRotationLifetimeAction> lifetimeActions, String expiresIn,
                             Instant createdOn, Instant updatedOn) {
        this.id = id;
        this.lifetimeActions = new ArrayList<>(lifetimeActions);
        this.expiresIn = expiresIn;
        this.createdOn = createdOn;
        this.updatedOn = updatedOn;
    }

    /** @return the policy id, or null before it is stored */
    public String getId() {
        return id;
    }

    /** @return the lifetime actions (this instance's own list) */
    public List<KeyRotationLifetimeAction> getLifetimeActions() {
        return lifetimeActions;
    }

    /**
     * @param lifetimeActions at most one Rotate and one Notify; copied
     * @return this
     */
    public KeyRotationPolicy setLifetimeActions(List<KeyRotationLifetimeAction> lifetimeActions) {
        this.lifetimeActions = lifetimeActions == null ? new ArrayList<>() : new ArrayList<>(lifetimeActions);
        return this;
    }

    /** @return the expiry given to new versions, ISO-8601, or null */
    public String getExpiresIn() {
        return expiresIn;
    }

    /**
     * @param expiresIn the expiry of new versions, ISO-8601 (at least 28 days), or null for none
     * @return this
     */
    public KeyRotationPolicy setExpiresIn(String expiresIn) {
        this.expiresIn = expiresIn;
        return this;
    }

    /** @return when the policy was first set, or null */
    public Instant getCreatedOn() {
        return createdOn;
    }

    /** @return when the policy last changed, or null */
    public Instant getUpdatedOn() {
        return updatedOn;
    }

    @Override
    public String toString() {
        return "KeyRotationPolicy(" + id + ", " + lifetimeActions + ", expiresIn=" + expiresIn + ")";
    }
}
