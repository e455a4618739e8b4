package dev.coffer.vault.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class with the {@link CofferExtension}: each test (or the class, see
 * {@link #isolation()}) gets a fresh platform with a {@link MovableClock}, an owner user
 * ({@value CofferFixture#OWNER}), a subscription it owns and the resource group
 * {@value CofferFixture#RESOURCE_GROUP}. Test methods, lifecycle methods and fields then declare
 * what else they need: {@link TestVault @TestVault} vaults, {@link User @User},
 * {@link ServicePrincipal @ServicePrincipal} and {@link Group @Group} principals with their
 * {@link Role roles}, and {@link As @As} management planes. Unannotated parameters of type
 * {@code CofferPlatform}, {@code MovableClock}, {@code CofferFixture}, {@code AuditLog},
 * {@code Subscription}, {@code ResourceGroup} and {@code VaultManager} (acting as the owner) are
 * injected too.
 *
 * <p>Safe under JUnit's parallel execution: all state lives in JUnit's extension store, per test
 * or per class, never in static fields.
 *
 * <pre>{@code
 * @CofferTest
 * class PurgeTest {
 *     @Test
 *     void purgedAfterRetention(@TestVault(retentionDays = 7) Vault vault, VaultManager owner, MovableClock clock) {
 *         owner.deleteVault(vault.name());
 *         clock.advance(Duration.ofDays(7));
 *         CofferAssertions.assertThatCall(() -> owner.getDeletedVault(vault.name())).isNotFound();
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(CofferExtension.class)
public @interface CofferTest {

    /** @return whether each test or the whole class gets a platform; each test by default */
    Isolation isolation() default Isolation.PER_TEST;

    /** @return where the clock starts, as an ISO-8601 instant; empty for {@link MovableClock#DEFAULT_START} */
    String start() default "";

    /** @return the audit log's capacity; 0 for the platform's default */
    int auditCapacity() default 0;

    /** @return whether the platform's audit is fail-closed */
    boolean failClosedAudit() default false;

    /** @return whether Azure's throttling limits apply ({@code ThrottlingPolicy.azure()}) */
    boolean throttling() default false;

    /**
     * @return whether deterministic mode is on: ids, IVs and keys follow from {@link #seed()}
     * (see {@code InsecureDeterminism}); for reproducible test output only
     */
    boolean deterministic() default false;

    /** @return the seed of deterministic mode */
    long seed() default 0;

    /**
     * @return whether software keys are generated when created, instead of drawn from the JVM-wide
     * {@link KeyPool} (the default, except in deterministic mode)
     */
    boolean freshKeys() default false;

    /**
     * @return whether the platform gets a {@code SimulatedHsm} (initialized with a generated security domain and
     * activated, no latency) as its HSM provider, so Premium vaults hold {@code RSA-HSM} and {@code EC-HSM} keys;
     * a {@code SimulatedHsm} parameter then receives the device, to take it off line, tamper with it and
     * {@link CofferFixture#recoverHsm() recover} it
     */
    boolean hsm() default false;
}
