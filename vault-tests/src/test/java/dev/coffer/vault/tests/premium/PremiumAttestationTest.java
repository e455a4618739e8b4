package dev.coffer.vault.tests.premium;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Principal;
import dev.coffer.vault.SkuName;
import dev.coffer.vault.Vault;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.hsm.SimulatedHsm;
import dev.coffer.vault.keys.CreateRsaKeyOptions;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.keys.KeyVaultKey;
import dev.coffer.vault.keys.KeyVaultKeyAttestation;
import dev.coffer.vault.testkit.As;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.MovableClock;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.security.Signature;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * KeyClient.getKeyAttestation through the public API, verified as a relying party would: the plain JCA
 * only, trusting the device's root pinned beforehand.
 */
@CofferTest(hsm = true)
class PremiumAttestationTest {

    @Test
    void anHsmKeysAttestationVerifiesWithThePlainJca(@TestVault(sku = SkuName.PREMIUM) Vault vault,
            @User(value = "officer", roles = @Role(role = "Key Vault Crypto Officer")) Principal officer,
            @User(value = "reader", roles = @Role(role = "Key Vault Reader")) Principal reader,
            @As("officer") KeyClient keys, @As("reader") KeyClient readerKeys, SimulatedHsm hsm, AuditLog audit,
            MovableClock clock) throws Exception {
        X509Certificate pinnedRoot = hsm.attestationRoot();
        KeyVaultKey key = keys.createKey("attested", KeyType.EC_HSM);

        KeyVaultKeyAttestation a = readerKeys.getKeyAttestation("attested");
        assertThat(audit).hasEventFor("KeyGetAttestation", reader, 200);
        assertThat(a.keyId()).isEqualTo(key.getId());
        assertThat(a.format()).isEqualTo("coffer-hsm-sim-attestation/v1");

        // 1. The signer's certificate chains to the pinned root.
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(a.certificateChain().subList(0, 1));
        PKIXParameters pkix = new PKIXParameters(Set.of(new TrustAnchor(pinnedRoot, null)));
        pkix.setRevocationEnabled(false);   // the simulator publishes no CRLs
        // The device's certificates follow the platform's (moved) clock, so validate at that time.
        pkix.setDate(Date.from(clock.instant()));
        CertPathValidator.getInstance("PKIX").validate(path, pkix);
        assertThat(a.certificateChain().get(a.certificateChain().size() - 1)).isEqualTo(pinnedRoot);
        // 2. The signature covers exactly the statement.
        Signature verifier = Signature.getInstance(a.signatureAlgorithm());
        verifier.initVerify(a.certificateChain().get(0).getPublicKey());
        verifier.update(a.statement());
        assertThat(verifier.verify(a.signature())).isTrue();
        byte[] altered = a.statement();
        altered[altered.length - 3] ^= 1;
        verifier.initVerify(a.certificateChain().get(0).getPublicKey());
        verifier.update(altered);
        assertThat(verifier.verify(a.signature())).isFalse();
        // 3. The statement names this key's public key, and says generated inside, not exportable, simulated.
        String json = a.statementText();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        assertThat(member(json, "x")).isEqualTo(b64.encodeToString(key.getKey().getX()));
        assertThat(member(json, "y")).isEqualTo(b64.encodeToString(key.getKey().getY()));
        assertThat(member(json, "origin")).isEqualTo("generated");
        assertThat(json).contains("\"exportable\":false", "\"simulated\":true", "\"hsmPlatform\":\"coffer-sim\"");
    }

    @Test
    void eachVersionHasItsOwnAttestation(@TestVault(sku = SkuName.PREMIUM) Vault vault,
            @User(value = "officer", roles = @Role(role = "Key Vault Crypto Officer")) Principal officer,
            @As("officer") KeyClient keys) {
        KeyVaultKey first = keys.createRsaKey(new CreateRsaKeyOptions("rsa").setHardwareProtected(true));
        KeyVaultKey second = keys.rotateKey("rsa");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        KeyVaultKeyAttestation old = keys.getKeyAttestation("rsa", first.getProperties().version());
        assertThat(old.keyId()).isEqualTo(first.getId());
        assertThat(member(old.statementText(), "n")).isEqualTo(b64.encodeToString(first.getKey().getN()));
        assertThat(member(keys.getKeyAttestation("rsa").statementText(), "n"))
                .isEqualTo(b64.encodeToString(second.getKey().getN()));
        assertThatCall(() -> keys.getKeyAttestation("rsa", "0".repeat(32))).isNotFound();
    }

    @Test
    void softwareKeysAndStrangersAreRefused(@TestVault(sku = SkuName.PREMIUM) Vault vault,
            @User(value = "officer", roles = @Role(role = "Key Vault Crypto Officer")) Principal officer,
            @User("stranger") Principal stranger,
            @As("officer") KeyClient keys, @As("stranger") KeyClient strangerKeys, AuditLog audit) {
        keys.createKey("soft", KeyType.EC);
        keys.createKey("hard", KeyType.EC_HSM);
        assertThatCall(() -> keys.getKeyAttestation("soft")).isBadParameter()
                .hasMessageContaining("attestation is available for HSM-protected keys only");
        assertThat(audit).hasEventFor("KeyGetAttestation", officer, 400);
        assertThatCall(() -> strangerKeys.getKeyAttestation("hard")).isForbidden();
        assertThat(audit).hasEventFor("KeyGetAttestation", stranger, 403);
        assertThatCall(() -> keys.getKeyAttestation("missing")).isNotFound();
        assertThatCall(() -> keys.getKeyAttestation("bad name!")).isBadParameter();
    }

    /** A string member's value from the statement; the simulator's JSON is flat apart from two small objects. */
    private static String member(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as("member %s in %s", name, json).isTrue();
        return m.group(1);
    }
}
