package io.gatedesk.metrics;

import org.springframework.context.ApplicationContext;

/**
 * Lets {@code io.gatedesk.bench.MetricsBenchmark} drive the rollup, which is package-private: a full rebuild after
 * seeding (the seed writes past timestamps, behind any watermark), and single passes to time them.
 */
public final class MetricsRollupBench {

    private MetricsRollupBench() {
    }

    public static void rebuild(ApplicationContext context) {
        context.getBean(MetricsRollup.class).rebuild();
    }

    /** One incremental pass, with or without the reconciliation of every ticket against its facts. */
    public static boolean pass(ApplicationContext context, boolean reconcile) {
        return context.getBean(MetricsRollup.class).pass(reconcile, false);
    }
}
