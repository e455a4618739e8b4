package dev.coffer.vault.core.internal.vaults;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.ConflictException;
import dev.coffer.vault.DeletedVault;
import dev.coffer.vault.ForbiddenException;
import dev.coffer.vault.Location;
import dev.coffer.vault.Page;
import dev.coffer.vault.PagedIterable;
import dev.coffer.vault.RequestContext;
import dev.coffer.vault.ResourceGroup;
import dev.coffer.vault.ResourceNotFoundException;
import dev.coffer.vault.Scope;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.VaultProperties;
import dev.coffer.vault.VaultUpdate;
import dev.coffer.vault.audit.AuditCategory;
import dev.coffer.vault.Principal;
import dev.coffer.vault.authorization.AccessExplanation;
import dev.coffer.vault.authorization.AccessPolicyEntry;
import dev.coffer.vault.authorization.AccessPolicyUpdateKind;
import dev.coffer.vault.authorization.EffectiveAccess;
import dev.coffer.vault.authorization.RoleAssignmentClient;
import dev.coffer.vault.authorization.RoleDefinitionClient;
import dev.coffer.vault.core.internal.authz.RoleAssignmentClientImpl;
import dev.coffer.vault.core.internal.authz.RoleDefinitionClientImpl;
import dev.coffer.vault.core.internal.lifecycle.RetentionPolicy;
import dev.coffer.vault.core.internal.pipeline.Caller;
import dev.coffer.vault.core.internal.pipeline.Operation;
import dev.coffer.vault.core.internal.pipeline.Requirement;
import dev.coffer.vault.core.internal.platform.Services;
import dev.coffer.vault.core.internal.util.Pages;
import dev.coffer.vault.core.internal.util.Tokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The management plane acting as one caller. Each method builds an operation descriptor and hands
 * it to the pipeline; state changes are compare-and-set on the {@link VaultStore}.
 */
public final class VaultManagerImpl implements VaultManager {
    static final String VAULTS_READ = "Microsoft.KeyVault/vaults/read";
    static final String VAULTS_WRITE = "Microsoft.KeyVault/vaults/write";
    static final String VAULTS_DELETE = "Microsoft.KeyVault/vaults/delete";
    static final String DELETED_VAULTS_READ = "Microsoft.KeyVault/deletedVaults/read";
    static final String LOCATION_DELETED_VAULTS_READ = "Microsoft.KeyVault/locations/deletedVaults/read";
    static final String DELETED_VAULTS_PURGE = "Microsoft.KeyVault/locations/deletedVaults/purge/action";
    static final String ROLE_ASSIGNMENTS_WRITE = "Microsoft.Authorization/roleAssignments/write";
    static final String RESOURCE_GROUPS_WRITE = "Microsoft.Resources/subscriptions/resourceGroups/write";
    static final String ACCESS_POLICIES_WRITE = "Microsoft.KeyVault/vaults/accessPolicies/write";
    static final String ROLE_ASSIGNMENTS_READ = "Microsoft.Authorization/roleAssignments/read";

    private static final Pattern RESOURCE_GROUP_NAME = Pattern.compile("^[-\\w._()]{1,90}$");

    private final Services services;
    private final RequestContext context;
    private final VaultLifecycle lifecycle;

    /**
     * @param services the platform
     * @param context  the caller and request metadata
     */
    public VaultManagerImpl(Services services, RequestContext context) {
        this.services = services;
        this.context = context;
        this.lifecycle = new VaultLifecycle(services);
    }

    @Override
    public RequestContext context() {
        return context;
    }

    private <T> T run(Operation<T> op) {
        return services.pipeline().run(context, op);
    }

    private Instant now() {
        return services.clock().instant();
    }

