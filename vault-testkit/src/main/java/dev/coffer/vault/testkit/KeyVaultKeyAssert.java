package dev.coffer.vault.testkit;

import dev.coffer.vault.keys.JsonWebKey;
import dev.coffer.vault.keys.KeyCurveName;
import dev.coffer.vault.keys.KeyOperation;
import dev.coffer.vault.keys.KeyType;
import dev.coffer.vault.keys.KeyVaultKey;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link KeyVaultKey}: its type, size or curve, operations, state, and that it carries no private material. */
public final class KeyVaultKeyAssert extends AbstractAssert<KeyVaultKeyAssert, KeyVaultKey> {

    KeyVaultKeyAssert(KeyVaultKey actual) {
        super(actual, KeyVaultKeyAssert.class);
    }

    private KeyVaultKeyAssert check(boolean ok, String what, Object expected, Object found) {
        if (!ok) {
            failWithMessage("%s", "Expected key '" + actual.getName() + "' to have " + what + " <" + expected
                    + "> but it had <" + found + ">");
        }
        return this;
    }

    /**
     * @param type the expected key type, such as {@code KeyType.EC_HSM}
     * @return this
     */
    public KeyVaultKeyAssert hasKeyType(KeyType type) {
        isNotNull();
        return check(Objects.equals(actual.getKeyType(), type), "key type", type, actual.getKeyType());
    }

    /**
     * @param curve the expected curve
     * @return this
     */
    public KeyVaultKeyAssert hasCurve(KeyCurveName curve) {
        isNotNull();
        return check(Objects.equals(actual.getKey().getCurveName(), curve), "curve", curve, actual.getKey().getCurveName());
    }

    /**
     * @param bits the expected RSA modulus size
     * @return this
     */
    public KeyVaultKeyAssert hasRsaKeySize(int bits) {
        isNotNull();
        byte[] n = actual.getKey().getN();
        int found = n == null ? 0 : new java.math.BigInteger(1, n).bitLength();
        return check(found == bits, "RSA key size", bits, found);
    }

    /**
     * @param ops exactly these key operations, in any order
     * @return this
     */
    public KeyVaultKeyAssert hasKeyOperations(KeyOperation... ops) {
        isNotNull();
        List<KeyOperation> found = actual.getKeyOperations();
        boolean same = found.size() == ops.length && found.containsAll(List.of(ops));
        return check(same, "key operations", List.of(ops), found);
    }

    /** @return this, if the key is enabled */
    public KeyVaultKeyAssert isEnabled() {
        isNotNull();
        return check(Boolean.TRUE.equals(actual.getProperties().enabled()), "enabled", true, actual.getProperties().enabled());
    }

    /** @return this, if the key is disabled */
    public KeyVaultKeyAssert isDisabled() {
        isNotNull();
        return check(Boolean.FALSE.equals(actual.getProperties().enabled()), "enabled", false, actual.getProperties().enabled());
    }

    /**
     * The rule every key the vault returns must keep: the JWK carries no d, p, q, dp, dq, qi or k.
     *
     * @return this
     */
    public KeyVaultKeyAssert hasNoPrivateMaterial() {
        isNotNull();
        JsonWebKey k = actual.getKey();
        StringBuilder present = new StringBuilder();
        name(present, "d", k.getD());
        name(present, "p", k.getP());
        name(present, "q", k.getQ());
        name(present, "dp", k.getDp());
        name(present, "dq", k.getDq());
        name(present, "qi", k.getQi());
        name(present, "k", k.getK());
        if (present.length() > 0 || k.hasPrivateKey()) {
            failWithMessage("%s", "Expected key '" + actual.getName() + "' to carry no private material, but its JWK has: "
                    + present);
        }
        return this;
    }

    private static void name(StringBuilder out, String field, byte[] value) {
        if (value != null && value.length > 0) {
            out.append(out.length() == 0 ? "" : ", ").append(field);
        }
    }
}
