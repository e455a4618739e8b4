package dev.coffer.vault.tests.keys;

import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.Principal;
import dev.coffer.vault.Vault;
import dev.coffer.vault.keys.CreateEcKeyOptions;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.keys.cryptography.CryptographyClient;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import dev.coffer.vault.testkit.As;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.Role;
import dev.coffer.vault.testkit.TestVault;
import dev.coffer.vault.testkit.User;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** The extension injects a CryptographyClient for a chosen principal and key. */
@CofferTest
class CryptographyClientInjectionTest {

    @Test
    void signsAsTheChosenPrincipalAndIsRefusedAsAnother(
            @TestVault Vault vault,
            @User(value = "officer", roles = @Role(role = "Key Vault Crypto Officer")) Principal officer,
            @User(value = "signer", roles = @Role(role = "Key Vault Crypto User")) Principal signer,
            @User(value = "reader", roles = @Role(role = "Key Vault Reader")) Principal reader,
            @As("officer") KeyClient keys,
            @As(value = "signer", key = "doc-signing") CryptographyClient asSigner,
            @As(value = "reader", key = "doc-signing") CryptographyClient asReader) throws Exception {
        keys.createEcKey(new CreateEcKeyOptions("doc-signing"));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(new byte[] {42});
        byte[] sig = asSigner.sign(SignatureAlgorithm.ES256, digest).getSignature();
        assertThat(asReader.verify(SignatureAlgorithm.ES256, digest, sig).isValid()).isTrue();
        assertThatCall(() -> asReader.sign(SignatureAlgorithm.ES256, digest)).isForbidden();
    }
}