    @Override
    public ResourceGroup createResourceGroup(String subscriptionId, String name, String location) {
        Scope scope = Scope.resourceGroup(String.valueOf(subscriptionId), String.valueOf(name));
        return run(Operation.<ResourceGroup>named("ResourceGroupWrite")
                .category(AuditCategory.ADMINISTRATIVE)
                .authorize(scope, Requirement.action(RESOURCE_GROUPS_WRITE))
                .validate(() -> {
                    if (name == null || !RESOURCE_GROUP_NAME.matcher(name).matches() || name.endsWith(".")) {
                        throw new BadParameterException("InvalidResourceGroup", null, "Resource group name '" + name
                                + "' is invalid: use 1-90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period.");
                    }
                    Location.of(location);
                })
                .execute(caller -> {
                    services.subscriptions().require(subscriptionId);
                    ResourceGroup wanted = new ResourceGroup(subscriptionId, name, Location.of(location));
                    ResourceGroup held = services.subscriptions().putIfAbsent(wanted);
                    if (!held.location().equals(wanted.location())) {
                        throw new ConflictException("InvalidResourceGroupLocation", null, "Invalid resource group location '"
                                + location + "'. The Resource group already exists in location '" + held.location().name() + "'.");
                    }
                    return held;
                }));
    }

    /** An audited refusal of a call whose argument is missing altogether. */
    private <T> T missing(String opName, String what) {
        return run(Operation.<T>named(opName)
                .authorize(Scope.ROOT, Requirement.none())
                .validate(() -> {
                    throw new BadParameterException("BadRequest", null, what + " is required.");
                })
                .execute(c -> null));
    }

    @Override
    public Vault createVault(VaultOptions options) {
        if (options == null) {
            return missing("VaultPut", "VaultOptions");
        }
        // Copy every option now: a caller changing the builder afterwards changes nothing.
        String name = options.name();
        String sub = options.subscriptionId();
        String rg = options.resourceGroup();
        String location = options.location();
        int retention = options.softDeleteRetentionDays();
        boolean purgeProtection = options.purgeProtection();
        Map<String, String> tags = options.tags();
        var sku = options.sku();
        var model = options.permissionModel();
        var acls = options.networkAcls();
        var publicAccess = options.publicNetworkAccess();
        boolean forDeployment = options.enabledForDeployment();
        boolean forDisk = options.enabledForDiskEncryption();
        boolean forTemplate = options.enabledForTemplateDeployment();
        List<AccessPolicyEntry> policies = options.accessPolicies();

        Scope scope = sub != null && rg != null && name != null ? Scope.vault(sub, rg, name) : Scope.ROOT;
        return run(Operation.<Vault>named("VaultPut")
                .authorize(scope, Requirement.action(VAULTS_WRITE))
                .requestObject(name == null ? null : vaultUri(name))
                .validate(() -> {
                    VaultNames.validate(name);
                    if (sub == null || rg == null) {
                        throw new BadParameterException("MissingResourceGroup", null,
                                "A vault needs a subscription and resource group: call VaultOptions.resourceGroup(...).");
                    }
                    new RetentionPolicy(retention, purgeProtection);
                    Tags.validate(tags);
                    if (location != null) {
                        Location.of(location);
                    }
                    List<AccessPolicyRecord> records = policies.stream()
                            .map(p -> AccessPolicyRules.toRecord(p, services.directory().tenantId())).toList();
                    AccessPolicyRules.apply(List.of(), AccessPolicyUpdateKind.ADD, records);
                })
                .execute(caller -> {
                    ResourceGroup group = services.subscriptions().requireGroup(sub, rg);
                    Location where = location != null ? Location.of(location) : group.location();
                    Instant now = now();
                    VaultProperties props = new VaultProperties(Scope.vault(sub, group.name(), name), name, vaultUri(name),
                            services.directory().tenantId(), where, sku, retention, purgeProtection, model, tags, acls,
                            publicAccess, forDeployment, forDisk, forTemplate, now, now);
                    List<AccessPolicyRecord> records = AccessPolicyRules.apply(List.of(), AccessPolicyUpdateKind.ADD,
                            policies.stream().map(p -> AccessPolicyRules.toRecord(p, services.directory().tenantId())).toList());
                    VaultEntry entry = new VaultEntry(0, false, props, records, null, null, new VaultContents());
                    while (true) {
                        VaultEntry held = services.vaults().putIfAbsent(entry);
                        if (held == null) {
                            return new VaultHandleFactory(services).handle(props);
                        }
                        if (held.expired(now)) {
                            // Its retention passed but no sweep ran yet: purge it (audited) and retry.
                            lifecycle.purgeExpired(held);
                            continue;
                        }
                        throw new ConflictException("VaultAlreadyExists", null, "The vault name '" + name
                                + "' is already in use. Vault names are globally unique"
                                + (held.deleted() ? "; a vault of that name was deleted and is in a recoverable state: "
                                + "recover it, or purge it before reusing the name." : "."));
                    }
                }));
    }

