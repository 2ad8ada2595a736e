package org.frontline.access;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed one-minute window per officer: at most N searches, then refusals until the window ends.
 * Time comes from the injected clock. Windows of officers who stopped searching are dropped.
 */
@ApplicationScoped
public class RateLimiter {

    private final Clock clock;
    private final AccessPolicy policy;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(Clock clock, AccessPolicy policy) {
        this.clock = clock;
        this.policy = policy;
    }

    private record Window(long minute, AtomicInteger used) {
    }

    /** 0 when the search may go ahead, else the seconds to wait before the next one. */
    public long secondsToWait(String officerId) {
        long now = clock.millis();
        long minute = now / 60_000;
        Window window = windows.compute(officerId, (id, w) -> w == null || w.minute() != minute
                ? new Window(minute, new AtomicInteger()) : w);
        if (window.used().incrementAndGet() <= policy.searchesPerMinute()) {
            if (windows.size() > 10_000) {
                windows.values().removeIf(w -> w.minute() < minute);
            }
            return 0;
        }
        return Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
    }
}
