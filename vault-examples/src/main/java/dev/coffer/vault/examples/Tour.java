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
import java.io.PrintStream;
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
        CofferPlatform platform = Coffer.inMemory().build();
        say("tenant " + platform.directory().tenantId() + ", clock " + platform.clock());

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

        section("The audit trail: every call, allowed or denied");
        DateTimeFormatter t = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC);
        for (AuditEvent e : platform.auditLog().events()) {
            say(String.format("%-12s %-32s %3d %-14s %s", t.format(e.time()), e.operationName(),
                    e.httpStatusCode(), e.category().wireName(), e.identity().displayName()));
        }
        out.println();
        out.println("End of the tour.");
    }
}
