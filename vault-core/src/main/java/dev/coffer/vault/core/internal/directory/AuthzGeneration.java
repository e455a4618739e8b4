package dev.coffer.vault.core.internal.directory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter bumped by every change that can alter an authorization decision: a role assignment,
 * a role definition, a group membership, an entry enabled or disabled, a vault's permission model
 * or access policies. Caches key their entries by it, so a revoked grant fails on the next call.
 */
public final class AuthzGeneration {
    private final AtomicLong value = new AtomicLong();

    /** Records a change. */
    public void bump() {
        value.incrementAndGet();
    }

    /** @return the current generation */
    public long current() {
        return value.get();
    }
}