    static String vaultUri(String name) {
        return "https://" + name.toLowerCase(java.util.Locale.ROOT) + ".vault.azure.net/";
    }

    private Optional<VaultEntry> active(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return services.vaults().get(name).filter(e -> !e.deleted());
    }

    private Optional<VaultEntry> deleted(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Instant now = now();
        return services.vaults().get(name).filter(e -> e.deleted() && !e.expired(now));
    }

    private static ResourceNotFoundException vaultNotFound(String name) {
        return new ResourceNotFoundException("ResourceNotFound", null,
                "The Resource 'Microsoft.KeyVault/vaults/" + name + "' was not found.");
    }

    private static ResourceNotFoundException deletedVaultNotFound(String name) {
        return new ResourceNotFoundException("ResourceNotFound", null,
                "The Resource 'Microsoft.KeyVault/deletedVaults/" + name + "' was not found.");
    }

    /**
     * Builds an operation on a named vault. When the name is unknown the operation still runs
     * (and is audited), failing with {@code notFound} instead of an authorization error.
     */
    private <T> Operation<T> onVault(String opName, Optional<VaultEntry> found, Function<VaultEntry, Scope> scopeOf,
                                     Requirement requirement, Function<VaultEntry, ResourceNotFoundException> notFound,
                                     Function<Caller, T> body, String name) {
        return onVault(opName, AuditCategory.AUDIT_EVENT, found, scopeOf, requirement, notFound, body, name);
    }

    private <T> Operation<T> onVault(String opName, AuditCategory category, Optional<VaultEntry> found,
                                     Function<VaultEntry, Scope> scopeOf, Requirement requirement,
                                     Function<VaultEntry, ResourceNotFoundException> notFound,
                                     Function<Caller, T> body, String name) {
        if (found.isEmpty()) {
            return Operation.<T>named(opName)
                    .category(category)
                    .authorize(Scope.ROOT, Requirement.none())
                    .auditResource("/providers/Microsoft.KeyVault/vaults/" + name)
                    .execute(c -> {
                        throw notFound.apply(null);
                    });
        }
        VaultEntry e = found.get();
        Scope authorizedId = e.properties().id();
        return Operation.<T>named(opName)
                .category(category)
                .authorize(scopeOf.apply(e), requirement)
                .auditResource(authorizedId.toString())
                .requestObject(e.properties().vaultUri())
                .execute(caller -> {
                    // The caller was authorized for this vault: if the name now belongs to another one (purged and
                    // created again elsewhere meanwhile), that one is not what was authorized.
                    VaultEntry now = services.vaults().get(name).orElse(null);
                    if (now == null || !now.properties().id().equals(authorizedId)) {
                        throw notFound.apply(null);
                    }
                    return body.apply(caller);
                });
    }

    @Override
    public Vault getVault(String name) {
        Optional<VaultEntry> found = active(name);
        return run(onVault("VaultGet", found, e -> e.properties().id(), Requirement.action(VAULTS_READ),
                e -> vaultNotFound(name),
                caller -> new VaultHandleFactory(services).handle(active(name).orElseThrow(() -> vaultNotFound(name)).properties()),
                name));
    }

    @Override
    public PagedIterable<VaultProperties> listVaults(String subscriptionId) {
        return listVaults(Scope.subscription(String.valueOf(subscriptionId)), subscriptionId, e -> true);
    }

    @Override
    public PagedIterable<VaultProperties> listVaults(String subscriptionId, String resourceGroup) {
        return listVaults(Scope.resourceGroup(String.valueOf(subscriptionId), String.valueOf(resourceGroup)), subscriptionId,
                e -> e.properties().resourceGroup().equalsIgnoreCase(resourceGroup));
    }

