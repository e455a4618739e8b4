package dev.coffer.vault.core.internal.directory;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.ConflictException;
import dev.coffer.vault.Principal;
import dev.coffer.vault.PrincipalType;
import dev.coffer.vault.ResourceNotFoundException;
import dev.coffer.vault.core.internal.util.Ids;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The tenant's entries and group memberships. Reads are lock-free; writes are serialized (they
 * are rare) and each bumps the {@link AuthzGeneration}, so authorization caches never outlive a
 * membership or enablement change.
 */
public final class DirectoryStore {
    private static final Pattern UPN = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final String tenantId;
    private final Ids ids;
    private final AuthzGeneration generation;
    private final Map<String, Principal> byObjectId = new ConcurrentHashMap<>();
    private final Map<String, Boolean> enabled = new ConcurrentHashMap<>();
    private final Map<String, String> objectIdByUpn = new ConcurrentHashMap<>();
    private final Map<String, String> objectIdByAppId = new ConcurrentHashMap<>();
    /** member object id → ids of the groups it is a direct member of. */
    private final Map<String, Set<String>> directGroupsOf = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private final Principal system;

    /**
     * @param tenantId   the tenant
     * @param ids        id source
     * @param generation the authorization generation to bump on every change
     */
    public DirectoryStore(String tenantId, Ids ids, AuthzGeneration generation) {
        this.tenantId = tenantId;
        this.ids = ids;
        this.generation = generation;
        this.system = new Principal(PrincipalType.SYSTEM, tenantId, ids.newGuid(), "Coffer platform", null);
        byObjectId.put(system.objectId(), system);
        enabled.put(system.objectId(), Boolean.TRUE);
    }

    /** @return the tenant id */
    public String tenantId() {
        return tenantId;
    }

    /** @return the platform's own principal */
    public Principal system() {
        return system;
    }

    /**
     * @param upn user principal name
     * @return the new user
     */
    public Principal createUser(String upn) {
        if (upn == null || !UPN.matcher(upn).matches()) {
            throw new BadParameterException("InvalidUserPrincipalName", null,
                    "userPrincipalName must look like 'name@domain.tld', was '" + upn + "'.");
        }
        synchronized (writeLock) {
            String key = upn.toLowerCase(Locale.ROOT);
            if (objectIdByUpn.containsKey(key)) {
                throw new ConflictException("ObjectConflict", null,
                        "A user with userPrincipalName '" + upn + "' already exists in tenant " + tenantId + ".");
            }
            Principal p = new Principal(PrincipalType.USER, tenantId, ids.newGuid(), upn, null);
            objectIdByUpn.put(key, p.objectId());
            add(p);
            return p;
        }
    }

    /**
     * @param type        GROUP, SERVICE_PRINCIPAL or MANAGED_IDENTITY
     * @param displayName display name
     * @return the new entry
     */
    public Principal create(PrincipalType type, String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 256) {
            throw new BadParameterException("InvalidDisplayName", null,
                    "displayName must be 1 to 256 characters, was '" + displayName + "'.");
        }
        if (type == PrincipalType.USER || type == PrincipalType.SYSTEM) {
            throw new IllegalArgumentException("use createUser for users; the system principal cannot be created");
        }
        synchronized (writeLock) {
            String appId = type == PrincipalType.GROUP ? null : ids.newGuid();
            Principal p = new Principal(type, tenantId, ids.newGuid(), displayName, appId);
            if (appId != null) {
                objectIdByAppId.put(appId, p.objectId());
            }
            add(p);
            return p;
        }
    }

    private void add(Principal p) {
        byObjectId.put(p.objectId(), p);
        enabled.put(p.objectId(), Boolean.TRUE);
        generation.bump();
    }

    /**
     * @param groupId  the group
     * @param memberId the member to add
     */
    public void addMember(String groupId, String memberId) {
        synchronized (writeLock) {
            Principal group = require(groupId);
            Principal member = require(memberId);
            if (group.type() != PrincipalType.GROUP) {
                throw new BadParameterException("InvalidGroup", null,
                        "Members can only be added to groups; '" + group.displayName() + "' is a " + group.type() + ".");
            }
            if (member.type() == PrincipalType.SYSTEM) {
                throw new BadParameterException("InvalidMember", null, "The platform principal cannot join groups.");
            }
            if (memberId.equals(groupId) || transitiveGroups(groupId).contains(memberId)) {
                throw new BadParameterException("CircularMembership", null,
                        "Adding '" + member.displayName() + "' to '" + group.displayName() + "' would make a membership cycle.");
            }
            directGroupsOf.computeIfAbsent(memberId, k -> ConcurrentHashMap.newKeySet()).add(groupId);
            generation.bump();
        }
    }

    /**
     * @param groupId  the group
     * @param memberId the direct member to remove
     */
    public void removeMember(String groupId, String memberId) {
        synchronized (writeLock) {
            Set<String> groups = directGroupsOf.get(memberId);
            if (groups == null || !groups.remove(groupId)) {
                throw new ResourceNotFoundException("MemberNotFound", null,
                        "Object " + memberId + " is not a direct member of group " + groupId + ".");
            }
            generation.bump();
        }
    }

    /**
     * @param objectId any entry
     * @return the ids of the groups it belongs to, directly or through nested groups
     */
    public Set<String> transitiveGroups(String objectId) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(objectId);
        while (!todo.isEmpty()) {
            Set<String> direct = directGroupsOf.get(todo.poll());
            if (direct != null) {
                for (String g : direct) {
                    if (seen.add(g)) {
                        todo.add(g);
                    }
                }
            }
        }
        return seen;
    }

    /**
     * @param objectId the entry
     * @param on       the new state
     */
    public void setEnabled(String objectId, boolean on) {
        synchronized (writeLock) {
            Principal p = require(objectId);
            if (p.type() == PrincipalType.SYSTEM) {
                throw new BadParameterException("InvalidMember", null, "The platform principal cannot be disabled.");
            }
            enabled.put(objectId, on);
            generation.bump();
        }
    }

    /**
     * @param objectId an object id
     * @return the entry
     */
    public Optional<Principal> find(String objectId) {
        return objectId == null ? Optional.empty() : Optional.ofNullable(byObjectId.get(objectId));
    }

    /**
     * @param applicationId an application id
     * @return the service principal or managed identity with that application id
     */
    public Optional<Principal> findByApplicationId(String applicationId) {
        return applicationId == null ? Optional.empty()
                : Optional.ofNullable(objectIdByAppId.get(applicationId)).map(byObjectId::get);
    }

    /**
     * @param objectId an object id
     * @return whether it exists and is enabled
     */
    public boolean isEnabled(String objectId) {
        return objectId != null && Boolean.TRUE.equals(enabled.get(objectId));
    }

    /**
     * @param objectId an object id
     * @return the entry
     * @throws ResourceNotFoundException if it does not exist
     */
    public Principal require(String objectId) {
        return find(objectId).orElseThrow(() -> new ResourceNotFoundException("PrincipalNotFound", null,
                "Principal " + objectId + " does not exist in the directory " + tenantId + "."));
    }
}
