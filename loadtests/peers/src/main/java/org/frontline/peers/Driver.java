package org.frontline.peers;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one load phase against a target: a warm-up (sent, not measured) then the measured seconds.
 *
 * <p>A request is measured when its (intended) send time falls in the measured window; its latency
 * is recorded when it is answered with an ok outcome. Closed model: N workers, each sends, waits for
 * the whole answer, sends the next. Open model: arrivals on a fixed schedule of R per second, latency
 * from the INTENDED send time (a late sender or a full pool adds to the latency, no coordinated
 * omission); at most {@code maxInFlight} outstanding, further arrivals are counted as errors
 * ("error:in-flight-cap") and not sent.
 */
final class Driver {

    /** The measured outcome of a phase. */
    record Result(long requests, long ok, long errors, long hits, Histogram latencyMicros, Map<String, Long> statuses,
                  long unfinished) {
    }

    private final Target target;
    private final List<Query> queries;
    private final Recorder recorder = new Recorder(3);
    private final LongAdder requests = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder hits = new LongAdder();
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long measureStart;
    private volatile long measureEnd;

    Driver(Target target, List<Query> queries) {
        this.target = target;
        this.queries = queries;
    }

    private Query pick() {
        return queries.get(ThreadLocalRandom.current().nextInt(queries.size()));
    }

    private boolean measured(long sentAt) {
        return sentAt >= measureStart && sentAt < measureEnd;
    }

    private void outcome(long sentAt, String status) {
        long now = System.nanoTime();
        if (!measured(sentAt)) {
            return;
        }
        requests.increment();
        statuses.computeIfAbsent(target.statusKey(status), k -> new LongAdder()).increment();
        if (target.isOk(status)) {
            ok.increment();
            if (Target.OK_HIT.equals(status)) {
                hits.increment();
            }
            recorder.recordValue(Math.max(1, (now - sentAt) / 1_000));
        } else {
            errors.increment();
        }
    }

    private Result result() {
        Map<String, Long> s = new TreeMap<>();
        statuses.forEach((k, v) -> s.put(k, v.sum()));
        return new Result(requests.sum(), ok.sum(), errors.sum(), hits.sum(), recorder.getIntervalHistogram(), s,
                inFlight.get());
    }

    private void window(long warmupNanos, long measureNanos) {
        long start = System.nanoTime();
        measureStart = start + warmupNanos;
        measureEnd = measureStart + measureNanos;
    }

    /** The closed model: {@code workers} loops of send, wait for the answer, send the next. */
    Result closed(int workers, long warmupNanos, long measureNanos, long drainNanos) throws InterruptedException {
        window(warmupNanos, measureNanos);
        CountDownLatch done = new CountDownLatch(workers);
        for (int i = 0; i < workers; i++) {
            new Worker(done).next();
        }
        long deadline = measureEnd + drainNanos;
        done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return result();
    }

    /**
     * One closed-model worker. The answer may come on another thread (event loop, JDBC thread) or, if
     * the target answers at once, on the sending thread: a small trampoline keeps the stack flat.
     */
    private final class Worker {
        private static final int IDLE = 0;
        private static final int SENDING = 1;
        private static final int ANSWERED_WHILE_SENDING = 2;
        private final AtomicInteger state = new AtomicInteger(IDLE);
        private final CountDownLatch done;

        Worker(CountDownLatch done) {
            this.done = done;
        }

        void next() {
            while (true) {
                long sentAt = System.nanoTime();
                if (sentAt >= measureEnd) {
                    done.countDown();
                    return;
                }
                state.set(SENDING);
                inFlight.incrementAndGet();
                target.call(pick()).whenComplete((status, failure) -> {
                    outcome(sentAt, failure == null ? status : Target.error(failure));
                    inFlight.decrementAndGet();
                    if (!state.compareAndSet(SENDING, ANSWERED_WHILE_SENDING)) {
                        next();
                    }
                });
                if (state.compareAndSet(SENDING, IDLE)) {
                    return; // the answer will call next()
                }
                // answered before call() returned: loop here instead of recursing
            }
        }
    }

    /** The open model: {@code rate} arrivals per second on a fixed schedule. */
    Result open(double rate, int maxInFlight, long warmupNanos, long measureNanos, long drainNanos) {
        window(warmupNanos, measureNanos);
        long origin = System.nanoTime();
        for (long i = 0; ; i++) {
            long intended = origin + (long) (i * 1e9 / rate);
            if (intended >= measureEnd) {
                break;
            }
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= maxInFlight) {
                outcome(intended, "error:in-flight-cap");
                continue;
            }
            inFlight.incrementAndGet();
            target.call(pick()).whenComplete((status, failure) -> {
                outcome(intended, failure == null ? status : Target.error(failure));
                inFlight.decrementAndGet(); // after the outcome: the drain below waits for inFlight == 0
            });
        }
        long deadline = measureEnd + drainNanos;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000);
        }
        return result();
    }
}
