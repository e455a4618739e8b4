package dev.coffer.vault.core.internal.objects;

/**
 * A vault-wide claim on object names across types: a certificate's name is taken among keys and
 * secrets too, because the certificate owns a key and a secret of that name.
 */
@FunctionalInterface
public interface NameReservation {
    /** No cross-type claims. */
    NameReservation NONE = (kind, name) -> { };

    /**
     * @param kind the type about to create {@code name}
     * @param name the name
     * @throws dev.coffer.vault.ConflictException if another type holds the name
     */
    void check(ObjectKind kind, String name);
}
