package dev.coffer.vault.spi;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A provider's signed statement about one of its keys, returned by {@link CryptoProvider#attest}: what the
 * statement says is the provider's business (its {@link #format()} names the schema), but a verifier can
 * always check it the same way with the plain JCA: validate {@link #certificateChain()} up to a root it
 * trusts, then verify {@link #signature()} over exactly {@link #statement()} with the first certificate's
 * public key and {@link #signatureAlgorithm()}.
 *
 * <p>Holds only public data. Immutable: arrays are copied in and out.
 *
 * @param format             the statement's format identifier, such as {@code coffer-hsm-sim-attestation/v1}
 * @param statement          the statement bytes (for the simulated HSM, UTF-8 JSON)
 * @param signatureAlgorithm the JCA name of the signature algorithm, such as {@code SHA256withECDSA}
 * @param signature          the signature over the statement bytes
 * @param certificateChain   the signer's certificate first, the root last; at least one certificate
 */
public record KeyAttestationStatement(String format, byte[] statement, String signatureAlgorithm, byte[] signature,
                                      List<X509Certificate> certificateChain) {

    /** Checks and copies the fields. */
    public KeyAttestationStatement {
        Objects.requireNonNull(format, "format");
        statement = Objects.requireNonNull(statement, "statement").clone();
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        signature = Objects.requireNonNull(signature, "signature").clone();
        certificateChain = List.copyOf(certificateChain);
        if (certificateChain.isEmpty()) {
            throw new IllegalArgumentException("an attestation needs at least the signer's certificate");
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

    /** @return the statement decoded as UTF-8, for formats that are text */
    public String statementText() {
        return new String(statement, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyAttestationStatement that && format.equals(that.format)
                && Arrays.equals(statement, that.statement) && signatureAlgorithm.equals(that.signatureAlgorithm)
                && Arrays.equals(signature, that.signature) && certificateChain.equals(that.certificateChain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, Arrays.hashCode(statement), signatureAlgorithm, Arrays.hashCode(signature),
                certificateChain);
    }

    @Override
    public String toString() {
        return "KeyAttestationStatement[" + format + ", " + statement.length + " bytes, " + signatureAlgorithm
                + ", chain of " + certificateChain.size() + "]";
    }
}
