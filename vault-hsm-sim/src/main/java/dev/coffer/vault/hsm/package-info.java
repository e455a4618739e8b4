/**
 * A simulated hardware security module behind Coffer's CryptoProvider SPI.
 *
 * <p>{@link dev.coffer.vault.hsm.SimulatedHsm} is the device: initialized with a
 * {@link dev.coffer.vault.hsm.SecurityDomain} and a PIN, activated by logging in, and divided into
 * partitions, each served by its own {@link dev.coffer.vault.spi.CryptoProvider} at protection level HSM.
 * Keys are sensitive and never extractable; a backup is wrapped under the security domain's key-exchange
 * key; {@link dev.coffer.vault.hsm.KeyAttestation}s are signed by a device key that chains to a simulated
 * root CA. Fault switches (off line, tamper), a {@link dev.coffer.vault.hsm.LatencyModel}, capacity limits,
 * a FIPS-like mode, {@link dev.coffer.vault.hsm.OperationCounters} and
 * {@link dev.coffer.vault.hsm.ThrottleWeight}s let tests exercise what code above an HSM must handle.
 *
 * <p>It is a simulator: keys live in JVM memory and say so ({@code hsmPlatform} {@code "coffer-sim"}).
 * See docs/HSM.md.
 */
package dev.coffer.vault.hsm;
