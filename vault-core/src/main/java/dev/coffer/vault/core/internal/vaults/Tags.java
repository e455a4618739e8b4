package dev.coffer.vault.core.internal.vaults;

import dev.coffer.vault.BadParameterException;
import java.util.Map;

/** Azure's tag limits (15 tags, names and values up to 256 characters), in one place. */
public final class Tags {
    /** The most tags an object may carry. */
    public static final int MAX_TAGS = 15;
    /** The longest tag name or value. */
    public static final int MAX_LENGTH = 256;

    private Tags() {
    }

    /**
     * @param tags tags to check
     * @throws BadParameterException if there are too many, or a name or value is too long or empty
     */
    public static void validate(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw new BadParameterException("BadParameter", null,
                    "tags: at most " + MAX_TAGS + " tags are allowed, " + tags.size() + " were given.");
        }
        for (Map.Entry<String, String> t : tags.entrySet()) {
            if (t.getKey().isEmpty() || t.getKey().length() > MAX_LENGTH) {
                throw new BadParameterException("BadParameter", null,
                        "tags: a tag name must be 1 to " + MAX_LENGTH + " characters.");
            }
            if (t.getValue() == null || t.getValue().length() > MAX_LENGTH) {
                throw new BadParameterException("BadParameter", null,
                        "tags: the value of tag '" + t.getKey() + "' must be at most " + MAX_LENGTH + " characters.");
            }
        }
    }
}
