package dev.coffer.vault;

import java.util.List;
import java.util.Objects;

/**
 * A vault's firewall rules (ARM {@code networkAcls}). Recorded and reported for posture checks;
 * an in-process vault has no network to filter.
 *
 * @param defaultAction       {@code Allow} or {@code Deny}
 * @param bypass              {@code AzureServices} or {@code None}
 * @param ipRules             allowed address ranges in CIDR notation
 * @param virtualNetworkRules allowed subnet resource ids
 */
public record NetworkRuleSet(String defaultAction, String bypass, List<String> ipRules, List<String> virtualNetworkRules) {

    /** Azure's default: allow all, let trusted Azure services bypass. */
    public static final NetworkRuleSet ALLOW_ALL = new NetworkRuleSet("Allow", "AzureServices", List.of(), List.of());

    /** Validates and copies the components. */
    public NetworkRuleSet {
        Objects.requireNonNull(defaultAction, "defaultAction");
        Objects.requireNonNull(bypass, "bypass");
        if (!defaultAction.equals("Allow") && !defaultAction.equals("Deny")) {
            throw new BadParameterException("BadRequest", null,
                    "networkAcls.defaultAction must be 'Allow' or 'Deny', was '" + defaultAction + "'.");
        }
        if (!bypass.equals("AzureServices") && !bypass.equals("None")) {
            throw new BadParameterException("BadRequest", null,
                    "networkAcls.bypass must be 'AzureServices' or 'None', was '" + bypass + "'.");
        }
        ipRules = List.copyOf(ipRules);
        virtualNetworkRules = List.copyOf(virtualNetworkRules);
    }
}
