package dev.coffer.vault.examples;

import dev.coffer.vault.CofferException;
import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.Principal;
import dev.coffer.vault.Subscription;
import dev.coffer.vault.Vault;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.VaultOptions;
import dev.coffer.vault.SkuName;
import dev.coffer.vault.audit.AuditEvent;
import dev.coffer.vault.authorization.BuiltInRole;
import dev.coffer.vault.authorization.RoleAssignment;
import dev.coffer.vault.core.Coffer;
import dev.coffer.vault.audit.AuditQuery;
import dev.coffer.vault.keys.CreateEcKeyOptions;
import dev.coffer.vault.keys.CreateRsaKeyOptions;
import dev.coffer.vault.keys.JsonWebKey;
import dev.coffer.vault.keys.KeyClient;
import dev.coffer.vault.keys.KeyRotationLifetimeAction;
import dev.coffer.vault.keys.KeyRotationPolicy;
import dev.coffer.vault.keys.KeyRotationPolicyAction;
import dev.coffer.vault.keys.KeyVaultKey;
import dev.coffer.vault.keys.KeyVaultKeyAttestation;
import dev.coffer.vault.hsm.SecurityDomain;
import dev.coffer.vault.hsm.SimulatedHsm;
import java.security.SecureRandom;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Set;
import dev.coffer.vault.keys.cryptography.EncryptionAlgorithm;
import dev.coffer.vault.keys.cryptography.SignResult;
import dev.coffer.vault.keys.cryptography.SignatureAlgorithm;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.io.PrintStream;
import dev.coffer.vault.PermissionModel;
import dev.coffer.vault.Scope;
import dev.coffer.vault.VaultUpdate;
import dev.coffer.vault.authorization.AccessExplanation;
import dev.coffer.vault.authorization.AccessPolicyEntry;
import dev.coffer.vault.secrets.DeletedSecret;
import dev.coffer.vault.secrets.KeyVaultSecret;
import dev.coffer.vault.secrets.SecretClient;
import dev.coffer.vault.secrets.SecretProperties;
import java.time.format.DateTimeFormatter;

/**
 * A guided tour of Coffer: run it with the README's first command. Each step prints what it did,
 * so the output reads as a walk through the product.
 */
public final class Tour {
    private final PrintStream out;
    private int step;

    Tour(PrintStream out) {
        this.out = out;
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        new Tour(System.out).run();
    }

    void section(String title) {
        out.println();
        out.println(++step + ". " + title);
        out.println("-".repeat(Math.min(78, title.length() + 4)));
    }

    void say(String line) {
        out.println("   " + line);
    }

    void run() {
        out.println("Coffer — Azure Key Vault, in process. A tour.");

        section("A platform: an in-memory Azure with its own directory");
        TourClock clock = new TourClock(Instant.parse("2026-01-05T09:00:00Z"));
        // A simulated HSM for Premium vaults' -HSM keys: named explicitly, never picked up from the classpath.
        SimulatedHsm hsm = SimulatedHsm.builder().clock(clock).build();
        char[] pin = "tour-pin".toCharArray();
        hsm.initialize(SecurityDomain.generate(new SecureRandom()), pin);
        hsm.activate(pin);
        CofferPlatform platform = Coffer.inMemory().clock(clock).hsmProvider(hsm.provider()).build();
        say("tenant " + platform.directory().tenantId() + ", clock at " + clock.instant());
        say("HSM provider: " + hsm + " (a simulator, and it says so)");

        section("Principals and a group");
        Principal alice = platform.directory().createUser("alice@contoso.example");
        Principal bob = platform.directory().createUser("bob@contoso.example");
        Principal app = platform.directory().createServicePrincipal("billing-api");
        Principal ops = platform.directory().createGroup("ops");
        platform.directory().addMember(ops, bob);
        say("user      " + alice.displayName() + "  oid=" + alice.objectId());
        say("user      " + bob.displayName() + "    oid=" + bob.objectId() + "  (member of 'ops')");
        say("app       " + app.displayName() + "          appid=" + app.applicationId());
        say("group     " + ops.displayName() + "                  oid=" + ops.objectId());

        section("A subscription: its creator becomes its Owner");
        Subscription sub = platform.createSubscription("dev", alice);
        VaultManager mgmt = platform.management(alice);
        for (RoleAssignment a : mgmt.roleAssignments().list(sub.scope())) {
            say(BuiltInRole.byId(a.roleDefinitionId()).map(r -> r.roleName()).orElse(a.roleDefinitionId())
                    + " → " + alice.displayName() + " at " + a.scope());
        }

        section("A Premium vault with purge protection");
        mgmt.createResourceGroup(sub.id(), "rg-billing", "westeurope");
        Vault vault = mgmt.createVault(VaultOptions.named("kv-billing").resourceGroup(sub, "rg-billing")
                .sku(SkuName.PREMIUM).softDeleteRetentionDays(30).purgeProtection(true).tag("team", "billing"));
        var p = vault.properties();
        say(p.vaultUri() + "  " + p.location().displayName() + "  " + p.sku() + "  model=" + p.permissionModel());
        say("soft delete " + p.softDeleteRetentionInDays() + " days, purge protection " + p.purgeProtectionEnabled());
        say("id " + p.id());

        section("A management call refused: bob holds no role yet");
        try {
            platform.management(bob).getVault("kv-billing");
        } catch (CofferException e) {
            say(e.status() + " " + e.errorCode() + ":");
            say(e.getMessage());
        }

        section("Key Vault Reader is not Reader: 'vaults/*/read' does not match 'vaults/read'");
        mgmt.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_READER, ops);
        say("Key Vault Reader → group 'ops' at the vault");
        try {
            platform.management(bob).getVault("kv-billing");
        } catch (CofferException e) {
            say(e.status() + " " + e.errorCode() + " for bob: the role reads objects' metadata, not the vault resource");
        }
        mgmt.roleAssignments().create(vault.scope(), BuiltInRole.READER, ops);
        say("Reader → group 'ops' at the vault");
        say("bob reads " + platform.management(bob).getVault("kv-billing").vaultUri() + " through 'ops'");

