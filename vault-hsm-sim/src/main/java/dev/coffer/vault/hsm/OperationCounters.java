package dev.coffer.vault.hsm;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of how many operations of each class succeeded, for a partition or for one key.
 *
 * @param counts the count per operation class; classes never used are absent
 */
public record OperationCounters(Map<OperationClass, Long> counts) {

    /** Copies the map, so the snapshot never changes. */
    public OperationCounters {
        Map<OperationClass, Long> copy = new EnumMap<>(OperationClass.class);
        copy.putAll(counts);
        counts = Collections.unmodifiableMap(copy);
    }

    /**
     * @param operation an operation class
     * @return how many succeeded; 0 if none
     */
    public long count(OperationClass operation) {
        return counts.getOrDefault(operation, 0L);
    }

    /** @return the sum over all classes */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