    private PagedIterable<VaultProperties> listVaults(Scope scope, String subscriptionId, Predicate<VaultEntry> filter) {
        String listing = "vaults:" + scope.normalized();
        return new PagedIterable<>((token, size) -> run(Operation.<Page<VaultProperties>>named("VaultList")
                .authorize(scope, Requirement.none())
                .validate(() -> Tokens.decode(listing, token))
                .execute(caller -> {
                    services.subscriptions().require(subscriptionId);
                    // ARM lists what the caller may read; vaults it may not read are left out, not refused.
                    return page(Tokens.decode(listing, token), size, listing,
                            e -> !e.deleted() && e.properties().subscriptionId().equalsIgnoreCase(subscriptionId)
                                    && filter.test(e) && services.engine().decideAction(caller.objectId(),
                                    e.properties().id(), VAULTS_READ, null, false).allowed(),
                            VaultEntry::properties);
                })));
    }

    private <T> Page<T> page(String afterKey, int size, String listing, Predicate<VaultEntry> include,
                             Function<VaultEntry, T> map) {
        return Pages.page(services.vaults().after(afterKey).entrySet(), size, listing, include, map);
    }

    @Override
    public VaultProperties updateVault(String name, VaultUpdate update) {
        if (update == null) {
            return missing("VaultPatch", "VaultUpdate");
        }
        // Copy the update now, as for create.
        var tags = update.tags();
        boolean mergeTags = update.mergesTags();
        var sku = update.sku();
        var purgeProtection = update.purgeProtection();
        var retention = update.softDeleteRetentionDays();
        var model = update.permissionModel();
        var acls = update.networkAcls();
        var publicAccess = update.publicNetworkAccess();
        var forDeployment = update.enabledForDeployment();
        var forDisk = update.enabledForDiskEncryption();
        var forTemplate = update.enabledForTemplateDeployment();

        Optional<VaultEntry> found = active(name);
        boolean switchesModel = found.isPresent() && model.isPresent() && model.get() != found.get().properties().permissionModel();
        Requirement requirement = switchesModel
                ? Requirement.allOf(Requirement.action(VAULTS_WRITE),
                new Requirement.Action(ROLE_ASSIGNMENTS_WRITE, null, true))
                : Requirement.action(VAULTS_WRITE);
        Operation<VaultProperties> op = onVault("VaultPatch", found, e -> e.properties().id(), requirement,
                e -> vaultNotFound(name), caller -> {
                    while (true) {
                        VaultEntry current = active(name).orElseThrow(() -> vaultNotFound(name));
                        VaultProperties p = current.properties();
                        if (purgeProtection.isPresent() && !purgeProtection.get() && p.purgeProtectionEnabled()) {
                            throw new BadParameterException("BadRequest", null, "The property \"enablePurgeProtection\" cannot be set "
                                    + "to false. Enabling purge protection for a vault is an irreversible action.");
                        }
                        if (retention.isPresent() && retention.get() != p.softDeleteRetentionInDays()) {
                            throw new BadParameterException("BadRequest", null, "softDeleteRetentionInDays cannot be changed once "
                                    + "the vault exists (it is " + p.softDeleteRetentionInDays() + ").");
                        }
                        if (model.isPresent() && model.get() != p.permissionModel() && !switchesModel) {
                            // The model changed between the authorization and now: re-run with the right requirement.
                            throw new ConflictException("Conflict", null,
                                    "The vault's permission model changed concurrently; retry the update.");
                        }
                        Map<String, String> nextTags = p.tags();
                        if (tags.isPresent()) {
                            Map<String, String> t = mergeTags ? new HashMap<>(p.tags()) : new HashMap<>();
                            t.putAll(tags.get());
                            Tags.validate(t);
                            nextTags = t;
                        }
                        VaultProperties next = new VaultProperties(p.id(), p.name(), p.vaultUri(), p.tenantId(), p.location(),
                                sku.orElse(p.sku()), p.softDeleteRetentionInDays(),
                                p.purgeProtectionEnabled() || purgeProtection.orElse(false),
                                model.orElse(p.permissionModel()), nextTags, acls.orElse(p.networkAcls()),
                                publicAccess.orElse(p.publicNetworkAccess()),
                                forDeployment.orElse(p.enabledForDeployment()), forDisk.orElse(p.enabledForDiskEncryption()),
                                forTemplate.orElse(p.enabledForTemplateDeployment()), p.createdOn(), now());
                        if (services.vaults().replace(current, current.withProperties(next))) {
                            if (next.permissionModel() != p.permissionModel()) {
                                services.generation().bump();
                            }
                            return next;
                        }
                    }
                }, name);
        return run(op);
    }