        section("Contributor may manage the vault but not switch its permission model");
        Principal carol = platform.directory().createUser("carol@contoso.example");
        mgmt.roleAssignments().create(sub.scope(), BuiltInRole.CONTRIBUTOR, carol);
        try {
            platform.management(carol).updateVault("kv-billing",
                    dev.coffer.vault.VaultUpdate.create().permissionModel(dev.coffer.vault.PermissionModel.ACCESS_POLICY));
        } catch (CofferException e) {
            say(e.status() + " " + e.errorCode() + ": needs an unconditional roleAssignments/write");
        }

        secrets(platform, clock, mgmt, sub, vault, alice, app, bob);
        accessPolicies(platform, mgmt, sub, alice, app, bob);
        keysTour(platform, mgmt, vault, alice, bob, app);
        premiumTour(vault, hsm, clock, alice, app);

        section("The audit trail: every call, allowed or denied, one event each");
        DateTimeFormatter t = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);
        var events = platform.auditLog().events();
        say(events.size() + " events; by category: " + events.stream().collect(java.util.stream.Collectors.groupingBy(
                e -> e.category().wireName(), java.util.TreeMap::new, java.util.stream.Collectors.counting())));
        say("the calls that did not succeed:");
        for (AuditEvent e : events) {
            if (!e.succeeded()) {
                say(String.format("  %s %-22s %3d %-34s %s", t.format(e.time()), e.operationName(), e.httpStatusCode(),
                        e.errorCode() + (e.innerErrorCode() == null ? "" : "/" + e.innerErrorCode()),
                        e.identity().displayName()));
            }
        }
        out.println();
        out.println("End of the tour.");
    }

    private void refused(Runnable call) {
        try {
            call.run();
            say("(unexpectedly allowed)");
        } catch (CofferException e) {
            String first = e.getMessage().lines().findFirst().orElse("");
            say("refused: " + e.status() + " " + e.errorCode() + e.innerErrorCode().map(c -> "/" + c).orElse("")
                    + " — " + (first.length() > 110 ? first.substring(0, 110) + "…" : first));
        }
    }

    private void secrets(CofferPlatform platform, TourClock clock, VaultManager mgmt, Subscription sub, Vault vault,
                         Principal alice, Principal app, Principal bob) {
        section("Secrets: versions, read as Secrets User, refused as Reader");
        mgmt.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_SECRETS_OFFICER, alice);
        mgmt.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_SECRETS_USER, app);
        SecretClient officer = vault.secretClient(alice);
        KeyVaultSecret v1 = officer.setSecret("db-password", "correct horse");
        clock.advance(Duration.ofMinutes(5));
        KeyVaultSecret v2 = officer.setSecret(KeyVaultSecret.of("db-password", "battery staple").withContentType("text/plain"));
        say("set two versions: " + v1.getProperties().version() + ", " + v2.getProperties().version());
        say("billing-api (Secrets User) reads the latest: length " + vault.secretClient(app).getSecret("db-password").getValue().length()
                + " — the value itself is never printed, logged or audited");
        for (SecretProperties p : officer.listPropertiesOfSecretVersions("db-password")) {
            say("version " + p.version() + " created " + p.createdOn() + " " + p.recoveryLevel());
        }
        say("bob (Key Vault Reader via 'ops') lists metadata: "
                + vault.secretClient(bob).listPropertiesOfSecrets().stream().map(SecretProperties::name).toList());
        refused(() -> vault.secretClient(bob).getSecret("db-password"));

        section("Soft delete, recover, and purge protection");
        DeletedSecret deleted = officer.deleteSecret("db-password");
        say("deleted; recoveryId " + deleted.recoveryId() + ", purge scheduled " + deleted.scheduledPurgeDate());
        refused(() -> officer.setSecret("db-password", "reuse the name?"));
        officer.recoverDeletedSecret("db-password");
        say("recovered, both versions back: " + officer.listPropertiesOfSecretVersions("db-password").toList().size());
        officer.deleteSecret("db-password");
        refused(() -> officer.purgeDeletedSecret("db-password"));
        clock.advance(Duration.ofDays(31));
        var report = platform.sweep();
        say("the clock moves 31 days past the 30-day retention; the sweep purged " + report.objectsPurged() + " object(s)");
        refused(() -> officer.getDeletedSecret("db-password"));

        section("Sealed backups: restore in the same subscription, refused in another");
        officer.setSecret("api-token", "tok-1");
        officer.setSecret("api-token", "tok-2");
        byte[] blob = officer.backupSecret("api-token");
        say("backup of 'api-token': " + blob.length + " bytes, AES-256-GCM sealed to subscription and geography");
        Vault second = mgmt.createVault(VaultOptions.named("kv-billing-dr").resourceGroup(sub, "rg-billing"));
        mgmt.roleAssignments().create(second.scope(), BuiltInRole.KEY_VAULT_SECRETS_OFFICER, alice);
        KeyVaultSecret restored = second.secretClient(alice).restoreSecretBackup(blob);
        say("restored into kv-billing-dr with the same version id: " + restored.getProperties().version());
        Subscription other = platform.createSubscription("prod", alice);
        VaultManager otherMgmt = platform.management(alice);
        otherMgmt.createResourceGroup(other.id(), "rg-prod", "westeurope");
        Vault foreign = otherMgmt.createVault(VaultOptions.named("kv-prod").resourceGroup(other, "rg-prod"));
        otherMgmt.roleAssignments().create(foreign.scope(), BuiltInRole.KEY_VAULT_SECRETS_OFFICER, alice);
        refused(() -> foreign.secretClient(alice).restoreSecretBackup(blob));
    }

    private void accessPolicies(CofferPlatform platform, VaultManager mgmt, Subscription sub, Principal alice,
                                Principal app, Principal bob) {
        section("An access-policy vault, and 'explain'");
        Vault legacy = mgmt.createVault(VaultOptions.named("kv-legacy").resourceGroup(sub, "rg-billing")
                .permissionModel(PermissionModel.ACCESS_POLICY)
                .accessPolicy(AccessPolicyEntry.of(alice).withSecrets("all"))
                .accessPolicy(AccessPolicyEntry.of(app).withSecrets("get")));
        legacy.secretClient(alice).setSecret("smtp-password", "hunter2");
        say("alice (policy secrets: all) set a secret; billing-api (policy secrets: get) reads it: "
                + (legacy.secretClient(app).getSecret("smtp-password").getValue() != null));
        legacy.secretClient(alice).deleteSecret("smtp-password");
        say("'all' does not include purge:");
        refused(() -> legacy.secretClient(alice).purgeDeletedSecret("smtp-password"));
        AccessExplanation why = mgmt.explain(app, legacy.scope().child("secrets", "smtp-password"),
                "Microsoft.KeyVault/vaults/secrets/getSecret/action");
        say("explain billing-api getSecret: " + why.reason() + " — " + why.detail());
        AccessExplanation whyNot = mgmt.explain(bob, legacy.scope(), "Microsoft.KeyVault/vaults/secrets/setSecret/action");
        say("explain bob setSecret: " + whyNot.reason() + " — " + whyNot.detail());
    }

    /** Keys: created in the vault, used in the vault, never read out of it. */
    private void keysTour(CofferPlatform platform, VaultManager mgmt, Vault vault, Principal alice, Principal bob,
                          Principal app) {
        section("Keys: an EC and an RSA key, made inside the vault");
        mgmt.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_CRYPTO_OFFICER, alice);
        mgmt.roleAssignments().create(vault.scope(), BuiltInRole.KEY_VAULT_CRYPTO_USER, app);
        KeyClient officer = vault.keyClient(alice);
        KeyVaultKey ec = officer.createEcKey(new CreateEcKeyOptions("signing-key"));
        KeyVaultKey rsa = officer.createRsaKey(new CreateRsaKeyOptions("wrapping-key").setKeySize(2048));
        say(ec.getKeyType() + " " + ec.getKey().getCurveName() + "  " + ec.getId());
        say(rsa.getKeyType() + " 2048 bits  key_ops=" + rsa.getKeyOperations());

        section("Sign as Crypto User in the vault, verify with plain JCA outside it");
        byte[] document = "invoice 2026-0042: 1,250.00 EUR".getBytes(StandardCharsets.UTF_8);
        SignResult signed = vault.keyClient(app).getCryptographyClient("signing-key")
                .signData(SignatureAlgorithm.ES256, document);
        say("signed by " + signed.getKeyId());
        say("java.security.Signature says valid: " + verifyEs256(ec.getKey(), document, signed.getSignature()));

        section("A Key Vault Reader may encrypt with the public key, never decrypt");
        byte[] secret = "card-token-7731".getBytes(StandardCharsets.UTF_8);
        byte[] ciphertext = vault.keyClient(bob).getCryptographyClient("wrapping-key")
                .encrypt(EncryptionAlgorithm.RSA_OAEP_256, secret).getCipherText();
        say("bob (Key Vault Reader through 'ops') encrypted " + ciphertext.length + " bytes");
        try {
            vault.keyClient(bob).getCryptographyClient("wrapping-key").decrypt(EncryptionAlgorithm.RSA_OAEP_256, ciphertext);
        } catch (CofferException e) {
            say(e.status() + " " + e.errorCode() + "/" + e.innerErrorCode().orElse("") + " for bob's decrypt");
        }
        String plain = new String(vault.keyClient(app).getCryptographyClient("wrapping-key")
                .decrypt(EncryptionAlgorithm.RSA_OAEP_256, ciphertext).getPlainText(), StandardCharsets.UTF_8);
        say("billing-api (Crypto User) decrypts: " + plain);

        section("Disabling a key stops decryption at once");
        officer.updateKeyProperties(rsa.getProperties().withEnabled(false));
        try {
            vault.keyClient(app).getCryptographyClient("wrapping-key").decrypt(EncryptionAlgorithm.RSA_OAEP_256, ciphertext);
        } catch (CofferException e) {
            say(e.status() + " " + e.innerErrorCode().orElse("") + ": " + e.getMessage());
        }
        say("encrypt still works (public key): " + vault.keyClient(app).getCryptographyClient("wrapping-key")
                .encrypt(EncryptionAlgorithm.RSA_OAEP_256, secret).getCipherText().length + " bytes");

        section("No private material can be read");
        JsonWebKey read = officer.getKey("wrapping-key").getKey();
        say("getKey returns d=" + read.getD() + " p=" + read.getP() + " q=" + read.getQ() + "  hasPrivateKey="
                + read.hasPrivateKey());
        say("toString: " + read);

        section("Rotation by policy: a second platform whose clock the tour moves");
        rotationTour();
    }

    /** Verifies an ES256 (r||s) signature with the plain JDK. */
    private static boolean verifyEs256(JsonWebKey jwk, byte[] data, byte[] signature) {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                    new ECPoint(new BigInteger(1, jwk.getX()), new BigInteger(1, jwk.getY())),
                    params.getParameterSpec(ECParameterSpec.class)));
            // Key Vault's ES256 signature is r||s, which the JDK calls the P1363 format.
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(pub);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void premiumTour(Vault vault, SimulatedHsm hsm, TourClock clock, Principal alice, Principal app) {
        section("A Premium vault: an HSM key, a signature, its attestation verified, the device offline and the "
                + "clear error, back online");
        X509Certificate pinnedRoot = hsm.attestationRoot();   // pinned once, out of band
        KeyClient officer = vault.keyClient(alice);
        KeyVaultKey key = officer.createEcKey(new CreateEcKeyOptions("hsm-signing-key").setHardwareProtected(true));
        say(key.getKeyType() + " " + key.getKey().getCurveName() + "  hsmPlatform=" + key.getProperties().hsmPlatform()
                + "  " + key.getId());
        byte[] order = "purchase order 2026-0107".getBytes(StandardCharsets.UTF_8);
        byte[] sig = vault.keyClient(app).getCryptographyClient("hsm-signing-key")
                .signData(SignatureAlgorithm.ES256, order).getSignature();
        say("signed inside the HSM; java.security.Signature says valid: " + verifyEs256(key.getKey(), order, sig));

        KeyVaultKeyAttestation a = officer.getKeyAttestation("hsm-signing-key");
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(a.certificateChain().subList(0, 1));
            PKIXParameters pkix = new PKIXParameters(Set.of(new TrustAnchor(pinnedRoot, null)));
            pkix.setRevocationEnabled(false);   // the simulator publishes no revocation lists
            pkix.setDate(java.util.Date.from(clock.instant()));
            CertPathValidator.getInstance("PKIX").validate(path, pkix);
            say("attestation chain validates to the pinned root: " + pinnedRoot.getSubjectX500Principal().getName());
            Signature v = Signature.getInstance(a.signatureAlgorithm());
            v.initVerify(a.certificateChain().get(0).getPublicKey());
            v.update(a.statement());
            say("attestation signature valid: " + v.verify(a.signature()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String x = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(key.getKey().getX());
        String statement = a.statementText();
        say("statement names this public key: " + statement.contains("\"x\":\"" + x + "\"")
                + "; generated inside: " + statement.contains("\"origin\":\"generated\"")
                + "; exportable: " + !statement.contains("\"exportable\":false")
                + "; simulated: " + statement.contains("\"simulated\":true"));

        hsm.takeOffline();
        try {
            vault.keyClient(app).getCryptographyClient("hsm-signing-key").signData(SignatureAlgorithm.ES256, order);
        } catch (CofferException e) {
            say("device offline → " + e.status() + " " + e.innerErrorCode().orElse(e.errorCode()) + ": "
                    + e.getMessage());
        }
        say("getKey still answers (metadata is the vault's): " + officer.getKey("hsm-signing-key").getKeyType());
        hsm.bringOnline();
        byte[] again = vault.keyClient(app).getCryptographyClient("hsm-signing-key")
                .signData(SignatureAlgorithm.ES256, order).getSignature();
        say("back online, the same key signs again: valid=" + verifyEs256(key.getKey(), order, again));
    }

    /** A clock the tour moves; the main platform keeps the real one. */
    private void rotationTour() {
        TourClock clock = new TourClock(Instant.parse("2026-01-31T09:00:00Z"));
        CofferPlatform p = Coffer.inMemory().clock(clock).withoutSlf4jAuditSink().build();
        Principal dana = p.directory().createUser("dana@contoso.example");
        Subscription sub = p.createSubscription("rotation-demo", dana);
        VaultManager m = p.management(dana);
        m.createResourceGroup(sub.id(), "rg-rot", "westeurope");
        Vault v = m.createVault(VaultOptions.named("kv-rotation").resourceGroup(sub, "rg-rot"));
        m.roleAssignments().create(v.scope(), BuiltInRole.KEY_VAULT_CRYPTO_OFFICER, dana);
        KeyClient keys = v.keyClient(dana);
        keys.createEcKey(new CreateEcKeyOptions("quarterly"));
        keys.updateKeyRotationPolicy("quarterly", new KeyRotationPolicy().setExpiresIn("P1Y").setLifetimeActions(
                List.of(new KeyRotationLifetimeAction(KeyRotationPolicyAction.ROTATE).setTimeAfterCreate("P3M"))));
        say("policy: rotate 3 months after creation, new versions expire after 1 year; created " + clock.instant());
        clock.advance(Duration.ofDays(365));
        say("clock moved a year; reads never rotate: versions="
                + keys.listPropertiesOfKeyVersions("quarterly").stream().count());
        p.sweep();
        p.sweep();
        say("after two sweeps: versions=" + keys.listPropertiesOfKeyVersions("quarterly").stream().count()
                + " (rotated once, not four times)");
        var latest = keys.getKey("quarterly").getProperties();
        say("new version created " + latest.createdOn() + ", expires " + latest.expiresOn());
        for (AuditEvent e : p.auditLog().query(AuditQuery.all().operation("KeyRotateIfDue"))) {
            say(e.operationName() + " by " + e.identity().displayName() + " → " + e.httpStatusCode());
        }
    }
}
