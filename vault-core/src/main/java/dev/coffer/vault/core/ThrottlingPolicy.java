package dev.coffer.vault.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Service limits for the pipeline's throttle stage, opt-in through
 * {@link CofferBuilder#throttling(ThrottlingPolicy)}. {@link #azure()} is Azure Key Vault's published
 * model: per vault and per 10-second sliding window, a weighted budget of 4,000 units for key
 * operations (software RSA-2048 and EC cost 1, HSM RSA-2048 and EC 2, software RSA-3072 4, HSM RSA-3072
 * 8, software RSA-4096 8, HSM RSA-4096 16), 20 software and 10 HSM key creations, 300 secret creations
 * and 4,000 other secret (and vault) transactions; each subscription may use five times a vault's limit
 * across its vaults. A call over a limit fails with 429 and a retry-after, and is not counted, as in Azure.
 * The window reads the platform clock, so tests move the clock instead of sleeping.
 *
 * <pre>{@code
 * CofferPlatform platform = Coffer.inMemory()
 *         .throttling(ThrottlingPolicy.azure())
 *         .build();
 * }</pre>
 */
public final class ThrottlingPolicy {
    private final Duration window;
    private final int keyTransactions;
    private final int softwareKeyCreates;
    private final int hsmKeyCreates;
    private final int secretCreates;
    private final int secretTransactions;
    private final int subscriptionMultiplier;

    private ThrottlingPolicy(Builder b) {
        this.window = b.window;
        this.keyTransactions = b.keyTransactions;
        this.softwareKeyCreates = b.softwareKeyCreates;
        this.hsmKeyCreates = b.hsmKeyCreates;
        this.secretCreates = b.secretCreates;
        this.secretTransactions = b.secretTransactions;
        this.subscriptionMultiplier = b.subscriptionMultiplier;
    }

    /** @return Azure's published limits */
    public static ThrottlingPolicy azure() {
        return builder().build();
    }

    /** @return a builder starting from Azure's limits */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the sliding window */
    public Duration window() {
        return window;
    }

    /** @return the weighted key-operation budget per vault and window */
    public int keyTransactions() {
        return keyTransactions;
    }

    /** @return software key creations per vault and window */
    public int softwareKeyCreates() {
        return softwareKeyCreates;
    }

    /** @return HSM key creations per vault and window */
    public int hsmKeyCreates() {
        return hsmKeyCreates;
    }

    /** @return secret creations per vault and window */
    public int secretCreates() {
        return secretCreates;
    }

    /** @return other secret and vault transactions per vault and window */
    public int secretTransactions() {
        return secretTransactions;
    }

    /** @return how many vaults' worth of budget a subscription has across its vaults */
    public int subscriptionMultiplier() {
        return subscriptionMultiplier;
    }

    /** Builds a {@link ThrottlingPolicy}; every limit must be positive. */
    public static final class Builder {
        private Duration window = Duration.ofSeconds(10);
        private int keyTransactions = 4_000;
        private int softwareKeyCreates = 20;
        private int hsmKeyCreates = 10;
        private int secretCreates = 300;
        private int secretTransactions = 4_000;
        private int subscriptionMultiplier = 5;

        private Builder() {
        }

        private static int positive(int v, String what) {
            if (v < 1) {
                throw new IllegalArgumentException(what + " must be positive, was " + v);
            }
            return v;
        }

        /**
         * @param window the sliding window (default 10 s)
         * @return this
         */
        public Builder window(Duration window) {
            if (Objects.requireNonNull(window).isZero() || window.isNegative()) {
                throw new IllegalArgumentException("window must be positive");
            }
            this.window = window;
            return this;
        }

        /**
         * @param units weighted key-operation budget (default 4,000)
         * @return this
         */
        public Builder keyTransactions(int units) {
            this.keyTransactions = positive(units, "keyTransactions");
            return this;
        }

        /**
         * @param n software key creations (default 20)
         * @return this
         */
        public Builder softwareKeyCreates(int n) {
            this.softwareKeyCreates = positive(n, "softwareKeyCreates");
            return this;
        }

        /**
         * @param n HSM key creations (default 10)
         * @return this
         */
        public Builder hsmKeyCreates(int n) {
            this.hsmKeyCreates = positive(n, "hsmKeyCreates");
            return this;
        }

        /**
         * @param n secret creations (default 300)
         * @return this
         */
        public Builder secretCreates(int n) {
            this.secretCreates = positive(n, "secretCreates");
            return this;
        }

        /**
         * @param n other secret transactions (default 4,000)
         * @return this
         */
        public Builder secretTransactions(int n) {
            this.secretTransactions = positive(n, "secretTransactions");
            return this;
        }

        /**
         * @param n the subscription-wide multiple of a vault's limits (default 5)
         * @return this
         */
        public Builder subscriptionMultiplier(int n) {
            this.subscriptionMultiplier = positive(n, "subscriptionMultiplier");
            return this;
        }

        /** @return the policy */
        public ThrottlingPolicy build() {
            return new ThrottlingPolicy(this);
        }
    }
}
