package dev.coffer.vault.core.internal.authz;

import java.util.Locale;

/**
 * An action string of a role definition, matched as Azure does: case-insensitive, and {@code *}
 * matches any run of characters, {@code /} included. A hand-written glob matcher rather than a
 * regex, because it runs on every authorization decision and never needs backtracking beyond
 * the last star.
 */
public final class ActionPattern {
    private final String pattern;

    /** @param pattern an action string such as {@code Microsoft.KeyVault/vaults/*\/read} */
    public ActionPattern(String pattern) {
        this.pattern = pattern.toLowerCase(Locale.ROOT);
    }

    /**
     * @param action a concrete action, already in lower case
     * @return whether this pattern grants it
     */
    public boolean matchesLower(String action) {
        return glob(pattern, action);
    }

    /**
     * @param action a concrete action in any case
     * @return whether this pattern grants it
     */
    public boolean matches(String action) {
        return glob(pattern, action.toLowerCase(Locale.ROOT));
    }

    static boolean glob(String p, String s) {
        int pi = 0;
        int si = 0;
        int starP = -1;
        int starS = 0;
        while (si < s.length()) {
            if (pi < p.length() && p.charAt(pi) == '*') {
                starP = pi++;
                starS = si;
            } else if (pi < p.length() && p.charAt(pi) == s.charAt(si)) {
                pi++;
                si++;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
