package dev.coffer.vault.tests;

import static dev.coffer.vault.testkit.CofferAssertions.assertThat;
import static dev.coffer.vault.testkit.CofferAssertions.assertThatCall;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coffer.vault.CofferPlatform;
import dev.coffer.vault.Location;
import dev.coffer.vault.Principal;
import dev.coffer.vault.VaultManager;
import dev.coffer.vault.audit.AuditLog;
import dev.coffer.vault.testkit.CofferTest;
import dev.coffer.vault.testkit.User;
import org.junit.jupiter.api.Test;

/** A missing argument is a 400 that is audited and changes nothing, not a NullPointerException; shared tables stay shared. */
@CofferTest
class MissingArgumentsTest {

    @Test
    void missingOptionsAreBadParameterAndAudited(VaultManager owner, AuditLog audit) {
        assertThatCall(() -> owner.createVault(null)).isBadParameter();
        assertThatCall(() -> owner.updateVault("kv-none", null)).isBadParameter();
        assertThat(audit).hasEventFor("VaultPut", owner.context().caller(), 400);
        assertThat(audit).hasEventFor("VaultPatch", owner.context().caller(), 400);
    }

    @Test
    void missingPrincipalsInDirectoryCallsAreBadParameter(CofferPlatform platform, @User("ann") Principal ann) {
        Principal group = platform.directory().createGroup("g");
        assertThatCall(() -> platform.directory().addMember(null, ann)).isBadParameter();
        assertThatCall(() -> platform.directory().addMember(group, null)).isBadParameter();
        assertThatCall(() -> platform.directory().setEnabled(null, false)).isBadParameter();
        assertThatCall(() -> platform.directory().transitiveGroupIds(null)).isBadParameter();
    }

    @Test
    void theLocationTableCannotBeChangedFromOutside() {
        assertThatThrownBy(() -> Location.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThat(Location.find("westeurope")).isPresent();
    }
}
