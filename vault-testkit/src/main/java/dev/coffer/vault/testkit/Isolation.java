package dev.coffer.vault.testkit;

/** How long one platform lives under {@link CofferTest}. */
public enum Isolation {
    /** Each test method gets its own platform: nothing one test does is visible to another. The default. */
    PER_TEST,
    /**
     * One platform for the whole test class (created before its first test): faster, and tests may
     * build on each other's state. Declarations are idempotent by name, so two tests declaring
     * {@code @User("alice")} share one alice. A {@code @BeforeAll} method may then take the
     * platform's objects as parameters.
     */
    PER_CLASS
}
