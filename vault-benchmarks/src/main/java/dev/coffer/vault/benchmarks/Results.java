package dev.coffer.vault.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where benchmarks that measure something other than time leave their figures for the summarizer. */
final class Results {
    /** The system property naming the results folder; run.sh sets it. */
    static final String DIR_PROPERTY = "coffer.bench.results";

    private Results() {
    }

    static Path dir() throws IOException {
        Path dir = Path.of(System.getProperty(DIR_PROPERTY, "."));
        Files.createDirectories(dir);
        return dir;
    }

    static void writeJson(Path file, Map<String, Object> values) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), values);
    }
}
