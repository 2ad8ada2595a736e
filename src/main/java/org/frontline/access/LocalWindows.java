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
        return admit(officerId, now, 1);
    }

    /**
     * Admits (and counts) {@code weight} searches at once at {@code now} (a manifest's travellers): 0, or
     * the milliseconds until the window has room for all of them; never part of them. A weight above the
     * limit never fits: the whole window's wait is answered.
     */
    long admit(String officerId, long now, int weight) {
        if (weight > limit) {
            return windowMs;
        }
        return windows.get(officerId, id -> new Window(Math.min(4, limit))).admit(now, limit, windowMs, weight);
    }

    /** Officers held (after pending evictions have run): the memory bound, for the metric and the tests. */
    long officers() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    /**
     * One officer's admitted entries, oldest first, in a ring: each a time and how many searches it
     * counts (1 for a search, the travellers of a manifest), {@code total} their sum.
     */
    private static final class Window {
        private long[] times;
        private int[] weights;
        private int head;
        private int count;
        private long total;

        Window(int capacity) {
            times = new long[capacity];
            weights = new int[capacity];
        }

        synchronized long admit(long now, int limit, long windowMs, int weight) {
            expire(now - windowMs);
            if (total + weight <= limit) {
                add(now, limit, weight);
                return 0;
            }
            // the wait: until enough of the oldest entries have left the window for this weight to fit
            long freed = 0;
            for (int i = 0; i < count; i++) {
                int at = (head + i) % times.length;
                freed += weights[at];
                if (total - freed + weight <= limit) {
                    return Math.max(1, times[at] + windowMs - now);
                }
            }
            return windowMs;
        }

        private void expire(long horizon) {
            while (count > 0 && times[head] <= horizon) {
                total -= weights[head];
                head = (head + 1) % times.length;
                count--;
            }
        }

        private void add(long now, int limit, int weight) {
            if (count == times.length) {
                int capacity = Math.min(limit, times.length * 2);
                long[] grownTimes = new long[capacity];
                int[] grownWeights = new int[capacity];
                for (int i = 0; i < count; i++) {
                    grownTimes[i] = times[(head + i) % times.length];
                    grownWeights[i] = weights[(head + i) % times.length];
                }
                times = grownTimes;
                weights = grownWeights;
                head = 0;
            }
            times[(head + count) % times.length] = now;
            weights[(head + count) % times.length] = weight;
            count++;
            total += weight;
        }
    }
}
