package dev.coffer.vault.authorization;

import dev.coffer.vault.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to create or update a custom role with. A mutable builder, copied on entry.
 *
 * <pre>{@code
 * RoleDefinition backup = mgmt.roleDefinitions().create(CustomRoleOptions.named("Key Backup Operator")
 *         .dataActions("Microsoft.KeyVault/vaults/keys/read", "Microsoft.KeyVault/vaults/keys/backup/action")
 *         .assignableScopes(subscription.scope()));
 * }</pre>
 */
public final class CustomRoleOptions {
    private final String roleName;
    private String description = "";
    private final List<String> actions = new ArrayList<>();
    private final List<String> notActions = new ArrayList<>();
    private final List<String> dataActions = new ArrayList<>();
    private final List<String> notDataActions = new ArrayList<>();
    private final List<Scope> assignableScopes = new ArrayList<>();

    private CustomRoleOptions(String roleName) {
        this.roleName = roleName;
    }

    /**
     * @param roleName a name unique among the platform's roles
     * @return new options
     */
    public static CustomRoleOptions named(String roleName) {
        return new CustomRoleOptions(roleName);
    }

    /**
     * @param text a description
     * @return this
     */
    public CustomRoleOptions description(String text) {
        this.description = Objects.requireNonNull(text);
        return this;
    }

    /**
     * @param patterns management actions granted
     * @return this
     */
    public CustomRoleOptions actions(String... patterns) {
        actions.addAll(List.of(patterns));
        return this;
    }

    /**
     * @param patterns management actions excluded
     * @return this
     */
    public CustomRoleOptions notActions(String... patterns) {
        notActions.addAll(List.of(patterns));
        return this;
    }

    /**
     * @param patterns data actions granted
     * @return this
     */
    public CustomRoleOptions dataActions(String... patterns) {
        dataActions.addAll(List.of(patterns));
        return this;
    }

    /**
     * @param patterns data actions excluded
     * @return this
     */
    public CustomRoleOptions notDataActions(String... patterns) {
        notDataActions.addAll(List.of(patterns));
        return this;
    }

    /**
     * @param scopes subscriptions or resource groups where the role may be assigned (and below)
     * @return this
     */
    public CustomRoleOptions assignableScopes(Scope... scopes) {
        assignableScopes.addAll(List.of(scopes));
        return this;
    }

    /** @return the role name */
    public String roleName() {
        return roleName;
    }

    /** @return the description */
    public String description() {
        return description;
    }

    /** @return the permissions as given */
    public Permission permission() {
        return new Permission(actions, notActions, dataActions, notDataActions);
    }

    /** @return the assignable scopes as given */
    public List<Scope> assignableScopes() {
        return List.copyOf(assignableScopes);
    }
}
