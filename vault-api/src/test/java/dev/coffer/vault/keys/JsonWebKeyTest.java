package dev.coffer.vault.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coffer.vault.keys.cryptography.EncryptionAlgorithm;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWebKeyTest {

    private static final byte[] D = HexFormat.of().parseHex("0badc0ffee0ddf00d1234567");

    @Test
    void toStringNeverShowsPrivateMaterial() {
        JsonWebKey key = JsonWebKey.builder().keyType(KeyType.EC).curveName(KeyCurveName.P_256)
                .x(new byte[32]).y(new byte[32]).d(D).build();
        String text = key.toString();
        assertThat(text).contains("EC", "P-256", "private").doesNotContain("0badc0ffee", "0BADC0FFEE", "C63A");
        JsonWebKey oct = JsonWebKey.builder().keyType(KeyType.OCT).k(D).build();
        assertThat(oct.toString()).contains("96 bits").doesNotContain("0badc0ffee");
    }

    @Test
    void copiesArraysInAndOut() {
        byte[] d = D.clone();
        JsonWebKey key = JsonWebKey.builder().keyType(KeyType.OCT).k(d).build();
        d[0] = 0;
        assertThat(key.getK()).isEqualTo(D);
        key.getK()[1] = 0;
        assertThat(key.getK()).isEqualTo(D);
    }

    @Test
    void toPublicDropsEveryPrivatePart() {
        JsonWebKey key = JsonWebKey.builder().keyType(KeyType.RSA).n(new byte[] {7}).e(new byte[] {3})
                .d(D).p(D).q(D).dp(D).dq(D).qi(D).keyOps(List.of(KeyOperation.SIGN)).id("kid-1").build();
        JsonWebKey publicKey = key.toPublic();
        assertThat(key.hasPrivateKey()).isTrue();
        assertThat(publicKey.hasPrivateKey()).isFalse();
        assertThat(publicKey.getN()).isEqualTo(new byte[] {7});
        assertThat(publicKey.getKeyOps()).containsExactly(KeyOperation.SIGN);
        assertThat(publicKey.getId()).isEqualTo("kid-1");
        assertThat(publicKey.toPublic()).isSameAs(publicKey);
        assertThat(publicKey).isNotEqualTo(key).isEqualTo(publicKey.toBuilder().build());
    }

    @Test
    void stringEnumsParseTheWireSpellingAndStayOpen() {
        assertThat(KeyType.fromString("EC-HSM")).isSameAs(KeyType.EC_HSM);
        assertThat(KeyType.fromString("oct").toString()).isEqualTo("oct");
        assertThat(KeyCurveName.fromString("P-256K")).isSameAs(KeyCurveName.P_256K);
        assertThat(EncryptionAlgorithm.fromString("RSA-OAEP-256")).isSameAs(EncryptionAlgorithm.RSA_OAEP_256);
        SignatureAlgorithm future = SignatureAlgorithm.fromString("HS256");
        assertThat(future).isEqualTo(SignatureAlgorithm.fromString("HS256")).isNotIn(SignatureAlgorithm.values());
        assertThat(future.hashCode()).isEqualTo(SignatureAlgorithm.fromString("HS256").hashCode());
        assertThat(KeyType.fromString("rsa")).isNotEqualTo(KeyType.RSA);
        assertThat(KeyOperation.values()).hasSize(8);
    }

    @Test
    void onlyPublicKeysSerialize() throws Exception {
        JsonWebKey priv = JsonWebKey.builder().keyType(KeyType.EC).curveName(KeyCurveName.P_256)
                .x(new byte[32]).y(new byte[32]).d(D).build();
        java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(new java.io.ByteArrayOutputStream());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> out.writeObject(priv))
                .isInstanceOf(java.io.NotSerializableException.class);

        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(bytes)) {
            o.writeObject(priv.toPublic());
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            JsonWebKey back = (JsonWebKey) in.readObject();
            assertThat(back).isEqualTo(priv.toPublic());
            assertThat(back.hasPrivateKey()).isFalse();
        }
    }
}
