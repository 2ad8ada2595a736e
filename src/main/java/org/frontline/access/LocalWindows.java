package org.frontline.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;

/**
 * The same sliding window as {@link SharedWindows}, counted by this instance alone: per officer, the
 * times of the searches admitted in the last window, at most {@code limit} of them, in a ring that
 * grows only as far as the officer actually searched. The officers are held in Caffeine with
 * expire-after-access of one window (an officer silent for a window has nothing left to count) and a
 * maximum size, so memory is bounded and no request ever walks the whole table. Past the bound
 * Caffeine drops the officers it values least, and a dropped officer starts afresh here: the bound
 * ({@code local-max-officers}, 50,000) sits far above the officers one instance serves in a minute,
 * and while Redis is up the shared window, not this one, decides.
 */
final class LocalWindows {

    private final int limit;
    private final long windowMs;
    private final Cache<String, Window> windows;

    LocalWindows(int limit, Duration window, long maxOfficers, Ticker ticker) {
        if (limit < 1) {
            throw new IllegalArgumentException("rate-limit.per-minute must be at least 1, was " + limit);
        }
        if (maxOfficers < 1) {
            throw new IllegalArgumentException("rate-limit.local-max-officers must be at least 1, was " + maxOfficers);
        }
        this.limit = limit;
        this.windowMs = window.toMillis();
        this.windows = Caffeine.newBuilder()
                .maximumSize(maxOfficers)
                .expireAfterAccess(window)
                .ticker(ticker)
                .build();
    }

    /** Admits (and counts) a search at {@code now}: 0, or the milliseconds until the officer may search again. */
    long admit(String officerId, long now) {
        return windows.get(officerId, id -> new Window(Math.min(4, limit))).admit(now, limit, windowMs);
    }

    /** Officers held (after pending evictions have run): the memory bound, for the metric and the tests. */
    long officers() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    /** One officer's admitted search times, oldest first, in a ring. */
    private static final class Window {
        private long[] times;
        private int head;
        private int count;

        Window(int capacity) {
            times = new long[capacity];
        }

        synchronized long admit(long now, int limit, long windowMs) {
            expire(now - windowMs);
            if (count < limit) {
                add(now, limit);
                return 0;
            }
            return Math.max(1, times[head] + windowMs - now);
        }

        private void expire(long horizon) {
            while (count > 0 && times[head] <= horizon) {
                head = (head + 1) % times.length;
                count--;
            }
        }

        private void add(long now, int limit) {
            if (count == times.length) {
                long[] grown = new long[Math.min(limit, times.length * 2)];
                for (int i = 0; i < count; i++) {
                    grown[i] = times[(head + i) % times.length];
                }
                times = grown;
                head = 0;
            }
            times[(head + count) % times.length] = now;
            count++;
        }
    }
}
