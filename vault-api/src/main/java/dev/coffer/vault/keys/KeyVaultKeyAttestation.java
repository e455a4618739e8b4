package dev.coffer.vault.keys;

import dev.coffer.vault.spi.KeyAttestationStatement;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The attestation of one version of an HSM-protected key, from {@link KeyClient#getKeyAttestation}: the HSM's
 * signed statement about the key and the certificate chain that vouches for the signer.
 *
 * <p>To rely on it, validate {@link #certificateChain()} up to a root you trust (pinned out of band, for the
 * simulated HSM {@code SimulatedHsm.attestationRoot()}), verify {@link #signature()} over exactly
 * {@link #statement()} with the first certificate's key, then read the statement and compare the public key it
 * names with {@link #keyId()}'s. Holds only public data.
 *
 * @param keyId       the key version's id, {@code https://{vault}.vault.azure.net/keys/{name}/{version}}
 * @param attestation the provider's signed statement
 */
public record KeyVaultKeyAttestation(String keyId, KeyAttestationStatement attestation) {

    /** Checks the fields. */
    public KeyVaultKeyAttestation {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(attestation, "attestation");
    }

    /** @return the statement's format identifier */
    public String format() {
        return attestation.format();
    }

    /** @return a copy of the statement bytes */
    public byte[] statement() {
        return attestation.statement();
    }

    /** @return the statement as text (the simulated HSM's statements are UTF-8 JSON) */
    public String statementText() {
        return attestation.statementText();
    }

    /** @return the JCA name of the signature algorithm */
    public String signatureAlgorithm() {
        return attestation.signatureAlgorithm();
    }

    /** @return a copy of the signature over the statement */
    public byte[] signature() {
        return attestation.signature();
    }

    /** @return the signer's certificate first, the root last */
    public List<X509Certificate> certificateChain() {
        return attestation.certificateChain();
    }
}
