package dev.coffer.vault.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests run on the class path (Surefire's useModulePath=false), so encapsulation is checked here
 * instead: each jar's compiled module-info must export exactly its API packages, with every
 * implementation package left out.
 */
class ModuleDescriptorTest {

    private static ModuleDescriptor descriptor(String moduleDir) {
        Path root = Path.of(System.getProperty("coffer.project.root", ".."));
        Path classes = root.resolve(moduleDir).resolve("target/classes");
        assertThat(Files.exists(classes.resolve("module-info.class")))
                .as("compiled module-info of %s", moduleDir).isTrue();
        ModuleReference ref = ModuleFinder.of(classes).findAll().iterator().next();
        return ref.descriptor();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "vault-api; dev.coffer.vault.api; dev.coffer.vault,dev.coffer.vault.authorization,dev.coffer.vault.audit,"
                    + "dev.coffer.vault.secrets,dev.coffer.vault.keys,dev.coffer.vault.keys.cryptography,dev.coffer.vault.spi",
            "vault-core; dev.coffer.vault.core; dev.coffer.vault.core",
            "vault-testkit; dev.coffer.vault.testkit; dev.coffer.vault.testkit",
            "vault-tck; dev.coffer.vault.tck; dev.coffer.vault.tck"})
    void exportsOnlyTheApi(String moduleDir, String moduleName, String exports) {
        ModuleDescriptor d = descriptor(moduleDir);
        assertThat(d.name()).isEqualTo(moduleName);
        Set<String> unqualified = d.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertThat(unqualified).containsExactlyInAnyOrder(exports.split(","));
        assertThat(d.packages()).as("every package the jar holds").containsAll(unqualified);
        assertThat(unqualified).noneMatch(p -> p.contains(".internal"));
    }
}
