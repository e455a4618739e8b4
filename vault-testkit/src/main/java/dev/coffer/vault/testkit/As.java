package dev.coffer.vault.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a {@code VaultManager}, {@code KeyClient}, {@code SecretClient} or {@code CryptographyClient} (of
 * {@link #key()}) acting as a declared principal,
 * named by its short name ({@value CofferFixture#OWNER} for the fixture's owner). An unannotated
 * {@code VaultManager} acts as the owner. A {@code KeyClient} or {@code SecretClient} addresses {@link #vault()},
 * or, when that is empty, the one vault the test declares.
 *
 * <pre>{@code
 * @Test
 * void strangerIsRefused(@TestVault Vault vault, @User("eve") Principal eve, @As("eve") VaultManager asEve) {
 *     CofferAssertions.assertThatCall(() -> asEve.getVault(vault.name())).isAuthorizationFailed();
 * }
 *
 * @Test
 * void officerSigns(@TestVault(sku = SkuName.PREMIUM) Vault vault,
 *                   @User(value = "ops", roles = @Role(role = "Key Vault Crypto Officer")) Principal ops,
 *                   @As("ops") KeyClient keys) {
 *     keys.createKey("signing", KeyType.EC_HSM);
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
     * @return for a {@code KeyClient} or {@code SecretClient}, the name of the vault it addresses; empty for the
     * single vault the test (method and fields) declares
     */
    String vault() default "";

    /** @return for a {@code CryptographyClient}, the name of the key it works with (its latest version) */
    String key() default "";
}
