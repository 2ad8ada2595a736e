package org.frontline.api;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.smallrye.mutiny.subscription.UniEmitter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The manifests' lane: never more than its size at once, in order, places given on after failure and cancellation. */
class LaneTest {

    @Test
    void atMostSizeAtOnceTheOthersWaitInOrderAndPlacesAreGivenOn() {
        Lane lane = new Lane(2);
        List<UniEmitter<? super String>> running = new ArrayList<>();
        AtomicInteger started = new AtomicInteger();
        List<UniAssertSubscriber<String>> pieces = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pieces.add(lane.run(() -> Uni.createFrom().<String>emitter(e -> {
                started.incrementAndGet();
                running.add(e);
            })).subscribe().withSubscriber(UniAssertSubscriber.create()));
        }
        assertEquals(2, started.get(), "two at once");
        assertEquals(2, lane.inUse());
        assertEquals(3, lane.waiting());

        running.get(0).complete("done");
        pieces.get(0).assertItem("done");
        assertEquals(3, started.get(), "the third starts when the first ends");

        running.get(1).fail(new IllegalStateException("source failed"));
        pieces.get(1).assertFailedWith(IllegalStateException.class);
        assertEquals(4, started.get(), "a failure gives its place on too");

        pieces.get(2).cancel();
        assertEquals(5, started.get(), "a piece cancelled while running gives its place to the fifth");
        assertEquals(2, lane.inUse());
        running.get(2).complete("late");   // the cancelled third's work ending late changes nothing
        assertEquals(2, lane.inUse());

        AtomicInteger sixthStarted = new AtomicInteger();
        UniAssertSubscriber<String> sixth = lane.run(() -> Uni.createFrom().<String>emitter(e -> sixthStarted.incrementAndGet()))
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        assertEquals(1, lane.waiting());
        sixth.cancel();
        assertEquals(0, lane.waiting(), "a piece cancelled while waiting leaves the queue");
        running.get(3).complete("four");
        pieces.get(3).assertItem("four");
        running.get(4).complete("five");
        pieces.get(4).assertItem("five");
        assertEquals(0, sixthStarted.get(), "and never starts");
        assertEquals(0, lane.inUse());
    }

    private static UniAssertSubscriber<String> start(Lane lane, List<UniEmitter<? super String>> running, AtomicInteger started) {
        return lane.run(() -> Uni.createFrom().<String>emitter(e -> {
            started.incrementAndGet();
            running.add(e);
        })).subscribe().withSubscriber(UniAssertSubscriber.create());
    }

    @Test
    void aNarrowedLaneLetsInItsNarrowSizeAndWidensWhenToldItMay() {
        AtomicBoolean narrow = new AtomicBoolean(true);
        Lane lane = new Lane(3, 1, narrow::get);
        List<UniEmitter<? super String>> running = new ArrayList<>();
        AtomicInteger started = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            start(lane, running, started);
        }
        assertEquals(1, started.get(), "one at a time while narrowed");
        assertEquals(3, lane.waiting());
        narrow.set(false);
        assertEquals(1, started.get(), "nothing moves until the lane is told it may widen");
        lane.widened();
        assertEquals(3, started.get(), "widened: three at once");
        assertEquals(3, lane.peak());
        assertEquals(1, lane.waiting());
    }

    @Test
    void narrowingStopsNothingRunningButGivesNoPlaceOnUntilTheLaneIsUnderItsNarrowSize() {
        AtomicBoolean narrow = new AtomicBoolean(false);
        Lane lane = new Lane(3, 1, narrow::get);
        List<UniEmitter<? super String>> running = new ArrayList<>();
        AtomicInteger started = new AtomicInteger();
        List<UniAssertSubscriber<String>> pieces = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pieces.add(start(lane, running, started));
        }
        assertEquals(3, started.get());
        narrow.set(true);
        running.get(0).complete("a");
        pieces.get(0).assertItem("a");
        assertEquals(3, started.get(), "two still run: over the narrow size, no place given on");
        running.get(1).complete("b");
        assertEquals(3, started.get(), "one still runs: at the narrow size");
        assertEquals(1, lane.inUse());
        running.get(2).complete("c");
        assertEquals(4, started.get(), "under it: the next one in");
        assertEquals(1, lane.inUse());
        lane.resetPeak();
        narrow.set(false);
        lane.widened();
        assertEquals(5, started.get(), "widened: the last one in beside it");
        assertEquals(2, lane.peak());
    }

    @Test
    void aLaneCannotBeWiderWhenNarrowThanWide() {
        assertThrows(IllegalArgumentException.class, () -> new Lane(2, 3, () -> true));
        assertThrows(IllegalArgumentException.class, () -> new Lane(2, 0, () -> true));
    }
}
