/**
 * Coffer's testkit: a JUnit 5 extension that gives each test a fresh platform, a movable clock,
 * principals with roles and vaults, and AssertJ assertions for Coffer's results. Only the public
 * API of vault-core is used. JUnit and AssertJ are required transitively because the testkit's own
 * API (annotations meta-annotated with {@code @ExtendWith}, assertion classes extending AssertJ's)
 * exposes their types; vault-hsm-sim likewise, because the fixture hands out its {@code SimulatedHsm}.
 */
module dev.coffer.vault.testkit {
    requires transitive dev.coffer.vault.api;
    requires dev.coffer.vault.core;
    requires transitive dev.coffer.vault.hsm;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires org.bouncycastle.provider;

    exports dev.coffer.vault.testkit;
}
