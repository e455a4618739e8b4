package dev.coffer.vault.testkit;

/**
 * Where a declared {@link Role} is assigned, relative to the fixture's subscription and resource
 * group.
 */
public enum RoleScope {
    /** The fixture's subscription: the role applies to every resource group and vault in it. */
    SUBSCRIPTION,
    /** The fixture's resource group: the role applies to every vault in it. */
    RESOURCE_GROUP,
    /** One vault, named by {@link Role#vault()} (or the only vault the test declares). */
    VAULT,
    /** One object in a vault, named by {@link Role#object()} such as {@code secrets/db-password}. */
    OBJECT
}
