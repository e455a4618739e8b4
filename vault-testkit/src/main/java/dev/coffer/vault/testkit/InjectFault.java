package dev.coffer.vault.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the next calls of an operation fail, declared on a test method: the declarative form of
 * {@code FaultInjector.failNext}. Repeatable. The faulted calls are audited with the error the
 * caller saw.
 *
 * <pre>{@code
 * @Test
 * @InjectFault(operation = "SecretGet", times = 2)             // 503 twice, then normal service
 * void retriesUntilTheVaultAnswers(@TestVault Vault vault, ...) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(InjectFaults.class)
public @interface InjectFault {
    /** @return the audit operation name, such as {@code SecretGet}, or {@code *} */
    String operation();

    /** @return how many calls fail */
    int times() default 1;

    /** @return only calls on this object name fail; empty for any */
    String object() default "";

    /** @return the status of the error: 503 (default), 500 or 429 */
    int status() default 503;
}
