package dev.coffer.vault.core.internal.util;

import dev.coffer.vault.BadParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque continuation tokens. A token encodes the sort key of the last item a page returned, so
 * the next page starts strictly after it: items present for the whole listing appear exactly once,
 * whatever is written meanwhile. The encoding is base64url of a tagged string; callers must treat
 * it as opaque (a later REST layer passes it as {@code $skiptoken}).
 */
public final class Tokens {
    private static final String PREFIX = "c1:";

    private Tokens() {
    }

    /**
     * @param listing  which listing the token belongs to, so a token cannot be replayed elsewhere
     * @param afterKey the sort key of the last item returned
     * @return the token
     */
    public static String encode(String listing, String afterKey) {
        String raw = PREFIX + listing + "\n" + afterKey;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param listing the listing the token must belong to
     * @param token   a token from {@link #encode}, or null for the first page
     * @return the sort key to start after, or null for the first page
     * @throws BadParameterException if the token is malformed or belongs to another listing
     */
    public static String decode(String listing, String token) {
        if (token == null) {
            return null;
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        int nl = raw.indexOf('\n');
        if (!raw.startsWith(PREFIX) || nl < 0 || !raw.substring(PREFIX.length(), nl).equals(listing)) {
            throw invalid();
        }
        return raw.substring(nl + 1);
    }

    private static BadParameterException invalid() {
        return new BadParameterException("BadParameter", null,
                "The continuation token ($skiptoken) is not valid for this listing.");
    }
}
