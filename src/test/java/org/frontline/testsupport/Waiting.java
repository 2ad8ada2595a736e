package org.frontline.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for something the service does in the background (a change feed, a breaker), by polling. */
public final class Waiting {

    private Waiting() {
    }

    /** Polls the condition every 20 ms until it holds; fails with the description once the limit has passed. */
    public static void until(Duration limit, BooleanSupplier condition, Supplier<String> failure) {
        long until = System.nanoTime() + Math.max(0, limit.toNanos());
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError(failure.get() + " within " + limit.toMillis() + " ms");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
