package dev.coffer.vault.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a {@code VaultManager} (or a {@code SecretClient} of a test vault) acting as a declared principal, named by its short name
 * ({@value CofferFixture#OWNER} for the fixture's owner). An unannotated {@code VaultManager}
 * acts as the owner.
 *
 * <pre>{@code
 * @Test
 * void strangerIsRefused(@TestVault Vault vault, @User("eve") Principal eve, @As("eve") VaultManager asEve) {
 *     CofferAssertions.assertThatCall(() -> asEve.getVault(vault.name())).isAuthorizationFailed();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface As {

    /** @return the short name of the principal to act as */
    String value();

    /**
     * @return for a {@code SecretClient}, the vault it addresses; empty for the one vault the test
     * declares (an error if it declares none or several). Ignored for a {@code VaultManager}.
     */
    String vault() default "";
}
