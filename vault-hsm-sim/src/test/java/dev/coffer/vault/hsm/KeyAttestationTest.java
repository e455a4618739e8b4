package dev.coffer.vault.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.keys.JsonWebKey;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.spi.KeyGenerationSpec;
import dev.coffer.vault.spi.KeyReference;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;

/** Attestations verify with the plain JCA and with Bouncy Castle, and state the key's facts. */
class KeyAttestationTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private final SimulatedHsm hsm = TestDevices.active(SimulatedHsm.builder()
            .clock(java.time.Clock.fixed(NOW, ZoneOffset.UTC)), SecurityDomain.generate(new SecureRandom()));

    @Test
    void verifiesWithThePlainJcaCertPathAndSignature() throws Exception {
        KeyReference ref = hsm.provider("kv-att").generateKey(KeyGenerationSpec.ec(KeyType.EC_HSM, KeyCurveName.P_256));
        KeyAttestation attestation = hsm.attest(ref);
        X509Certificate root = hsm.attestationRoot();
        assertThat(attestation.certificateChain()).hasSize(2).last().isEqualTo(root);

        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        CertPath path = factory.generateCertPath(attestation.certificateChain().subList(0, 1));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(NOW));
        CertPathValidator.getInstance("PKIX").validate(path, parameters);

        Signature verifier = Signature.getInstance(attestation.signatureAlgorithm());
        verifier.initVerify(attestation.certificateChain().get(0).getPublicKey());
        verifier.update(attestation.statement());
        assertThat(verifier.verify(attestation.signature())).isTrue();

        byte[] altered = attestation.statementJson().replace("\"generated\"", "\"imported\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        verifier.initVerify(attestation.certificateChain().get(0).getPublicKey());
        verifier.update(altered);
        assertThat(verifier.verify(attestation.signature())).as("an altered statement fails").isFalse();

        X509Certificate otherRoot = TestDevices.active().attestationRoot();
        PKIXParameters foreign = new PKIXParameters(Set.of(new TrustAnchor(otherRoot, null)));
        foreign.setRevocationEnabled(false);
        foreign.setDate(Date.from(NOW));
        assertThatThrownBy(() -> CertPathValidator.getInstance("PKIX").validate(path, foreign))
                .as("another device's root does not anchor this chain").isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void verifiesWithBouncyCastle() throws Exception {
        BouncyCastleProvider bc = new BouncyCastleProvider();
        KeyReference ref = hsm.provider("kv-att").generateKey(KeyGenerationSpec.oct(KeyType.OCT_HSM, 256));
        KeyAttestation attestation = hsm.attest(ref);
        X509CertificateHolder leaf = new JcaX509CertificateHolder(attestation.certificateChain().get(0));
        X509CertificateHolder root = new JcaX509CertificateHolder(attestation.certificateChain().get(1));
        JcaContentVerifierProviderBuilder verifiers = new JcaContentVerifierProviderBuilder().setProvider(bc);
        assertThat(root.isSignatureValid(verifiers.build(root))).isTrue();
        assertThat(leaf.isSignatureValid(verifiers.build(root))).isTrue();
        assertThat(leaf.getIssuer()).isEqualTo(root.getSubject());
        assertThat(leaf.isValidOn(Date.from(NOW))).isTrue();
        assertThat(root.getSubject().toString()).contains("SIMULATED");

        Signature verifier = Signature.getInstance(KeyAttestation.SIGNATURE_ALGORITHM, bc);
        verifier.initVerify(attestation.certificateChain().get(0).getPublicKey());
        verifier.update(attestation.statement());
        assertThat(verifier.verify(attestation.signature())).isTrue();
        assertThat(attestation.statementJson()).contains("\"kty\":\"oct-HSM\"").doesNotContain("\"k\":");
    }

    @Test
    void statesOriginAttributesAndThePublicKey() {
        KeyReference generated = hsm.provider().generateKey(KeyGenerationSpec.ec(KeyType.EC_HSM, KeyCurveName.P_384));
        JsonWebKey publicKey = hsm.provider().publicKey(generated);
        String json = hsm.attest(generated).statementJson();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        assertThat(json).contains("\"format\":\"" + KeyAttestation.FORMAT + "\"", "\"simulated\":true",
                "\"hsmPlatform\":\"coffer-sim\"", "\"origin\":\"generated\"", "\"exportable\":false",
                "\"sensitive\":true", "\"extractable\":false", "\"neverExtractable\":true", "\"local\":true",
                "\"partition\":\"default\"", "\"kty\":\"EC-HSM\"", "\"crv\":\"P-384\"",
                "\"x\":\"" + b64.encodeToString(publicKey.getX()) + "\"",
                "\"y\":\"" + b64.encodeToString(publicKey.getY()) + "\"",
                "\"securityDomain\":\"" + hsm.securityDomainFingerprint() + "\"",
                "\"keyId\":\"" + hsm.attributes(generated).keyId() + "\"",
                "\"issuedAt\":\"2025-03-01T12:00:00Z\"");

        SimulatedHsm loose = TestDevices.active();
        KeyReference imported = loose.provider().importKey(JsonWebKey.builder().keyType(KeyType.OCT_HSM)
                .k(new byte[16]).build());
        assertThat(loose.attest(imported).statementJson()).contains("\"origin\":\"imported\"", "\"local\":false");
        assertThat(loose.counters(imported).count(OperationClass.ATTEST)).isEqualTo(1);
    }

    @Test
    void refusesForeignReferencesAndATamperedDevice() {
        KeyReference ref = hsm.provider().generateKey(KeyGenerationSpec.ec(KeyType.EC_HSM, KeyCurveName.P_256));
        SimulatedHsm stranger = TestDevices.active();
        assertThatThrownBy(() -> stranger.attest(ref)).isInstanceOf(BadParameterException.class);
        X509Certificate before = hsm.attestationRoot();
        hsm.tamper();
        assertThatThrownBy(() -> hsm.attest(ref)).hasMessageContaining("tampered");
        assertThat(before.getSubjectX500Principal().getName()).contains(hsm.deviceId(), "SIMULATED");
    }

    @Test
    void theProvidersSpiAttestationIsTheDevicesForItsOwnPartitionOnly() {
        KeyReference ref = hsm.provider("kv-spi").generateKey(KeyGenerationSpec.ec(KeyType.EC_HSM, KeyCurveName.P_256));
        dev.coffer.vault.spi.KeyAttestationStatement viaSpi = hsm.provider("kv-spi").attest(ref).orElseThrow();
        assertThat(viaSpi.format()).isEqualTo(KeyAttestation.FORMAT);
        assertThat(viaSpi.signatureAlgorithm()).isEqualTo(KeyAttestation.SIGNATURE_ALGORITHM);
        assertThat(viaSpi.statementText()).contains("\"partition\":\"kv-spi\"", "\"simulated\":true");
        assertThat(viaSpi.certificateChain()).last().isEqualTo(hsm.attestationRoot());
        assertThat(hsm.provider("kv-spi").hsmPlatform()).isEqualTo(HsmKeyAttributes.PLATFORM);
        // A provider sees its own partition only, as for every other operation.
        assertThatThrownBy(() -> hsm.provider("kv-other").attest(ref)).isInstanceOf(BadParameterException.class)
                .hasMessageContaining("another partition");
        hsm.takeOffline();
        assertThatThrownBy(() -> hsm.provider("kv-spi").attest(ref))
                .isInstanceOf(dev.coffer.vault.ServiceUnavailableException.class);
        // The label never needs the device.
        assertThat(hsm.provider("kv-spi").hsmPlatform()).isEqualTo("coffer-sim");
        hsm.bringOnline();
    }
}