    @Override
    public DeletedVault deleteVault(String name) {
        Optional<VaultEntry> found = active(name);
        return run(onVault("VaultDelete", found, e -> e.properties().id(), Requirement.action(VAULTS_DELETE),
                e -> vaultNotFound(name), caller -> {
                    while (true) {
                        VaultEntry current = active(name).orElseThrow(() -> vaultNotFound(name));
                        VaultEntry gone = current.softDeleted(now());
                        if (services.vaults().replace(current, gone)) {
                            // Azure removes the vault's role assignments; recovery does not bring them back.
                            services.engine().removeAssignmentsWithin(current.properties().id());
                            services.generation().bump();
                            return gone.toDeletedVault();
                        }
                    }
                }, name));
    }

    @Override
    public PagedIterable<DeletedVault> listDeletedVaults(String subscriptionId) {
        Scope scope = Scope.subscription(String.valueOf(subscriptionId));
        String listing = "deletedVaults:" + scope.normalized();
        return new PagedIterable<>((token, size) -> run(Operation.<Page<DeletedVault>>named("VaultListDeleted")
                .authorize(scope, Requirement.action(DELETED_VAULTS_READ))
                .validate(() -> Tokens.decode(listing, token))
                .execute(caller -> {
                    services.subscriptions().require(subscriptionId);
                    Instant now = now();
                    return page(Tokens.decode(listing, token), size, listing,
                            e -> e.deleted() && !e.expired(now) && e.properties().subscriptionId().equalsIgnoreCase(subscriptionId),
                            VaultEntry::toDeletedVault);
                })));
    }

    @Override
    public DeletedVault getDeletedVault(String name) {
        Optional<VaultEntry> found = deleted(name);
        return run(onVault("VaultGetDeleted", found, VaultEntry::deletedScope, Requirement.action(LOCATION_DELETED_VAULTS_READ),
                e -> deletedVaultNotFound(name),
                caller -> deleted(name).orElseThrow(() -> deletedVaultNotFound(name)).toDeletedVault(), name));
    }

    @Override
    public Vault recoverDeletedVault(String name) {
        Optional<VaultEntry> found = deleted(name);
        return run(onVault("VaultRecover", found, e -> e.properties().id(), Requirement.action(VAULTS_WRITE),
                e -> deletedVaultNotFound(name), caller -> {
                    VaultEntry current = deleted(name).orElseThrow(() -> deletedVaultNotFound(name));
                    services.subscriptions().requireGroup(current.properties().subscriptionId(), current.properties().resourceGroup());
                    VaultEntry back = current.recovered();
                    if (!services.vaults().replace(current, back)) {
                        throw new ConflictException("Conflict", null, "There was a conflict while recovering the deleted vault '"
                                + name + "': another operation changed it at the same time. Retry.");
                    }
                    return new VaultHandleFactory(services).handle(back.properties());
                }, name));
    }

    @Override
    public void purgeDeletedVault(String name) {
        Optional<VaultEntry> found = deleted(name);
        run(onVault("VaultPurge", found, VaultEntry::deletedScope, Requirement.action(DELETED_VAULTS_PURGE),
                e -> deletedVaultNotFound(name), caller -> {
                    VaultEntry current = deleted(name).orElseThrow(() -> deletedVaultNotFound(name));
                    if (!current.retention().purgeAllowed(now(), current.scheduledPurgeDate())) {
                        throw new ForbiddenException("Forbidden", "PurgeProtectionEnabled", "Operation 'DeletedVaultPurge' is not "
                                + "allowed: purge protection is enabled for vault '" + name + "'. It will be purged automatically on "
                                + current.scheduledPurgeDate() + ".");
                    }
                    if (!lifecycle.remove(current)) {
                        throw deletedVaultNotFound(name);
                    }
                    return null;
                }, name));
    }

