package dev.coffer.vault.tests.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.CofferException;
import dev.coffer.vault.ForbiddenException;
import dev.coffer.vault.keys.CreateEcKeyOptions;
import dev.coffer.vault.keys.CreateRsaKeyOptions;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyOperation;
import dev.coffer.vault.keys.KeyProperties;
import dev.coffer.vault.keys.KeyVaultKey;
import dev.coffer.vault.keys.cryptography.CryptographyClient;
import dev.coffer.vault.keys.cryptography.EncryptResult;
import dev.coffer.vault.keys.cryptography.EncryptionAlgorithm;
import dev.coffer.vault.keys.cryptography.KeyWrapAlgorithm;
import dev.coffer.vault.keys.cryptography.SignResult;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * CryptographyClient: interop with the plain JCA for every algorithm a vault key can use (both directions),
 * the disabled, validity-window and key_ops rules, and who may call what. One RSA key for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CryptographyClientTest {
    private final KeyVault fx = KeyVault.standard();
    private final KeyClient officer = fx.keys(fx.officer);
    private final KeyVaultKey rsa = officer.createRsaKey(new CreateRsaKeyOptions("rsa"));
    private final CryptographyClient rsaUser = fx.keys(fx.user).getCryptographyClient("rsa");
    private final byte[] data = "the quick brown fox".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static String hashOf(SignatureAlgorithm a) {
        String s = a.toString();
        return s.endsWith("384") ? "SHA-384" : s.endsWith("512") ? "SHA-512" : "SHA-256";
    }

    private static Signature jcaSignature(SignatureAlgorithm a) throws Exception {
        String s = a.toString();
        String bits = s.endsWith("384") ? "384" : s.endsWith("512") ? "512" : "256";
        if (s.startsWith("RS")) {
            return Signature.getInstance("SHA" + bits + "withRSA");
        }
        if (s.startsWith("PS")) {
            Signature sig = Signature.getInstance("RSASSA-PSS");
            String h = "SHA-" + bits;
            sig.setParameter(new PSSParameterSpec(h, "MGF1", new MGF1ParameterSpec(h), Integer.parseInt(bits) / 8, 1));
            return sig;
        }
        // Bouncy Castle's PLAIN-ECDSA takes and gives r||s, Key Vault's form.
        return Signature.getInstance("SHA" + bits + "withPLAIN-ECDSA", JcaInterop.BC);
    }

    private void signInVaultVerifyWithJca(CryptographyClient crypto, KeyVaultKey key, SignatureAlgorithm a)
            throws Exception {
        PublicKey pub = JcaInterop.publicKey(key.getKey());
        SignResult viaDigest = crypto.sign(a, MessageDigest.getInstance(hashOf(a)).digest(data));
        SignResult viaData = crypto.signData(a, data);
        assertThat(viaData.getKeyId()).isEqualTo(key.getId());
        assertThat(viaData.getAlgorithm()).isEqualTo(a);
        for (SignResult r : List.of(viaDigest, viaData)) {
            Signature v = jcaSignature(a);
            v.initVerify(pub);
            v.update(data);
            assertThat(v.verify(r.getSignature())).as(a + " verified by JCA").isTrue();
        }
        // The vault's own verify agrees with JCA, and refuses other data and malformed signatures.
        assertThat(crypto.verifyData(a, data, viaData.getSignature()).isValid()).isTrue();
        assertThat(crypto.verifyData(a, "other".getBytes(), viaData.getSignature()).isValid()).isFalse();
        assertThat(crypto.verify(a, MessageDigest.getInstance(hashOf(a)).digest(data), new byte[3]).isValid()).isFalse();
    }

    @Test
    void rsaSignaturesInteroperateWithJca() throws Exception {
        for (SignatureAlgorithm a : List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384, SignatureAlgorithm.RS512,
                SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512)) {
            signInVaultVerifyWithJca(rsaUser, rsa, a);
        }
        fx.audited("KeySign", fx.user, 200);
        fx.audited("KeyVerify", fx.user, 200);
    }

    @Test
    void ecSignaturesInteroperateWithJcaOnEveryCurve() throws Exception {
        List<SignatureAlgorithm> algs = List.of(SignatureAlgorithm.ES256, SignatureAlgorithm.ES384, SignatureAlgorithm.ES512,
                SignatureAlgorithm.ES256K);
        for (int i = 0; i < algs.size(); i++) {
            KeyCurveName crv = List.of(KeyCurveName.P_256, KeyCurveName.P_384, KeyCurveName.P_521, KeyCurveName.P_256K).get(i);
            String name = "ec-interop-" + i;
            KeyVaultKey key = officer.createEcKey(new CreateEcKeyOptions(name).setCurveName(crv));
            signInVaultVerifyWithJca(fx.keys(fx.user).getCryptographyClient(name), key, algs.get(i));
        }
    }

    @Test
    void jcaSignaturesVerifyInTheVaultWithImportedKeys() throws Exception {
        java.security.KeyPair ec = JcaInterop.ecPair(KeyCurveName.P_384);
        officer.importKey("imported-p384", JcaInterop.privateJwk(ec, KeyCurveName.P_384));
        java.security.KeyPair rsaPair = JcaInterop.rsaPair();
        officer.importKey("imported-rsa", JcaInterop.privateJwk(rsaPair));
        for (Object[] c : List.of(new Object[] {"imported-p384", SignatureAlgorithm.ES384, ec},
                new Object[] {"imported-rsa", SignatureAlgorithm.RS512, rsaPair},
                new Object[] {"imported-rsa", SignatureAlgorithm.PS384, rsaPair})) {
            SignatureAlgorithm a = (SignatureAlgorithm) c[1];
            Signature s = jcaSignature(a);
            s.initSign(((java.security.KeyPair) c[2]).getPrivate());
            s.update(data);
            byte[] sig = s.sign();
            CryptographyClient crypto = fx.keys(fx.user).getCryptographyClient((String) c[0]);
            assertThat(crypto.verifyData(a, data, sig).isValid()).as(a + " JCA signature verified in the vault").isTrue();
            assertThat(crypto.verify(a, MessageDigest.getInstance(hashOf(a)).digest(data), sig).isValid()).isTrue();
        }
    }

    private static Cipher jcaCipher(String alg, int mode, java.security.Key key) throws Exception {
        Cipher c;
        if (alg.equals("RSA1_5")) {
            c = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            c.init(mode, key);
        } else {
            c = Cipher.getInstance("RSA/ECB/OAEPPadding");
            boolean sha256 = alg.equals("RSA-OAEP-256");
            c.init(mode, key, new OAEPParameterSpec(sha256 ? "SHA-256" : "SHA-1", "MGF1",
                    sha256 ? MGF1ParameterSpec.SHA256 : MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT));
        }
        return c;
    }

    @Test
    void rsaEncryptionAndWrappingInteroperateWithJca() throws Exception {
        PublicKey pub = JcaInterop.publicKey(rsa.getKey());
        byte[] cek = new byte[32];
        cek[0] = 7;
        for (String alg : List.of("RSA1_5", "RSA-OAEP", "RSA-OAEP-256")) {
            // JCA encrypts with the public JWK, the vault decrypts.
            byte[] ct = jcaCipher(alg, Cipher.ENCRYPT_MODE, pub).doFinal(data);
            assertThat(rsaUser.decrypt(EncryptionAlgorithm.fromString(alg), ct).getPlainText()).isEqualTo(data);
            byte[] wrapped = jcaCipher(alg, Cipher.ENCRYPT_MODE, pub).doFinal(cek);
            assertThat(rsaUser.unwrapKey(KeyWrapAlgorithm.fromString(alg), wrapped).getKey()).isEqualTo(cek);
            // The vault encrypts; its own decrypt is the only holder of the private key.
            EncryptResult enc = rsaUser.encrypt(EncryptionAlgorithm.fromString(alg), data);
            assertThat(enc.getKeyId()).isEqualTo(rsa.getId());
            assertThat(rsaUser.decrypt(EncryptionAlgorithm.fromString(alg), enc.getCipherText()).getPlainText())
                    .isEqualTo(data);
            byte[] vaultWrapped = rsaUser.wrapKey(KeyWrapAlgorithm.fromString(alg), cek).getEncryptedKey();
            assertThat(rsaUser.unwrapKey(KeyWrapAlgorithm.fromString(alg), vaultWrapped).getKey()).isEqualTo(cek);
        }
        fx.audited("KeyEncrypt", fx.user, 200);
        fx.audited("KeyDecrypt", fx.user, 200);
        fx.audited("KeyWrap", fx.user, 200);
        fx.audited("KeyUnwrap", fx.user, 200);
        assertThatThrownBy(() -> rsaUser.decrypt(EncryptionAlgorithm.RSA_OAEP_256, new byte[256]))
                .isInstanceOf(dev.coffer.vault.BadParameterException.class);
        fx.audited("KeyDecrypt", fx.user, 400);
    }

    private void denied(String op, dev.coffer.vault.Principal who, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(((CofferException) e).innerErrorCode()).contains("ForbiddenByRbac"));
        fx.audited(op, who, 403);
    }

    @Test
    void readerUsesThePublicKeyButNeverThePrivateOne() {
        CryptographyClient asReader = fx.keys(fx.reader).getCryptographyClient("rsa");
        byte[] ct = asReader.encrypt(EncryptionAlgorithm.RSA_OAEP_256, data).getCipherText();
        fx.audited("KeyEncrypt", fx.reader, 200);
        byte[] wrapped = asReader.wrapKey(KeyWrapAlgorithm.RSA_OAEP_256, new byte[32]).getEncryptedKey();
        fx.audited("KeyWrap", fx.reader, 200);
        denied("KeyDecrypt", fx.reader, () -> asReader.decrypt(EncryptionAlgorithm.RSA_OAEP_256, ct));
        denied("KeyUnwrap", fx.reader, () -> asReader.unwrapKey(KeyWrapAlgorithm.RSA_OAEP_256, wrapped));
        denied("KeySign", fx.reader, () -> asReader.signData(SignatureAlgorithm.PS256, data));
        CryptographyClient asOwner = fx.keys(fx.owner).getCryptographyClient("rsa");
        denied("KeyEncrypt", fx.owner, () -> asOwner.encrypt(EncryptionAlgorithm.RSA_OAEP_256, data));
        denied("KeyDecrypt", fx.owner, () -> asOwner.decrypt(EncryptionAlgorithm.RSA_OAEP_256, ct));
        denied("KeyWrap", fx.owner, () -> asOwner.wrapKey(KeyWrapAlgorithm.RSA_OAEP_256, new byte[32]));
        denied("KeyUnwrap", fx.owner, () -> asOwner.unwrapKey(KeyWrapAlgorithm.RSA_OAEP_256, wrapped));
        denied("KeyVerify", fx.owner, () -> asOwner.verifyData(SignatureAlgorithm.PS256, data, new byte[256]));
        denied("KeyGet", fx.owner, asOwner::getKey);
    }

    private static void refused(ThrowingCallable call, String inner, String message) {
        assertThatThrownBy(call).isInstanceOf(ForbiddenException.class).hasMessage(message)
                .satisfies(e -> assertThat(((CofferException) e).innerErrorCode()).contains(inner));
    }

    @Test
    void aDisabledKeyStillDoesPublicKeyOperationsOnly() {
        KeyVaultKey k = officer.createRsaKey(new CreateRsaKeyOptions("rsa-disabled"));
        CryptographyClient c = fx.keys(fx.user).getCryptographyClient("rsa-disabled");
        byte[] ct = c.encrypt(EncryptionAlgorithm.RSA_OAEP, data).getCipherText();
        byte[] wrapped = c.wrapKey(KeyWrapAlgorithm.RSA_OAEP, new byte[16]).getEncryptedKey();
        byte[] sig = c.signData(SignatureAlgorithm.RS256, data).getSignature();
        officer.updateKeyProperties(k.getProperties().withEnabled(false));

        refused(() -> c.decrypt(EncryptionAlgorithm.RSA_OAEP, ct), "KeyDisabled",
                "Operation decrypt is not allowed on a disabled key.");
        fx.audited("KeyDecrypt", fx.user, 403);
        refused(() -> c.signData(SignatureAlgorithm.RS256, data), "KeyDisabled",
                "Operation sign is not allowed on a disabled key.");
        refused(() -> c.unwrapKey(KeyWrapAlgorithm.RSA_OAEP, wrapped), "KeyDisabled",
                "Operation unwrapKey is not allowed on a disabled key.");
        assertThat(c.encrypt(EncryptionAlgorithm.RSA_OAEP, data).getCipherText()).isNotEmpty();
        assertThat(c.wrapKey(KeyWrapAlgorithm.RSA_OAEP, new byte[16]).getEncryptedKey()).isNotEmpty();
        assertThat(c.verifyData(SignatureAlgorithm.RS256, data, sig).isValid()).isTrue();

        officer.updateKeyProperties(k.getProperties().withEnabled(true));
        assertThat(c.decrypt(EncryptionAlgorithm.RSA_OAEP, ct).getPlainText()).isEqualTo(data);
    }

    @Test
    void outsideTheValidityWindowOnlyDecryptUnwrapAndVerifyWork() {
        Instant now = fx.clock.instant();
        KeyVaultKey k = officer.createRsaKey(new CreateRsaKeyOptions("rsa-window"));
        CryptographyClient c = fx.keys(fx.user).getCryptographyClient("rsa-window");
        byte[] ct = c.encrypt(EncryptionAlgorithm.RSA_OAEP_256, data).getCipherText();
        byte[] wrapped = c.wrapKey(KeyWrapAlgorithm.RSA_OAEP_256, new byte[16]).getEncryptedKey();
        byte[] sig = c.signData(SignatureAlgorithm.PS256, data).getSignature();

        KeyProperties p = k.getProperties();
        officer.updateKeyProperties(p.withNotBefore(now.plus(Duration.ofHours(1))));
        for (String op : List.of("encrypt", "sign", "wrapKey")) {
            ThrowingCallable call = op.equals("encrypt") ? () -> c.encrypt(EncryptionAlgorithm.RSA_OAEP_256, data)
                    : op.equals("sign") ? () -> c.signData(SignatureAlgorithm.PS256, data)
                    : () -> c.wrapKey(KeyWrapAlgorithm.RSA_OAEP_256, new byte[16]);
            assertThatThrownBy(call).isInstanceOf(ForbiddenException.class).hasMessageStartingWith("Operation " + op)
                    .satisfies(e -> assertThat(((CofferException) e).innerErrorCode()).contains("KeyNotYetValid"));
        }
        assertThat(c.decrypt(EncryptionAlgorithm.RSA_OAEP_256, ct).getPlainText()).isEqualTo(data);
        assertThat(c.unwrapKey(KeyWrapAlgorithm.RSA_OAEP_256, wrapped).getKey()).hasSize(16);
        assertThat(c.verifyData(SignatureAlgorithm.PS256, data, sig).isValid()).isTrue();

        // Valid from nbf on, until exp.
        fx.clock.advance(Duration.ofHours(1));
        assertThat(c.signData(SignatureAlgorithm.PS256, data).getSignature()).isNotEmpty();
        officer.updateKeyProperties(p.withExpiresOn(fx.clock.instant().plusSeconds(10)));
        fx.clock.advance(Duration.ofSeconds(10));
        refused(() -> c.encrypt(EncryptionAlgorithm.RSA_OAEP_256, data), "KeyExpired",
                "Operation encrypt is not allowed on an expired key (exp " + fx.clock.instant() + ").");
        fx.audited("KeyEncrypt", fx.user, 403);
        assertThatThrownBy(() -> c.signData(SignatureAlgorithm.PS256, data)).isInstanceOf(ForbiddenException.class);
        assertThat(c.decrypt(EncryptionAlgorithm.RSA_OAEP_256, ct).getPlainText()).isEqualTo(data);
        assertThat(c.verifyData(SignatureAlgorithm.PS256, data, sig).isValid()).isTrue();
    }

    @Test
    void keyOpsLimitOperations() {
        KeyVaultKey k = officer.createRsaKey(new CreateRsaKeyOptions("rsa-verify-only")
                .setKeyOperations(KeyOperation.VERIFY, KeyOperation.ENCRYPT));
        CryptographyClient c = fx.keys(fx.user).getCryptographyClient("rsa-verify-only");
        refused(() -> c.signData(SignatureAlgorithm.RS256, data), "KeyOperationForbidden",
                "Operation sign is not permitted on this key.");
        fx.audited("KeySign", fx.user, 403);
        refused(() -> c.decrypt(EncryptionAlgorithm.RSA_OAEP, new byte[256]), "KeyOperationForbidden",
                "Operation decrypt is not permitted on this key.");
        refused(() -> c.wrapKey(KeyWrapAlgorithm.RSA_OAEP, new byte[16]), "KeyOperationForbidden",
                "Operation wrapKey is not permitted on this key.");
        assertThat(c.encrypt(EncryptionAlgorithm.RSA_OAEP, data).getCipherText()).isNotEmpty();
        // Granting the operation later makes it work: the rule reads the version's current key_ops.
        officer.updateKeyProperties(k.getProperties(), KeyOperation.SIGN, KeyOperation.VERIFY);
        assertThat(c.signData(SignatureAlgorithm.RS256, data).getSignature()).hasSize(256);
    }

    @Test
    void resultsNameTheVersionThatDidTheWork() {
        KeyVaultKey first = officer.createEcKey(new CreateEcKeyOptions("ec-versions"));
        KeyVaultKey second = officer.rotateKey("ec-versions");
        KeyClient asUser = fx.keys(fx.user);
        assertThat(asUser.getCryptographyClient("ec-versions").signData(SignatureAlgorithm.ES256, data).getKeyId())
                .isEqualTo(second.getId());
        CryptographyClient pinned = asUser.getCryptographyClient("ec-versions", first.getProperties().version());
        assertThat(pinned.getKeyId()).isEqualTo(first.getId());
        SignResult old = pinned.signData(SignatureAlgorithm.ES256, data);
        assertThat(old.getKeyId()).isEqualTo(first.getId());
        assertThat(asUser.getCryptographyClient("ec-versions").verifyData(SignatureAlgorithm.ES256, data,
                old.getSignature()).isValid()).isFalse();
        assertThat(pinned.verifyData(SignatureAlgorithm.ES256, data, old.getSignature()).isValid()).isTrue();
    }
}
