package dev.coffer.vault.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a user-assigned managed identity with a new application id, created before the test runs with the declared role assignments, and injects
 * it as a {@code Principal}. Other declarations and {@link As @As} refer to it by its short name.
 *
 * <pre>{@code
 * @Test
 * void example(@ManagedIdentity("vm-identity") Principal identity) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface ManagedIdentity {

    /** @return the short name, unique among the test's principals */
    String value();

    /** @return roles assigned to it */
    Role[] roles() default {};
}
