package dev.coffer.vault.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads JMH's JSON results (and the heap figures {@link HeapBenchmark} leaves beside them) and
 * prints the Markdown table of pairs: baseline, Coffer, their ratio with the ratio's error bar taken
 * from the two confidence intervals, the target and a verdict.
 *
 * <p>Every time is turned into time per call (throughput is inverted, batch scores are divided by
 * the batch size), so a ratio is always Coffer's time over the baseline's. A ratio's interval is
 * [Coffer low / baseline high, Coffer high / baseline low] from JMH's 99.9% intervals. A target
 * "at most T" is <b>met</b> when the whole interval is at or under T, <b>missed</b> when the whole
 * interval is over it, and <b>not resolved</b> when the interval straddles T: the error bars are
 * wider than the margin, and only a quieter or longer run can tell.
 *
 * <p>Usage: {@code Summary <jmh-result.json> <results-folder> [label]}.
 */
public final class Summary {
    private static final String PKG = "dev.coffer.vault.benchmarks.";

    private final List<JsonNode> results = new ArrayList<>();
    private final Path folder;
    private final StringBuilder out = new StringBuilder();
    private final List<String> notes = new ArrayList<>();

    private Summary(JsonNode root, Path folder) {
        root.forEach(results::add);
        this.folder = folder;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Summary <jmh-result.json> <results-folder> [label]");
            System.exit(2);
        }
        JsonNode root = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Summary s = new Summary(root, Path.of(args[1]));
        String label = args.length > 2 ? args[2] : "full";
        PrintStream ps = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ps.print(s.render(label));
    }

    /** One measured figure as time per call in nanoseconds, with its 99.9% interval. */
    record Figure(double ns, double lo, double hi, double median, double allocBytes, String raw) {
        boolean resolved() {
            return !Double.isNaN(lo) && !Double.isNaN(hi);
        }
    }

    /** A ratio and its interval. */
    record Ratio(double value, double lo, double hi) {
        static Ratio of(Figure coffer, Figure baseline) {
            return bounded(coffer.ns / baseline.ns, coffer.lo, coffer.hi, baseline.lo, baseline.hi);
        }

        Ratio over(Ratio other) {
            return bounded(value / other.value, lo, hi, other.lo, other.hi);
        }

        /**
         * Interval of a quotient. A wide interval can reach below zero (JMH's mean minus error); a time
         * is never negative, so the numerator's low end is clamped at 0, and a denominator that may be
         * 0 makes the upper end unbounded: the ratio is then not resolved.
         */
        private static Ratio bounded(double value, double numLo, double numHi, double denLo, double denHi) {
            double lo = Math.max(0, numLo) / denHi;
            double hi = denLo <= 0 ? Double.POSITIVE_INFINITY : numHi / denLo;
            return new Ratio(value, lo, hi);
        }
    }

    private Figure find(String benchmark, String param, String value) {
        for (JsonNode r : results) {
            if (!r.path("benchmark").asText().equals(PKG + benchmark)) {
                continue;
            }
            if (param != null && !value.equals(r.path("params").path(param).asText())) {
                continue;
            }
            return figure(r);
        }
        return null;
    }

    static Figure figure(JsonNode r) {
        JsonNode m = r.path("primaryMetric");
        String unit = m.path("scoreUnit").asText();
        double batch = Math.max(1, r.path("measurementBatchSize").asInt(1));
        double score = m.path("score").asDouble();
        JsonNode ci = m.path("scoreConfidence");
        double lo = ci.size() == 2 ? ci.get(0).asDouble() : Double.NaN;
        double hi = ci.size() == 2 ? ci.get(1).asDouble() : Double.NaN;
        double median = m.path("scorePercentiles").path("50.0").asDouble(Double.NaN);
        JsonNode secondary = r.path("secondaryMetrics");
        // JMH 1.37 names it "gc.alloc.rate.norm"; older versions put a middle dot in front.
        JsonNode norm = secondary.has("gc.alloc.rate.norm") ? secondary.path("gc.alloc.rate.norm") : secondary.path("·gc.alloc.rate.norm");
        double alloc = norm.path("score").asDouble(Double.NaN) / batch;
        String raw = String.format(Locale.ROOT, "%.3f ± %s %s", score,
                Double.isNaN(m.path("scoreError").asDouble(Double.NaN)) ? "NaN"
                        : String.format(Locale.ROOT, "%.3f", m.path("scoreError").asDouble()), unit);
        String[] parts = unit.split("/");
        if (parts[0].equals("ops")) {
            // Throughput: calls per unit of time, turned into time per call (the interval swaps ends).
            double perUnit = nanos(parts[1]);
            return new Figure(perUnit / score, perUnit / hi, perUnit / lo, Double.NaN, alloc, raw);
        }
        double scale = nanos(parts[0]) / batch;
        return new Figure(score * scale, lo * scale, hi * scale, median * scale, alloc, raw);
    }

    private static double nanos(String unit) {
        switch (unit) {
            case "ns":
                return 1;
            case "us":
                return 1e3;
            case "ms":
                return 1e6;
            case "s":
                return 1e9;
            case "min":
                return 60e9;
            default:
                throw new IllegalArgumentException("unknown time unit " + unit);
        }
    }

    static String time(double ns) {
        if (Double.isNaN(ns)) {
            return "—";
        }
        if (ns < 1e3) {
            return String.format(Locale.ROOT, "%.1f ns", ns);
        }
        if (ns < 1e6) {
            return String.format(Locale.ROOT, "%.2f µs", ns / 1e3);
        }
        if (ns < 1e9) {
            return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
    }

    static String withError(Figure f) {
        if (f == null) {
            return "not run";
        }
        if (!f.resolved()) {
            return time(f.ns) + " ± ?";
        }
        return time(f.ns) + " ± " + time(Math.max(f.hi - f.ns, f.ns - f.lo));
    }

    static String ratio(Ratio r) {
        return String.format(Locale.ROOT, "%.2f×", r.value);
    }

    static String ratioError(Ratio r) {
        if (Double.isNaN(r.lo) || Double.isNaN(r.hi)) {
            return "?";
        }
        if (Double.isInfinite(r.hi)) {
            return String.format(Locale.ROOT, "unbounded (%.2f–∞)", r.lo);
        }
        return String.format(Locale.ROOT, "± %.2f (%.2f–%.2f)", Math.max(r.hi - r.value, r.value - r.lo), r.lo, r.hi);
    }

    /** Verdict of "at most target" for an interval. */
    static String verdict(double lo, double hi, double target) {
        if (Double.isNaN(lo) || Double.isNaN(hi) || Double.isInfinite(hi)) {
            return "not resolved";
        }
        if (hi <= target) {
            return "met";
        }
        if (lo > target) {
            return "missed";
        }
        return "not resolved";
    }

    private void row(String what, Figure baseline, Figure coffer, double target, String targetText) {
        if (baseline == null || coffer == null) {
            out.append("| ").append(what).append(" | ").append(withError(baseline)).append(" | ").append(withError(coffer))
                    .append(" | — | — | ").append(targetText).append(" | not run |\n");
            return;
        }
        Ratio r = Ratio.of(coffer, baseline);
        String verdict = Double.isNaN(target) ? "reported" : verdict(r.lo, r.hi, target);
        out.append("| ").append(what).append(" | ").append(withError(baseline)).append(" | ").append(withError(coffer))
                .append(" | ").append(ratio(r)).append(" | ").append(ratioError(r)).append(" | ").append(targetText)
                .append(" | ").append(verdict).append(" |").append(alloc(baseline, coffer)).append('\n');
    }

    private static String alloc(Figure baseline, Figure coffer) {
        if (Double.isNaN(baseline.allocBytes) && Double.isNaN(coffer.allocBytes)) {
            return " — |";
        }
        return String.format(Locale.ROOT, " %s / %s |", bytes(baseline.allocBytes), bytes(coffer.allocBytes));
    }

    private static String bytes(double b) {
        return Double.isNaN(b) ? "—" : String.format(Locale.ROOT, "%.0f B", b);
    }

    private void header(String title) {
        out.append("\n### ").append(title).append("\n\n");
        out.append("| benchmark | baseline | Coffer | ratio | ratio's error (99.9%) | target | verdict | alloc/call (baseline / Coffer) |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
    }

    String render(String label) throws IOException {
        JsonNode any = results.isEmpty() ? null : results.get(0);
        out.append("## Coffer benchmarks (").append(label).append(" run)\n\n");
        if (label.toLowerCase(Locale.ROOT).contains("smoke")) {
            out.append("**Smoke settings (1 fork, 1 short warmup, 2 short iterations): for a quick look only; the "
                    + "error bars are wide and the figures are not to be quoted.**\n\n");
        }
        if (any != null) {
            out.append("JMH ").append(any.path("jmhVersion").asText()).append(", ").append(any.path("vmName").asText())
                    .append(' ').append(any.path("vmVersion").asText()).append(", ")
                    .append(Runtime.getRuntime().availableProcessors()).append(" processors. ")
                    .append("Errors are JMH's 99.9% confidence intervals; times are per call.\n");
        }

        header("Secrets");
        for (String size : new String[] {"1000", "1000000"}) {
            row("getSecret vs map get, " + count(size) + " secrets", find("SecretReadBenchmark.mapGet", "size", size),
                    find("SecretReadBenchmark.getSecret", "size", size), 20, "≤ 20×");
        }
        row("setSecret new name vs map put (batches of 10,000 on 10,000)", find("SecretWriteBenchmark.mapPutNewKey", null, null),
                find("SecretWriteBenchmark.setSecretNewName", null, null), Double.NaN, "—");
        row("setSecret new version vs per-key list append", find("SecretWriteBenchmark.mapListAppend", null, null),
                find("SecretWriteBenchmark.setSecretNewVersion", null, null), Double.NaN, "—");

        perTest();
        scale();
        authorization();

        header("Concurrency (reported, no target)");
        row("audit append, 1 thread (vs ArrayBlockingQueue)", find("ConcurrencyBenchmark.queueAppend1Thread", null, null),
                find("ConcurrencyBenchmark.auditAppend1Thread", null, null), Double.NaN, "—");
        row("audit append, 2 threads", find("ConcurrencyBenchmark.queueAppend2Threads", null, null),
                find("ConcurrencyBenchmark.auditAppend2Threads", null, null), Double.NaN, "—");
        row("getSecret, 1,000 secrets, 1 thread", find("ConcurrencyBenchmark.mapGet1Thread", null, null),
                find("ConcurrencyBenchmark.getSecret1Thread", null, null), Double.NaN, "—");
        row("getSecret, 1,000 secrets, 2 threads", find("ConcurrencyBenchmark.mapGet2Threads", null, null),
                find("ConcurrencyBenchmark.getSecret2Threads", null, null), Double.NaN, "—");
        out.append("\nThroughput benchmarks are shown as time per call: each thread's time is the inverse of the "
                + "total throughput, so with 2 threads the figure is per call of either thread.\n");

        crypto();
        keyPool();

        if (!notes.isEmpty()) {
            out.append("\n### Notes\n\n");
            for (String n : notes) {
                out.append("- ").append(n).append('\n');
            }
        }
        return out.toString();
    }

    private static String count(String size) {
        return String.format(Locale.ROOT, "%,d", Long.parseLong(size));
    }

    private void perTest() {
        header("Per-test cost: a fresh platform and vault");
        Figure map = find("FreshPlatformBenchmark.mapFresh", null, null);
        for (String[] b : new String[][] {{"builderPlatformAndVault", "builder + management calls"},
                {"fixturePlatformAndVault", "CofferFixture (fresh keys) + vault(..)"}}) {
            Figure f = find("FreshPlatformBenchmark." + b[0], null, null);
            if (f == null || map == null) {
                row("fresh platform + vault, " + b[1], map, f, Double.NaN, "median < 1 ms");
                continue;
            }
            Ratio r = Ratio.of(f, map);
            // The target is on the median; JMH gives no interval for a percentile, so the verdict reads the median alone.
            String verdict = Double.isNaN(f.median) ? "not resolved" : (f.median < 1e6 ? "met" : "missed");
            out.append("| fresh platform + vault, ").append(b[1]).append(" (median; mean ± error: ")
                    .append(withError(f)).append(") | ").append(time(map.median)).append(" | ").append(time(f.median))
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f×", f.median / map.median)).append(" | ")
                    .append("mean ratio ").append(ratio(r)).append(' ').append(ratioError(r))
                    .append(" | median < 1 ms | ").append(verdict).append(" |").append(alloc(map, f)).append('\n');
        }
    }

    private void keyPool() {
        header("Per-test cost: creating an RSA-2048 key");
        Figure generating = find("KeyCreationBenchmark.createRsaKeyGenerating", null, null);
        Figure pooled = find("KeyCreationBenchmark.createRsaKeyFromPool", null, null);
        if (generating == null || pooled == null) {
            row("createRsaKey, pair ready vs generating", generating, pooled, Double.NaN, "≥ 1000× faster");
            return;
        }
        Ratio r = Ratio.of(generating, pooled);
        // Here the target is a speed-up: the baseline over Coffer must be at least 1000.
        String verdict = Double.isNaN(r.lo) ? "not resolved" : r.lo >= 1000 ? "met" : r.hi < 1000 ? "missed" : "not resolved";
        out.append("| createRsaKey, pair ready (Coffer) vs generating in the call (baseline) | ").append(withError(generating))
                .append(" | ").append(withError(pooled)).append(" | ")
                .append(String.format(Locale.ROOT, "%.0f× faster", generating.ns() / pooled.ns())).append(" | ")
                .append(ratioError(r)).append(" | ≥ 1000× faster | ").append(verdict).append(" |")
                .append(alloc(generating, pooled)).append('\n');
    }

    private void scale() throws IOException {
        header("Scale");
        JsonNode mapHeap = readJson("heap-map-1000000.json");
        JsonNode cofferHeap = readJson("heap-coffer-1000000.json");
        if (cofferHeap == null) {
            out.append("| heap per secret beyond its value, 1,000,000 secrets | — | — | — | — | < 1 KiB | not run |  |\n");
        } else {
            double per = cofferHeap.path("bytesPerEntryBeyondValue").asDouble();
            double base = mapHeap == null ? Double.NaN : mapHeap.path("bytesPerEntryBeyondValue").asDouble();
            out.append(String.format(Locale.ROOT,
                    "| heap per secret beyond its %d value bytes, 1,000,000 secrets (one GC-settled measurement) | %s | %.0f B | %s | "
                            + "single measurement | < 1 KiB | %s |  |\n",
                    cofferHeap.path("valueBytes").asInt(), Double.isNaN(base) ? "not run" : String.format(Locale.ROOT, "%.0f B", base),
                    per, Double.isNaN(base) ? "—" : String.format(Locale.ROOT, "%.2f×", per / base), per < 1024 ? "met" : "missed"));
            notes.add(String.format(Locale.ROOT, "Reported apart from the per-secret heap: the audit log at its fixed capacity "
                            + "of %,d events holds %.1f MiB (%.0f B per event); the authorization caches (group memberships "
                            + "and role verdicts, per generation) held %.1f MiB after the fill.",
                    cofferHeap.path("auditCapacity").asInt(), cofferHeap.path("auditLogBytes").asDouble() / (1 << 20),
                    cofferHeap.path("auditBytesPerEvent").asDouble(), cofferHeap.path("decisionCacheBytes").asDouble() / (1 << 20)));
        }

        Figure m1k = find("SecretReadBenchmark.mapGet", "size", "1000");
        Figure m1m = find("SecretReadBenchmark.mapGet", "size", "1000000");
        Figure c1k = find("SecretReadBenchmark.getSecret", "size", "1000");
        Figure c1m = find("SecretReadBenchmark.getSecret", "size", "1000000");
        if (m1k != null && m1m != null && c1k != null && c1m != null) {
            Ratio mapGrowth = Ratio.of(m1m, m1k);
            Ratio cofferGrowth = Ratio.of(c1m, c1k);
            Ratio rel = cofferGrowth.over(mapGrowth);
            out.append("| getSecret growth 1,000 → 1,000,000, relative to the map's | map ").append(ratio(mapGrowth))
                    .append(" | Coffer ").append(ratio(cofferGrowth)).append(" | ").append(ratio(rel)).append(" | ")
                    .append(ratioError(rel)).append(" | ≤ 1.5× | ").append(verdict(rel.lo, rel.hi, 1.5)).append(" |  |\n");
        } else {
            out.append("| getSecret growth 1,000 → 1,000,000, relative to the map's | — | — | — | — | ≤ 1.5× | not run |  |\n");
        }
        for (String size : new String[] {"1000", "1000000"}) {
            row("full paged listing, " + count(size) + " secrets (vs map iteration)", find("ListingBenchmark.mapIterate", "size", size),
                    find("ListingBenchmark.listSecrets", "size", size), Double.NaN, "—");
        }
    }

    private void authorization() {
        header("Authorization: 100,000 role assignments on the platform against 10 (the baseline column is the 10)");
        String[][] kinds = {
                {"getSecretCached", "getSecret, authorization caches warm (repeat call)"},
                {"getSecretAfterInvalidation", "getSecret, authorization caches invalidated"},
                {"decisionCached", "engine decision alone, cached"},
                {"decisionAfterInvalidation", "engine decision alone, after invalidation"}};
        for (String[] k : kinds) {
            row(k[1], find("AuthorizationBenchmark." + k[0], "assignments", "10"),
                    find("AuthorizationBenchmark." + k[0], "assignments", "100000"), 2, "≤ 2×");
        }
    }

    private void crypto() {
        List<String[]> pairs = new ArrayList<>();
        for (JsonNode r : results) {
            String b = r.path("benchmark").asText();
            if (b.startsWith(PKG + "CryptoBenchmark.raw")) {
                pairs.add(new String[] {b.substring((PKG + "CryptoBenchmark.raw").length())});
            }
        }
        if (pairs.isEmpty()) {
            return;
        }
        header("Cryptography (baseline: the same JCA operation, same provider, called directly)");
        for (String[] p : pairs) {
            String op = p[0];
            double target = op.startsWith("Es") ? 1.10 : 1.05;
            boolean targeted = !op.startsWith("Es256k") && !op.contains("Encrypt");
            row(op + " (CryptographyClient)", find("CryptoBenchmark.raw" + op, null, null),
                    find("CryptoBenchmark.coffer" + op, null, null),
                    targeted ? target : Double.NaN, targeted ? String.format(Locale.ROOT, "≤ %.2f×", target) : "—");
        }
        // The provider alone splits a miss between the provider's own work and the call pipeline.
        for (String[] p : pairs) {
            Figure provider = find("CryptoBenchmark.provider" + p[0], null, null);
            if (provider != null) {
                row(p[0] + " (provider SPI alone, diagnostic, 1 fork)", find("CryptoBenchmark.raw" + p[0], null, null),
                        provider, Double.NaN, "—");
            }
        }
    }

    private JsonNode readJson(String name) throws IOException {
        Path p = folder.resolve(name);
        return Files.exists(p) ? new ObjectMapper().readTree(p.toFile()) : null;
    }
}
