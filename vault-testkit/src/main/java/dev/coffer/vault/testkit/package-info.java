/**
 * Testing with Coffer.
 *
 * <ul>
 *   <li>{@link dev.coffer.vault.testkit.CofferTest @CofferTest} turns on the
 *       {@link dev.coffer.vault.testkit.CofferExtension extension}: each test (or each class, on request) gets a
 *       fresh platform with an owner, a subscription and a resource group, and can declare vaults
 *       ({@link dev.coffer.vault.testkit.TestVault @TestVault}), principals
 *       ({@link dev.coffer.vault.testkit.User @User}, {@link dev.coffer.vault.testkit.ServicePrincipal @ServicePrincipal},
 *       {@link dev.coffer.vault.testkit.Group @Group}), their {@link dev.coffer.vault.testkit.Role roles},
 *       and a management plane acting as one of them ({@link dev.coffer.vault.testkit.As @As}).</li>
 *   <li>{@link dev.coffer.vault.testkit.MovableClock} is the platform's clock; moving it runs the
 *       platform's sweep, so scheduled purges happen as the test moves time.</li>
 *   <li>{@link dev.coffer.vault.testkit.CofferFixture} does the same in code, without annotations.</li>
 *   <li>{@link dev.coffer.vault.testkit.CofferAssertions} holds AssertJ entry points for audit logs,
 *       Coffer's exceptions and vault properties.</li>
 * </ul>
 *
 * <pre>{@code
 * @CofferTest
 * class ReaderTest {
 *     @Test
 *     void readerSeesTheVault(@TestVault(name = "kv-orders") Vault vault,
 *                             @User(value = "rita", roles = @Role(role = "Key Vault Reader")) Principal rita,
 *                             @As("rita") VaultManager asRita, AuditLog audit) {
 *         assertThat(asRita.getVault("kv-orders").name()).isEqualTo("kv-orders");
 *         CofferAssertions.assertThat(audit).hasEventFor("VaultGet", rita, 200);
 *     }
 * }
 * }</pre>
 */
package dev.coffer.vault.testkit;