    @Override
    public RoleAssignmentClient roleAssignments() {
        return new RoleAssignmentClientImpl(services, context);
    }

    @Override
    public RoleDefinitionClient roleDefinitions() {
        return new RoleDefinitionClientImpl(services, context);
    }

    @Override
    public List<AccessPolicyEntry> getAccessPolicies(String vaultName) {
        Optional<VaultEntry> found = active(vaultName);
        return run(onVault("AccessPolicyList", AuditCategory.ADMINISTRATIVE, found, e -> e.properties().id(),
                Requirement.action(VAULTS_READ), e -> vaultNotFound(vaultName),
                caller -> AccessExplainer.entries(active(vaultName).orElseThrow(() -> vaultNotFound(vaultName))), vaultName));
    }

    @Override
    public List<AccessPolicyEntry> updateAccessPolicies(String vaultName, AccessPolicyUpdateKind kind,
                                                        List<AccessPolicyEntry> entries) {
        List<AccessPolicyEntry> given = entries == null ? null : List.copyOf(entries);
        String opName = kind == null ? "AccessPolicyUpdate" : switch (kind) {
            case ADD -> "AccessPolicyAdd";
            case REPLACE -> "AccessPolicyReplace";
            case REMOVE -> "AccessPolicyRemove";
        };
        Optional<VaultEntry> found = active(vaultName);
        Operation<List<AccessPolicyEntry>> op = onVault(opName, AuditCategory.ADMINISTRATIVE, found,
                e -> e.properties().id(), Requirement.action(ACCESS_POLICIES_WRITE), e -> vaultNotFound(vaultName), caller -> {
                    if (kind == null || given == null || given.isEmpty()) {
                        throw new BadParameterException("BadRequest", null,
                                "An access policy update needs an operation kind and at least one entry.");
                    }
                    List<AccessPolicyRecord> changes = given.stream()
                            .map(p -> AccessPolicyRules.toRecord(p, services.directory().tenantId())).toList();
                    while (true) {
                        VaultEntry current = active(vaultName).orElseThrow(() -> vaultNotFound(vaultName));
                        List<AccessPolicyRecord> next = AccessPolicyRules.apply(current.accessPolicies(), kind, changes);
                        VaultEntry updated = current.withAccessPolicies(next);
                        if (services.vaults().replace(current, updated)) {
                            services.generation().bump();
                            return AccessExplainer.entries(updated);
                        }
                    }
                }, vaultName);
        return run(op);
    }

    @Override
    public AccessExplanation explain(Principal principal, Scope scope, String action) {
        return explain(principal == null ? null : RequestContext.of(principal), scope, action);
    }

    @Override
    public AccessExplanation explain(RequestContext subject, Scope scope, String action) {
        Scope at = scope == null ? Scope.ROOT : scope;
        return run(Operation.<AccessExplanation>named("AccessExplain")
                .category(AuditCategory.ADMINISTRATIVE)
                .authorize(at, Requirement.action(ROLE_ASSIGNMENTS_READ))
                .validate(() -> {
                    if (subject == null || scope == null || action == null || action.isBlank()) {
                        throw new BadParameterException("BadRequest", null, "explain needs a principal, a scope and an action.");
                    }
                })
                .execute(caller -> new AccessExplainer(services).explain(subject, at, action)));
    }

    @Override
    public EffectiveAccess effectiveAccess(Principal principal, String vaultName) {
        Optional<VaultEntry> found = active(vaultName);
        return run(onVault("EffectiveAccessGet", AuditCategory.ADMINISTRATIVE, found, e -> e.properties().id(),
                Requirement.action(ROLE_ASSIGNMENTS_READ), e -> vaultNotFound(vaultName), caller -> {
                    if (principal == null) {
                        throw new BadParameterException("BadRequest", null, "effectiveAccess needs a principal.");
                    }
                    Principal p = services.directory().require(principal.objectId());
                    return new AccessExplainer(services).effective(p,
                            active(vaultName).orElseThrow(() -> vaultNotFound(vaultName)));
                }, vaultName));
    }
}
