package org.frontline.cache;

import org.frontline.model.QueryKind;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The generation of each (source, kind): part of every cache key, so that moving it on makes every
 * older answer of that source and kind unreachable in both tiers at once. Values only grow. A local
 * bump takes {@code max(current + 1, now in ms)}, so a value chosen while Redis is away is never one
 * that was handed out before, by this instance or another (clocks roughly agree); values seen from
 * Redis are merged by taking the larger.
 */
final class Generations {

    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    Generations(Map<String, ? extends Iterable<QueryKind>> kindsBySource, long now) {
        kindsBySource.forEach((source, kinds) -> kinds.forEach(kind -> values.put(name(source, kind), new AtomicLong(now))));
    }

    static String name(String source, QueryKind kind) {
        return source + '|' + kind;
    }

    long current(String source, QueryKind kind) {
        AtomicLong value = values.get(name(source, kind));
        return value == null ? 0 : value.get();
    }

    /** Moves the generation on, here, at once; returns the new value. */
    long bump(String source, QueryKind kind, long now) {
        AtomicLong value = values.get(name(source, kind));
        return value == null ? 0 : value.updateAndGet(g -> Math.max(g + 1, now));
    }

    /** Takes a value seen elsewhere if it is newer; true when it was. */
    boolean advance(String name, long seen) {
        AtomicLong value = values.get(name);
        if (value == null) {
            return false;
        }
        long before = value.getAndAccumulate(seen, Math::max);
        return seen > before;
    }

    /** Every (source|kind) with its value, in a stable order. */
    Map<String, Long> snapshot() {
        Map<String, Long> copy = new LinkedHashMap<>();
        values.keySet().stream().sorted().forEach(k -> copy.put(k, values.get(k).get()));
        return copy;
    }
}
