package dev.coffer.vault.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A role assignment declared on a principal ({@link User#roles()}, {@link ServicePrincipal#roles()},
 * {@link Group#roles()}), made by the fixture's owner before the test runs.
 *
 * <pre>{@code
 * @User(value = "rita", roles = @Role(role = "Key Vault Reader", scope = RoleScope.VAULT, vault = "kv-orders"))
 * @ServicePrincipal(value = "ops-bot", roles = @Role(role = "Key Vault Contributor", scope = RoleScope.RESOURCE_GROUP))
 * @User(value = "sam", roles = @Role(role = "Key Vault Secrets User", scope = RoleScope.OBJECT, object = "secrets/db"))
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Role {

    /** @return a built-in role's name (such as {@code Key Vault Reader}, case-insensitive) or id */
    String role();

    /** @return where it is assigned; a vault by default */
    RoleScope scope() default RoleScope.VAULT;

    /**
     * @return the vault, for {@link RoleScope#VAULT} and {@link RoleScope#OBJECT}; empty for the
     * one vault the test declares (an error if it declares none or several)
     */
    String vault() default "";

    /** @return the object, {@code secrets/name}, {@code keys/name} or {@code certificates/name}, for {@link RoleScope#OBJECT} */
    String object() default "";
}
