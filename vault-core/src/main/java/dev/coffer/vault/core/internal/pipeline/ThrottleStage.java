package dev.coffer.vault.core.internal.pipeline;

import dev.coffer.vault.Scope;
import dev.coffer.vault.ThrottledException;
import dev.coffer.vault.core.ThrottlingPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The throttle stage: sliding windows per vault and per subscription, one per budget. A call is
 * admitted only if both windows have room for its weight; a refused call is not counted, as Azure
 * does not count 429s. Windows read the platform clock.
 */
public final class ThrottleStage implements Stage {
    private final ThrottlingPolicy policy;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * @param policy the limits
     * @param clock  the platform clock
     */
    public ThrottleStage(ThrottlingPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    private static final class Window {
        final ArrayDeque<long[]> entries = new ArrayDeque<>();
        long sum;

        void evict(long now, long windowMillis) {
            while (!entries.isEmpty() && entries.peekFirst()[0] <= now - windowMillis) {
                sum -= entries.pollFirst()[1];
            }
        }

        /** @return millis until {@code weight} more fits under {@code budget} */
        long waitFor(long now, long windowMillis, int weight, long budget) {
            long over = sum + weight - budget;
            Iterator<long[]> it = entries.iterator();
            while (it.hasNext()) {
                long[] e = it.next();
                over -= e[1];
                if (over <= 0) {
                    return e[0] + windowMillis - now;
                }
            }
            return windowMillis;
        }
    }

    private int budget(Charge.Bucket bucket) {
        return switch (bucket) {
            case KEY_TRANSACTIONS -> policy.keyTransactions();
            case SOFTWARE_KEY_CREATES -> policy.softwareKeyCreates();
            case HSM_KEY_CREATES -> policy.hsmKeyCreates();
            case SECRET_CREATES -> policy.secretCreates();
            case SECRET_TRANSACTIONS -> policy.secretTransactions();
        };
    }

    @Override
    public void check(Caller caller, Operation<?> op) {
        Charge charge = op.charge();
        Scope scope = op.scope();
        if (charge == null || scope.vaultName().isEmpty() || scope.subscriptionId().isEmpty()) {
            return;
        }
        String vaultKey = "v:" + scope.vaultName().get().toLowerCase(java.util.Locale.ROOT) + ":" + charge.bucket();
        String subKey = "s:" + scope.subscriptionId().get().toLowerCase(java.util.Locale.ROOT) + ":" + charge.bucket();
        Window vault = windows.computeIfAbsent(vaultKey, k -> new Window());
        Window sub = windows.computeIfAbsent(subKey, k -> new Window());
        int vaultBudget = budget(charge.bucket());
        long subBudget = (long) vaultBudget * policy.subscriptionMultiplier();
        long windowMillis = policy.window().toMillis();
        long now = clock.millis();
        // Lock order is fixed (subscription, then vault) so concurrent calls cannot deadlock.
        synchronized (sub) {
            synchronized (vault) {
                vault.evict(now, windowMillis);
                sub.evict(now, windowMillis);
                long wait = 0;
                String which = null;
                if (vault.sum + charge.weight() > vaultBudget) {
                    wait = vault.waitFor(now, windowMillis, charge.weight(), vaultBudget);
                    which = "vault '" + scope.vaultName().get() + "'";
                } else if (sub.sum + charge.weight() > subBudget) {
                    wait = sub.waitFor(now, windowMillis, charge.weight(), subBudget);
                    which = "subscription '" + scope.subscriptionId().get() + "'";
                }
                if (which != null) {
                    long seconds = Math.max(1, (wait + 999) / 1000);
                    throw new ThrottledException("Rate limit is exceeded. Try again in " + seconds + " seconds. (Limit: "
                            + charge.bucket() + " of " + which + ".)", Duration.ofSeconds(seconds));
                }
                vault.entries.addLast(new long[] {now, charge.weight()});
                vault.sum += charge.weight();
                sub.entries.addLast(new long[] {now, charge.weight()});
                sub.sum += charge.weight();
            }
        }
    }
}
