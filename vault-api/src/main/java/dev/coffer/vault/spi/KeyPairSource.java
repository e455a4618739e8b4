package dev.coffer.vault.spi;

import java.security.KeyPair;
import java.util.Optional;

/**
 * Key pairs generated ahead of use: the hook through which a provider's key generation can draw on a
 * pool (the testkit's, so each RSA key a test creates costs microseconds instead of a hundred
 * milliseconds). A provider that accepts a source asks it first and generates the key itself when the
 * source has none, or hands back a pair that does not match the request.
 *
 * <p>Contract: thread-safe; each pair is handed out at most once, to one caller; a returned pair
 * matches the spec (RSA: the modulus size and public exponent; EC: the curve); an empty result is
 * always allowed. A source never affects anything but where the randomness of a new key came from:
 * the key is wrapped, used and destroyed by the provider exactly like one it generated.
 */
@FunctionalInterface
public interface KeyPairSource {

    /** A source that never has a pair: providers generate every key themselves. */
    KeyPairSource NONE = spec -> Optional.empty();

    /**
     * @param spec the requested RSA or EC key
     * @return a pair generated ahead of time for such a key, handed out to this caller only, or empty
     */
    Optional<KeyPair> take(KeyGenerationSpec spec);
}
