package dev.coffer.vault.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The compiled module-info keeps the engine out of the public API: its one export is qualified. */
class ModuleDescriptorTest {

    @Test
    void exportsTheEngineOnlyToTheCoreAndTheHsm() throws Exception {
        Path classes = Path.of(CryptoEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.name()).isEqualTo("dev.coffer.vault.crypto");
        assertThat(descriptor.exports()).as("no unqualified export").noneMatch(e -> !e.isQualified());
        assertThat(descriptor.exports()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("dev.coffer.vault.crypto.internal");
            assertThat(e.targets()).isEqualTo(Set.of("dev.coffer.vault.core", "dev.coffer.vault.hsm"));
        });
        assertThat(descriptor.opens()).as("nothing opened for reflection").isEmpty();
    }
}
