package dev.coffer.vault.hsm;

import dev.coffer.vault.keys.KeyType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long each device operation takes in the simulation. Off ({@link #none()}) by default, because a unit
 * test wants speed; switched on to exercise timeouts and throughput limits in the code above the provider.
 */
@FunctionalInterface
public interface LatencyModel {

    /**
     * @param operation the operation class
     * @param keyType   the key type, or null when the operation has none
     * @param keySize   the key size in bits, or 0 when unknown
     * @return the simulated duration; zero or positive, never null
     */
    Duration latency(OperationClass operation, KeyType keyType, int keySize);

    /** @return the model with no latency at all (the default) */
    static LatencyModel none() {
        return (operation, keyType, keySize) -> Duration.ZERO;
    }

    /**
     * A fixed duration per operation class; classes not in the map take none.
     *
     * @param perOperation the durations; copied; none negative
     * @return the model
     * @throws IllegalArgumentException if a duration is negative
     */
    static LatencyModel fixed(Map<OperationClass, Duration> perOperation) {
        Map<OperationClass, Duration> copy = new EnumMap<>(OperationClass.class);
        perOperation.forEach((operation, duration) -> {
            Objects.requireNonNull(operation, "operation");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("latency of " + operation + " must not be negative");
            }
            copy.put(operation, duration);
        });
        return (operation, keyType, keySize) -> copy.getOrDefault(operation, Duration.ZERO);
    }
}
