package dev.coffer.vault;

/** A vault's pricing tier. Only Premium vaults hold HSM-protected keys ({@code RSA-HSM}, {@code EC-HSM}). */
public enum SkuName {
    /** Software-protected keys only. */
    STANDARD,
    /** Software- and HSM-protected keys. */
    PREMIUM
}
