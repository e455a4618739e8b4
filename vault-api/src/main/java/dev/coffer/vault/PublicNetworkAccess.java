package dev.coffer.vault;

/** Whether a vault accepts traffic from public networks (ARM {@code publicNetworkAccess}). */
public enum PublicNetworkAccess {
    /** Public access allowed, subject to the network ACLs (Azure's default). */
    ENABLED,
    /** Only private endpoints and trusted services. */
    DISABLED
}
