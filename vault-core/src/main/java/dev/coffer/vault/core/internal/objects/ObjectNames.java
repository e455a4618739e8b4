package dev.coffer.vault.core.internal.objects;

import dev.coffer.vault.BadParameterException;
import java.util.regex.Pattern;

/** Key Vault's object naming rule (1–127 letters, digits and hyphens), in one place. */
public final class ObjectNames {
    private static final Pattern VERSION = Pattern.compile("^[0-9a-fA-F]{32}$");

    private ObjectNames() {
    }

    /**
     * @param name a proposed name
     * @return whether it is valid
     */
    public static boolean isValid(String name) {
        // A plain loop: this runs on every data-plane call, and a regex costs more than the rule.
        if (name == null || name.isEmpty() || name.length() > 127) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param kind the object type, for the message
     * @param name a proposed name
     * @throws BadParameterException unless it has 1–127 letters, digits and hyphens
     */
    public static void validate(ObjectKind kind, String name) {
        if (!isValid(name)) {
            throw new BadParameterException("BadParameter", null, "The " + kind.noun() + " name '" + name
                    + "' is invalid: use 1 to 127 characters, each a letter, a digit or a hyphen ('^[0-9a-zA-Z-]+$').");
        }
    }

    /**
     * @param kind    the object type, for the message
     * @param version a version id, or null/empty for the latest
     * @throws BadParameterException unless it is empty or 32 hex characters
     */
    public static void validateVersion(ObjectKind kind, String version) {
        if (version != null && !version.isEmpty() && !VERSION.matcher(version).matches()) {
            throw new BadParameterException("BadParameter", null, "The " + kind.noun() + " version '" + version
                    + "' is invalid: a version is 32 hexadecimal characters.");
        }
    }
}
