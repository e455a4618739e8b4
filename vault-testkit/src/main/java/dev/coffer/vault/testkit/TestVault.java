package dev.coffer.vault.testkit;

import dev.coffer.vault.PermissionModel;
import dev.coffer.vault.SkuName;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a vault, created by the fixture's owner in the fixture's resource group before the test
 * runs, and injects its {@code Vault} handle (or its {@code VaultProperties}). Defaults are Azure's:
 * Standard, 90 days of retention, no purge protection, RBAC.
 *
 * <pre>{@code
 * @Test
 * void premium(@TestVault(name = "kv-hsm", sku = SkuName.PREMIUM, purgeProtection = true) Vault vault) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface TestVault {

    /**
     * @return the vault name; empty for a name unique within the platform, made from the test's
     * name (such as {@code kv-purgesafter-1}). Several declarations of one name (in one test, or in
     * the tests of a class under {@link Isolation#PER_CLASS}) share one vault: the first creates it,
     * and a later one that leaves the settings at their defaults just refers to it, while one that
     * sets a different value is refused.
     */
    String name() default "";

    /** @return the tier */
    SkuName sku() default SkuName.STANDARD;

    /** @return soft-delete retention in days, 7..90 */
    int retentionDays() default 90;

    /** @return whether purge protection is on */
    boolean purgeProtection() default false;

    /** @return how the data plane is authorized */
    PermissionModel permissionModel() default PermissionModel.RBAC;

    /** @return tags, each {@code key=value} */
    String[] tags() default {};
}
