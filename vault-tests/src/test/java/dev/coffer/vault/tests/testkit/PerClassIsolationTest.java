package dev.coffer.vault.tests.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.testkit.CofferFixture;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Isolation;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Isolation.PER_CLASS: one platform for the class; declarations by the same name are shared. */
@CofferTest(isolation = Isolation.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerClassIsolationTest {
    private static final AtomicReference<CofferPlatform> FROM_BEFORE_ALL = new AtomicReference<>();

    @TestVault(name = "kv-shared")
    Vault sharedField;

    @BeforeAll
    static void platformIsAvailableBeforeAll(CofferPlatform platform, CofferFixture fx) {
        FROM_BEFORE_ALL.set(platform);
        fx.user("carol");
    }

    @Test
    @Order(1)
    void firstSeesTheSharedPlatform(CofferPlatform platform, @User("alice") Principal alice, CofferFixture fx) {
        assertThat(platform).isSameAs(FROM_BEFORE_ALL.get());
        assertThat(sharedField.name()).isEqualTo("kv-shared");
        assertThat(fx.findPrincipal("carol")).isPresent();
    }

    @Test
    @Order(2)
    void secondGetsTheSameAliceAndVault(CofferPlatform platform, @User("alice") Principal alice,
                                        @TestVault(name = "kv-shared") Vault vault, CofferFixture fx) {
        assertThat(platform).isSameAs(FROM_BEFORE_ALL.get());
        assertThat(alice).isEqualTo(fx.principal("alice"));
        assertThat(fx.vaultNames()).containsExactly("kv-shared");
    }
}
