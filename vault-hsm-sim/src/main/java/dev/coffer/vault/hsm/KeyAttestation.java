package dev.coffer.vault.hsm;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A signed statement by the simulated HSM about one of its keys: where the key came from (generated inside
 * or imported), that it cannot be exported, its attributes and its public key.
 *
 * <p>The {@link #statement()} is UTF-8 JSON (format {@value #FORMAT}); {@link #signature()} is a DER ECDSA
 * signature ({@value #SIGNATURE_ALGORITHM}) over exactly those bytes by the device's attestation key, whose
 * certificate is the first of {@link #certificateChain()}; the last is the device's simulated root CA.
 * A verifier checks the chain up to a root it trusts (see {@code SimulatedHsm.attestationRoot()}), then the
 * signature with the first certificate's public key, then reads the statement. docs/HSM.md shows the code.
 *
 * <p>Holds only public data. Immutable: arrays are copied in and out.
 *
 * @param statement          the JSON statement bytes
 * @param signatureAlgorithm the JCA name of the signature algorithm, {@value #SIGNATURE_ALGORITHM}
 * @param signature          the DER signature over the statement
 * @param certificateChain   the attestation certificate first, the root CA last
 */
public record KeyAttestation(byte[] statement, String signatureAlgorithm, byte[] signature,
                             List<X509Certificate> certificateChain) {

    /** The statement format identifier, also the value of its {@code "format"} member. */
    public static final String FORMAT = "coffer-hsm-sim-attestation/v1";

    /** The signature algorithm the device uses. */
    public static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    /** Checks and copies the fields. */
    public KeyAttestation {
        statement = Objects.requireNonNull(statement, "statement").clone();
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        signature = Objects.requireNonNull(signature, "signature").clone();
        certificateChain = List.copyOf(certificateChain);
        if (certificateChain.size() < 2) {
            throw new IllegalArgumentException("the chain needs the attestation certificate and the root");
        }
    }

    /** @return a copy of the statement bytes */
    @Override
    public byte[] statement() {
        return statement.clone();
    }

    /** @return a copy of the signature */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** @return the statement as text */
    public String statementJson() {
        return new String(statement, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyAttestation that && Arrays.equals(statement, that.statement)
                && signatureAlgorithm.equals(that.signatureAlgorithm) && Arrays.equals(signature, that.signature)
                && certificateChain.equals(that.certificateChain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(statement), signatureAlgorithm, Arrays.hashCode(signature),
                certificateChain);
    }

    @Override
    public String toString() {
        return "KeyAttestation[" + statementJson() + ", " + signatureAlgorithm + ", chain of "
                + certificateChain.size() + "]";
    }
}
