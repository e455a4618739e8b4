package dev.coffer.vault.core.internal.objects;

import java.util.Map;

/**
 * One version of an object. Immutable except for the payload's own destroy.
 *
 * @param version     the 32-hex version id
 * @param sequence    the vault-wide sequence number that orders versions ("latest" is the highest)
 * @param attributes  its attributes
 * @param tags        its tags
 * @param contentType its content type, or null
 * @param managed     whether a certificate manages it
 * @param payload     the type-specific content (secret value, key reference, certificate)
 * @param <P>         the payload type
 */
public record ObjectVersion<P extends Payload>(String version, long sequence, ObjectAttributes attributes,
                                               Map<String, String> tags, String contentType, boolean managed, P payload) {
    /** Copies the tags. */
    public ObjectVersion {
        tags = Map.copyOf(tags);
    }

    /**
     * @param next new attributes
     * @param nextTags new tags
     * @param nextContentType new content type
     * @return a copy with them
     */
    public ObjectVersion<P> with(ObjectAttributes next, Map<String, String> nextTags, String nextContentType) {
        return new ObjectVersion<>(version, sequence, next, nextTags, nextContentType, managed, payload);
    }
}
