package dev.coffer.vault.core.internal.pipeline;

import dev.coffer.vault.Principal;
import dev.coffer.vault.RequestContext;

/**
 * A caller resolved against the directory for one call.
 *
 * @param principal     the enabled directory entry
 * @param applicationId the application it calls through, or null
 * @param context       the request context it came with
 * @param correlationId the call's correlation id (the client's, or a generated one)
 */
public record Caller(Principal principal, String applicationId, RequestContext context, String correlationId) {
    /** @return the caller's object id */
    public String objectId() {
        return principal.objectId();
    }
}
