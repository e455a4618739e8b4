package dev.coffer.vault.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a security group with its members and roles, created before the test runs, and injects
 * it as a {@code Principal}. Members are other declared principals, named by their short names;
 * a member may itself be a group (groups nest), and members hold the group's roles.
 *
 * <pre>{@code
 * @Test
 * void membersInherit(@User("alice") Principal alice,
 *                     @Group(value = "ops", members = "alice", roles = @Role(role = "Reader")) Principal ops,
 *                     @As("alice") VaultManager asAlice) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface Group {

    /** @return the short name, also the group's display name */
    String value();

    /** @return short names of declared principals (users, service principals, groups) to add */
    String[] members() default {};

    /** @return roles assigned to the group */
    Role[] roles() default {};
}
