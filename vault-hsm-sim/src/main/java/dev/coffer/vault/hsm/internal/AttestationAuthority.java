package dev.coffer.vault.hsm.internal;

import dev.coffer.vault.hsm.KeyAttestation;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The device's attestation identity: a simulated root CA (EC P-256, self-signed) and an attestation key
 * (EC P-256) certified by it. Made once per device, at the first attestation, and discarded by a tamper.
 * Both names say SIMULATED, so no chain of this authority is ever mistaken for a vendor's.
 */
final class AttestationAuthority {

    private final KeyPair attestationKey;
    private final List<X509Certificate> chain;
    private final SecureRandom random;

    private AttestationAuthority(KeyPair attestationKey, List<X509Certificate> chain, SecureRandom random) {
        this.attestationKey = attestationKey;
        this.chain = chain;
        this.random = random;
    }

    static AttestationAuthority create(String deviceId, SecureRandom random, Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", JcaKeys.BC);
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair root = generator.generateKeyPair();
            KeyPair attestation = generator.generateKeyPair();
            Instant now = clock.instant();
            Date notBefore = Date.from(now.minus(Duration.ofDays(1)));
            Date notAfter = Date.from(now.plus(Duration.ofDays(3650)));
            X500Name rootName = new X500Name("CN=Coffer SIMULATED HSM Root CA " + deviceId + ",O=Coffer simulator - "
                    + "not for production");
            X500Name leafName = new X500Name("CN=Coffer SIMULATED HSM Attestation Key " + deviceId
                    + ",O=Coffer simulator - not for production");
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder rootBuilder = new JcaX509v3CertificateBuilder(rootName, serial(random),
                    notBefore, notAfter, rootName, root.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(1))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(root.getPublic()));
            X509Certificate rootCert = certificate(rootBuilder, root);
            X509v3CertificateBuilder leafBuilder = new JcaX509v3CertificateBuilder(rootCert, serial(random),
                    notBefore, notAfter, leafName, attestation.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(rootCert))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(attestation.getPublic()));
            X509Certificate leafCert = certificate(leafBuilder, root);
            return new AttestationAuthority(attestation, List.of(leafCert, rootCert), random);
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw CryptoEngine.internal("make its attestation authority", e);
        }
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).add(BigInteger.ONE);
    }

    private static X509Certificate certificate(X509v3CertificateBuilder builder, KeyPair issuer)
            throws OperatorCreationException, GeneralSecurityException {
        ContentSigner signer = new JcaContentSignerBuilder(KeyAttestation.SIGNATURE_ALGORITHM)
                .setProvider(JcaKeys.BC).build(issuer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    X509Certificate root() {
        return chain.get(chain.size() - 1);
    }

    KeyAttestation sign(String statementJson) {
        byte[] statement = statementJson.getBytes(StandardCharsets.UTF_8);
        try {
            Signature signer = Signature.getInstance(KeyAttestation.SIGNATURE_ALGORITHM, JcaKeys.BC);
            signer.initSign(attestationKey.getPrivate(), random);
            signer.update(statement);
            return new KeyAttestation(statement, KeyAttestation.SIGNATURE_ALGORITHM, signer.sign(), chain);
        } catch (GeneralSecurityException e) {
            throw CryptoEngine.internal("sign an attestation", e);
        }
    }
}
