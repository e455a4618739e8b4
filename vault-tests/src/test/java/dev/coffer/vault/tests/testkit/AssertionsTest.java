package dev.coffer.vault.tests.testkit;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.BadParameterException;
import dev.coffer.vault.CofferException;
import dev.coffer.vault.ConflictException;
import dev.coffer.vault.ForbiddenException;
import dev.coffer.vault.PermissionModel;
import dev.coffer.vault.ResourceNotFoundException;
import dev.coffer.vault.ServiceUnavailableException;
import dev.coffer.vault.SkuName;
import dev.coffer.vault.ThrottledException;
import dev.coffer.vault.UnauthorizedException;
import dev.coffer.vault.audit.AuditCategory;
import dev.coffer.vault.audit.AuditQuery;
import dev.coffer.vault.testkit.CofferFixture;
import org.junit.jupiter.api.Test;

/** Every assertion of CofferAssertions, passing and failing, with the failure message it gives. */
class AssertionsTest {

    private final CofferFixture fx = CofferFixture.create();

    @Test
    void auditLogAssertions() {
        fx.vault("kv-audit");
        var rita = fx.user("rita");
        assertThatCall(() -> fx.management("rita").getVault("kv-audit")).isAuthorizationFailed();
        var log = fx.auditLog();
        var scope = fx.findVault("kv-audit").orElseThrow().scope();

        assertThat(log).hasEvent("VaultPut").hasEvent("vaultget").hasNoEvent("VaultPurge")
                .hasEventFor("VaultGet", rita, 403).hasEventOn("VaultPut", scope).hasEventOn("VaultPut", scope.toString())
                .hasEventCount("VaultPut", 1).hasEvent(AuditQuery.all().status(403), "a denial")
                .hasNoEventContaining("not-in-any-event");

        assertThatThrownBy(() -> assertThat(log).hasEvent("VaultPurge")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected an audit event 'VaultPurge' but found none")
                .hasMessageContaining("VaultPut by owner@contoso.example -> 200")
                .hasMessageContaining("VaultGet by rita@contoso.example -> 403 AuthorizationFailed");
        assertThatThrownBy(() -> assertThat(log).hasNoEvent("VaultPut")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected no audit event 'VaultPut' but found 1");
        assertThatThrownBy(() -> assertThat(log).hasEventFor("VaultGet", rita, 200)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("by rita@contoso.example with status 200")
                .hasMessageContaining("the 'VaultGet' events are: VaultGet by rita@contoso.example -> 403");
        assertThatThrownBy(() -> assertThat(log).hasEventFor("VaultDelete", rita, 200)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no 'VaultDelete' event at all");
        assertThatThrownBy(() -> assertThat(log).hasEventOn("VaultPut", "/subscriptions/elsewhere"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("on /subscriptions/elsewhere but found none");
        assertThatThrownBy(() -> assertThat(log).hasEventCount("VaultPut", 2)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 2 audit events 'VaultPut' but found 1");
        assertThatThrownBy(() -> assertThat(log).hasEvent(AuditQuery.all().status(418), "a teapot"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("matching a teapot");
        assertThatThrownBy(() -> assertThat(log).hasNoEventContaining(rita.objectId())).isInstanceOf(AssertionError.class)
                .hasMessageContaining("field 'identity'");
        assertThatThrownBy(() -> assertThat(log).hasNoEventContaining("kv-audit.vault.azure.net"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("field 'requestObjectId'");
        assertThatThrownBy(() -> assertThat(log).hasNoEventContaining("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> assertThat(log).lastEvent("VaultPurge")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("'VaultPurge' but found none");
    }

    @Test
    void auditEventAssertions() {
        fx.vault("kv-ev");
        var log = fx.auditLog();
        var ev = assertThat(log).lastEvent("VaultPut");
        ev.hasOperation("VaultPut").hasCategory(AuditCategory.AUDIT_EVENT).hasStatus(200).hasCaller(fx.owner())
                .hasResource("/subscriptions/" + fx.subscription().id()).hasErrorCode(null);

        assertThatThrownBy(() -> ev.hasStatus(404)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("status <404> but it had <200>").hasMessageContaining("VaultPut by owner");
        assertThatThrownBy(() -> ev.hasCategory(AuditCategory.ADMINISTRATIVE)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("category <Administrative> but it had <AuditEvent>");
        assertThatThrownBy(() -> ev.hasOperation("VaultGet")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("operation <VaultGet> but it had <VaultPut>");
        assertThatThrownBy(() -> ev.hasCaller(fx.platform().systemPrincipal())).isInstanceOf(AssertionError.class)
                .hasMessageContaining("caller <Coffer platform");
        assertThatThrownBy(() -> ev.hasResource("/subscriptions/other")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("resource </subscriptions/other>");
        assertThatThrownBy(() -> ev.hasErrorCode("Conflict")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("error code <Conflict> but it had <null>");
    }

    @Test
    void exceptionAssertionsPass() {
        assertThat((CofferException) new ForbiddenException("AuthorizationFailed", null, "no")).isForbidden().isAuthorizationFailed()
                .hasStatus(403).hasErrorCode("AuthorizationFailed").hasMessage("no");
        assertThat(new ForbiddenException("Forbidden", "ForbiddenByRbac", "no")).isForbidden().hasInnerErrorCode("ForbiddenByRbac");
        assertThat(new ResourceNotFoundException("ResourceGroupNotFound", null, "x")).isNotFound()
                .isNotFound("ResourceGroupNotFound");
        assertThat(new ConflictException("Conflict", "ObjectIsDeletedButRecoverable", "x")).isConflict()
                .isConflict("ObjectIsDeletedButRecoverable").isConflict("Conflict");
        assertThat(new BadParameterException("VaultNameNotValid", null, "x")).isBadParameter().isBadParameter("VaultNameNotValid");
        assertThat(new UnauthorizedException("Unauthorized", null, "x")).isUnauthorized();
        assertThat(new ServiceUnavailableException("AuditUnavailable", null, "x")).isServiceUnavailable();
    }

    @Test
    void exceptionAssertionsFailWithWhatWasThrown() {
        var notFound = new ResourceNotFoundException("ResourceNotFound", null, "The Resource 'kv' was not found.");
        assertThatThrownBy(() -> assertThat(notFound).isForbidden()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected a 403 Forbidden error but was ResourceNotFoundException(404 ResourceNotFound)")
                .hasMessageContaining("The Resource 'kv' was not found.");
        assertThatThrownBy(() -> assertThat(new ForbiddenException("Forbidden", "ForbiddenByRbac", "x")).isAuthorizationFailed())
                .isInstanceOf(AssertionError.class).hasMessageContaining("403 AuthorizationFailed")
                .hasMessageContaining("403 Forbidden/ForbiddenByRbac");
        assertThatThrownBy(() -> assertThat(notFound).isNotFound("ResourceGroupNotFound")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("with code ResourceGroupNotFound but was");
        assertThatThrownBy(() -> assertThat(notFound).isConflict()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("409 Conflict");
        assertThatThrownBy(() -> assertThat(new ConflictException("VaultAlreadyExists", null, "x")).isConflict("Conflict"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("with code Conflict but was ConflictException(409 VaultAlreadyExists)");
        assertThatThrownBy(() -> assertThat(notFound).isBadParameter()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("400 Bad Request");
        assertThatThrownBy(() -> assertThat(new BadParameterException("BadRequest", null, "x")).isBadParameter("VaultNameNotValid"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("code VaultNameNotValid");
        assertThatThrownBy(() -> assertThat(notFound).isNotFound().hasErrorCode("SecretNotFound")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("error code SecretNotFound");
        assertThatThrownBy(() -> assertThat(notFound).hasInnerErrorCode("X")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("inner error code X");
        assertThatThrownBy(() -> assertThat(notFound).hasStatus(500)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("status 500");
        assertThatThrownBy(() -> assertThat(notFound).isUnauthorized()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("401");
        assertThatThrownBy(() -> assertThat(notFound).isServiceUnavailable()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("503");
        assertThatThrownBy(() -> assertThat(notFound).isThrottled()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("429");
    }

    @Test
    void assertThatCallRunsTheCall() {
        assertThatCall(() -> fx.management().getVault("kv-none")).isNotFound("ResourceNotFound");
        assertThatThrownBy(() -> assertThatCall(() -> { })).isInstanceOf(AssertionError.class)
                .hasMessageContaining("but it returned normally");
        assertThatThrownBy(() -> assertThatCall(() -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(AssertionError.class).hasMessageContaining("it threw java.lang.IllegalStateException: boom");
    }

    @Test
    void vaultPropertiesAssertions() {
        var vault = fx.vault(dev.coffer.vault.VaultOptions.named("kv-props").sku(SkuName.PREMIUM).softDeleteRetentionDays(30)
                .tag("env", "dev"));
        assertThat(vault).hasName("kv-props").hasSku(SkuName.PREMIUM).hasRetentionDays(30).hasPurgeProtection(false)
                .hasPermissionModel(PermissionModel.RBAC).hasTag("env", "dev").hasNoTag("team").hasLocation("westeurope");
        var props = vault.properties();

        assertThatThrownBy(() -> assertThat(props).hasSku(SkuName.STANDARD)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected vault 'kv-props' to have sku <STANDARD> but it had <PREMIUM>");
        assertThatThrownBy(() -> assertThat(props).hasRetentionDays(90)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("retention days <90> but it had <30>");
        assertThatThrownBy(() -> assertThat(props).hasPurgeProtection(true)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("purge protection <true> but it had <false>");
        assertThatThrownBy(() -> assertThat(props).hasPermissionModel(PermissionModel.ACCESS_POLICY))
                .isInstanceOf(AssertionError.class).hasMessageContaining("permission model <ACCESS_POLICY> but it had <RBAC>");
        assertThatThrownBy(() -> assertThat(props).hasTag("env", "prod")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("tag env <prod> but it had <dev>");
        assertThatThrownBy(() -> assertThat(props).hasTag("team", "a")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no such tag; tags are {env=dev}");
        assertThatThrownBy(() -> assertThat(props).hasNoTag("env")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no tag <env>");
        assertThatThrownBy(() -> assertThat(props).hasName("kv-other")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("name <kv-other> but it had <kv-props>");
        assertThatThrownBy(() -> assertThat(props).hasLocation("eastus")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("location <eastus> but it had <westeurope>");
    }

    @Test
    void throttledIsRecognised() {
        assertThat(new ThrottledException("slow down", java.time.Duration.ofSeconds(1))).isThrottled();
    }
}
