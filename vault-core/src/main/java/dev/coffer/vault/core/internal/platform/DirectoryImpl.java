package dev.coffer.vault.core.internal.platform;

import dev.coffer.vault.Directory;
import dev.coffer.vault.Principal;
import dev.coffer.vault.PrincipalType;
import dev.coffer.vault.RequestContext;
import dev.coffer.vault.Scope;
import dev.coffer.vault.audit.AuditCategory;
import dev.coffer.vault.core.internal.directory.DirectoryStore;
import dev.coffer.vault.core.internal.pipeline.Operation;
import dev.coffer.vault.core.internal.pipeline.Requirement;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The public directory: every change runs through the pipeline as the platform principal (Entra
 * ID administration is not Azure RBAC) and is audited in the {@code Administrative} category.
 */
final class DirectoryImpl implements Directory {
    private final Services services;
    private final DirectoryStore store;

    DirectoryImpl(Services services) {
        this.services = services;
        this.store = services.directory();
    }

    private <T> T admin(String operation, String objectId, Supplier<T> body) {
        Scope scope = Scope.ROOT;
        return services.pipeline().run(RequestContext.of(store.system()).withClientInfo("coffer-directory"),
                Operation.<T>named(operation)
                        .category(AuditCategory.ADMINISTRATIVE)
                        .authorize(scope, Requirement.none())
                        .auditResource("/tenants/" + store.tenantId())
                        .requestObject(objectId == null ? null : "/tenants/" + store.tenantId() + "/directoryObjects/" + objectId)
                        .execute(caller -> body.get()));
    }

    @Override
    public String tenantId() {
        return store.tenantId();
    }

    @Override
    public Principal createUser(String userPrincipalName) {
        return admin("DirectoryUserCreate", null, () -> store.createUser(userPrincipalName));
    }

    @Override
    public Principal createGroup(String displayName) {
        return admin("DirectoryGroupCreate", null, () -> store.create(PrincipalType.GROUP, displayName));
    }

    @Override
    public Principal createServicePrincipal(String displayName) {
        return admin("DirectoryServicePrincipalCreate", null, () -> store.create(PrincipalType.SERVICE_PRINCIPAL, displayName));
    }

    @Override
    public Principal createManagedIdentity(String displayName) {
        return admin("DirectoryManagedIdentityCreate", null, () -> store.create(PrincipalType.MANAGED_IDENTITY, displayName));
    }

    private static String id(Principal p, String what) {
        if (p == null) {
            throw new dev.coffer.vault.BadParameterException("BadRequest", null, what + " is required.");
        }
        return p.objectId();
    }

    @Override
    public void addMember(Principal group, Principal member) {
        admin("DirectoryGroupMemberAdd", group == null ? null : group.objectId(), () -> {
            store.addMember(id(group, "group"), id(member, "member"));
            return null;
        });
    }

    @Override
    public void removeMember(Principal group, Principal member) {
        admin("DirectoryGroupMemberRemove", group == null ? null : group.objectId(), () -> {
            store.removeMember(id(group, "group"), id(member, "member"));
            return null;
        });
    }

    @Override
    public Set<String> transitiveGroupIds(Principal principal) {
        return Set.copyOf(store.transitiveGroups(id(principal, "principal")));
    }

    @Override
    public void setEnabled(Principal principal, boolean enabled) {
        admin(enabled ? "DirectoryObjectEnable" : "DirectoryObjectDisable", principal == null ? null : principal.objectId(), () -> {
            store.setEnabled(id(principal, "principal"), enabled);
            return null;
        });
    }

    @Override
    public Optional<Principal> find(String objectId) {
        return store.find(objectId);
    }

    @Override
    public boolean isEnabled(String objectId) {
        return store.isEnabled(objectId);
    }
}
