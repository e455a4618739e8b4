package dev.coffer.vault.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The compiled module-info exports the device's API and hides its implementation. */
class ModuleDescriptorTest {

    @Test
    void exportsOnlyThePublicPackage() throws Exception {
        Path classes = Path.of(SimulatedHsm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path compiled = classes.resolve("module-info.class");
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(compiled)) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.name()).isEqualTo("dev.coffer.vault.hsm");
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactly("dev.coffer.vault.hsm");
        assertThat(classes.resolve("dev/coffer/vault/hsm/internal/Device.class")).as("the hidden implementation")
                .exists();
    }
}
