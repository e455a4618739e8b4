package dev.coffer.vault;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An Azure region, its geography and its paired region, from a small built-in table. Backups
 * restore only within one subscription and one geography, so the geography matters to restore.
 *
 * @param name        the programmatic name, lower case, such as {@code westeurope}
 * @param displayName the display name, such as {@code West Europe}
 * @param geography   the geography, such as {@code Europe}
 * @param pairedWith  the programmatic name of the paired region
 */
public record Location(String name, String displayName, String geography, String pairedWith) {

    private static final Map<String, Location> TABLE = new TreeMap<>();

    static {
        pair("westeurope", "West Europe", "northeurope", "North Europe", "Europe");
        pair("francecentral", "France Central", "francesouth", "France South", "France");
        pair("germanywestcentral", "Germany West Central", "germanynorth", "Germany North", "Germany");
        pair("uksouth", "UK South", "ukwest", "UK West", "United Kingdom");
        pair("eastus", "East US", "westus", "West US", "United States");
        pair("eastus2", "East US 2", "centralus", "Central US", "United States");
        pair("westus2", "West US 2", "westcentralus", "West Central US", "United States");
        pair("canadacentral", "Canada Central", "canadaeast", "Canada East", "Canada");
        pair("japaneast", "Japan East", "japanwest", "Japan West", "Japan");
        pair("australiaeast", "Australia East", "australiasoutheast", "Australia Southeast", "Australia");
        pair("southeastasia", "Southeast Asia", "eastasia", "East Asia", "Asia Pacific");
    }

    private static void pair(String a, String aName, String b, String bName, String geography) {
        TABLE.put(a, new Location(a, aName, geography, b));
        TABLE.put(b, new Location(b, bName, geography, a));
    }

    /**
     * Looks up a location by programmatic or display name, case-insensitively and ignoring spaces.
     *
     * @param name such as {@code westeurope} or {@code West Europe}
     * @return the location
     * @throws BadParameterException ({@code LocationNotAvailableForResourceType}) for an unknown name
     */
    public static Location of(String name) {
        return find(name).orElseThrow(() -> new BadParameterException("LocationNotAvailableForResourceType", null,
                "The provided location '" + name + "' is not available for resource type 'Microsoft.KeyVault/vaults'. "
                        + "List of available regions is '" + String.join(",", TABLE.keySet()) + "'."));
    }

    /**
     * @param name a programmatic or display name
     * @return the location, if known
     */
    public static Optional<Location> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(TABLE.get(name.replace(" ", "").toLowerCase(Locale.ROOT)));
    }

    /** @return every known location, ordered by name */
    public static Collection<Location> all() {
        return java.util.Collections.unmodifiableCollection(TABLE.values());
    }

    /** @return the paired region */
    public Location pair() {
        return TABLE.get(pairedWith);
    }

    /**
     * @param other another location
     * @return whether both lie in the same geography
     */
    public boolean sameGeography(Location other) {
        return geography.equals(other.geography);
    }
}
