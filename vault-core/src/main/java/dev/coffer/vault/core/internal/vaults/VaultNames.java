package dev.coffer.vault.core.internal.vaults;

import dev.coffer.vault.BadParameterException;
import java.util.regex.Pattern;

/** Azure's vault naming rule, in one place. */
public final class VaultNames {
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$");

    private VaultNames() {
    }

    /**
     * @param name a proposed vault name
     * @throws BadParameterException ({@code VaultNameNotValid}) unless it has 3–24 letters, digits and
     *                               hyphens, starts with a letter, ends with a letter or digit and has no
     *                               consecutive hyphens
     */
    public static void validate(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadParameterException("VaultNameNotValid", null,
                    "Vault name '" + name + "' is invalid. A vault's name must be between 3-24 alphanumeric characters. "
                            + "The name must begin with a letter, end with a letter or digit, and not contain consecutive hyphens.");
        }
    }
}
