/**
 * The compatibility kit for {@link dev.coffer.vault.spi.CryptoProvider} implementations.
 *
 * <p>A provider's test module depends on {@code dev.coffer:vault-tck} in test scope and extends two
 * classes: {@link dev.coffer.vault.tck.CryptoProviderContract}, the behavioural contract (generation,
 * round trips, interop with the plain JCA in both directions, wrapped references across instances,
 * error cases, no key material in {@code toString}), and {@link dev.coffer.vault.tck.WycheproofRunner},
 * which runs the Wycheproof test vectors through the provider. Coffer's own providers pass both; so must a
 * third party's.
 */
package dev.coffer.vault.tck;
