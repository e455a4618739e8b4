package dev.coffer.vault;

/** The kinds of directory entry that can call Coffer or hold a role, as in Entra ID. */
public enum PrincipalType {
    /** A person, identified by a user principal name. */
    USER,
    /** A group; its members (transitively) hold what is granted to it. Groups never call. */
    GROUP,
    /** An application's service principal, with an application (client) id. */
    SERVICE_PRINCIPAL,
    /** A managed identity, a service principal that Azure manages; it has an application id too. */
    MANAGED_IDENTITY,
    /** The platform itself: runs scheduled work such as purges and rotations. Cannot be created. */
    SYSTEM
}
