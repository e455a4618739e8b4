package dev.coffer.vault;

import java.util.Optional;
import java.util.Set;

/**
 * An embedded stand-in for Microsoft Entra ID: one tenant's users, groups, service principals and
 * managed identities. Every change is audited in the {@code Administrative} category and takes
 * effect on the next authorization decision (caches are invalidated at once).
 *
 * <pre>{@code
 * Principal alice = directory.createUser("alice@contoso.example");
 * Principal ops = directory.createGroup("ops");
 * directory.addMember(ops, alice);
 * }</pre>
 */
public interface Directory {

    /** @return the tenant id of this directory */
    String tenantId();

    /**
     * Creates a user.
     *
     * @param userPrincipalName a user principal name such as {@code alice@contoso.example}; unique
     * @return the new user
     * @throws BadParameterException if the name is blank or not of the form {@code name@domain}
     * @throws ConflictException     if a user with that name exists
     */
    Principal createUser(String userPrincipalName);

    /**
     * Creates a security group.
     *
     * @param displayName the group's name
     * @return the new group
     */
    Principal createGroup(String displayName);

    /**
     * Creates a service principal with a new application id.
     *
     * @param displayName the application's name
     * @return the new service principal
     */
    Principal createServicePrincipal(String displayName);

    /**
     * Creates a (user-assigned) managed identity with a new application id.
     *
     * @param displayName the identity's name
     * @return the new managed identity
     */
    Principal createManagedIdentity(String displayName);

    /**
     * Adds a member to a group. Groups nest: members of a member group are members too.
     *
     * @param group  a group
     * @param member any principal except the system principal; a group may not contain itself
     *               transitively
     * @throws BadParameterException if {@code group} is not a group or the membership would form a cycle
     */
    void addMember(Principal group, Principal member);

    /**
     * Removes a direct member from a group.
     *
     * @param group  the group
     * @param member the direct member
     * @throws ResourceNotFoundException if {@code member} is not a direct member
     */
    void removeMember(Principal group, Principal member);

    /**
     * @param principal any principal
     * @return the object ids of every group the principal belongs to, directly or through nesting
     */
    Set<String> transitiveGroupIds(Principal principal);

    /**
     * Disables or re-enables an entry. A disabled entry cannot call; grants to it stay in place.
     *
     * @param principal the entry
     * @param enabled   false to disable
     */
    void setEnabled(Principal principal, boolean enabled);

    /**
     * @param objectId an object id
     * @return the entry, if it exists in this tenant
     */
    Optional<Principal> find(String objectId);

    /**
     * @param objectId an object id
     * @return whether the entry exists and is enabled
     */
    boolean isEnabled(String objectId);
}
