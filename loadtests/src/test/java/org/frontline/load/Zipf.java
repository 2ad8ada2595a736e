package org.frontline.load;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A Zipf-skewed draw over a fixed pool: the item of rank k (1-based) is drawn with probability
 * proportional to 1 / k^s. The cumulative distribution is computed once; each draw is a binary
 * search, safe from any thread.
 */
final class Zipf<T> {

    private final List<T> pool;
    private final double[] cumulative;

    Zipf(List<T> pool, double exponent) {
        if (pool.isEmpty()) {
            throw new IllegalArgumentException("empty pool");
        }
        this.pool = List.copyOf(pool);
        this.cumulative = new double[pool.size()];
        double sum = 0;
        for (int k = 0; k < pool.size(); k++) {
            sum += 1.0 / Math.pow(k + 1, exponent);
            cumulative[k] = sum;
        }
        for (int k = 0; k < cumulative.length; k++) {
            cumulative[k] /= sum;
        }
    }

    T next() {
        double u = ThreadLocalRandom.current().nextDouble();
        int i = Arrays.binarySearch(cumulative, u);
        int index = i >= 0 ? i : Math.min(-i - 1, cumulative.length - 1);
        return pool.get(index);
    }

    /** The share of draws that fall on the first {@code n} ranks. */
    double headShare(int n) {
        return cumulative[Math.min(n, cumulative.length) - 1];
    }

    int size() {
        return pool.size();
    }
}
