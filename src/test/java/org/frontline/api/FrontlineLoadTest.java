package org.frontline.api;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.smallrye.mutiny.subscription.UniEmitter;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Single searches counted from subscription to their end, however they end, once; the quiet moment told. */
class FrontlineLoadTest {

    @Test
    void aSearchCountsWhileItsWorkRunsAndNotBeforeItIsSubscribed() {
        FrontlineLoad load = new FrontlineLoad(new SimpleMeterRegistry());
        AtomicInteger quiet = new AtomicInteger();
        load.whenQuiet(quiet::incrementAndGet);
        AtomicReference<UniEmitter<? super String>> first = new AtomicReference<>();
        AtomicReference<UniEmitter<? super String>> second = new AtomicReference<>();
        Uni<String> a = load.counted(Uni.createFrom().<String>emitter(first::set));
        assertFalse(load.busy(), "not counted before it is subscribed (a refusal never starts the work)");
        UniAssertSubscriber<String> answered = a.subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> failed = load.counted(Uni.createFrom().<String>emitter(second::set))
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        assertEquals(2, load.inFlight());
        first.get().complete("answer");
        answered.assertItem("answer");
        assertEquals(1, load.inFlight());
        assertEquals(0, quiet.get());
        second.get().fail(new IllegalStateException("source down"));
        failed.assertFailedWith(IllegalStateException.class);
        assertFalse(load.busy());
        assertEquals(1, quiet.get(), "told once, when the last one ended");
    }

    @Test
    void anOfficerWhoGoesAwayIsCountedOutOnce() {
        FrontlineLoad load = new FrontlineLoad(new SimpleMeterRegistry());
        AtomicInteger quiet = new AtomicInteger();
        load.whenQuiet(quiet::incrementAndGet);
        AtomicReference<UniEmitter<? super String>> work = new AtomicReference<>();
        UniAssertSubscriber<String> gone = load.counted(Uni.createFrom().<String>emitter(work::set))
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        assertTrue(load.busy());
        gone.cancel();
        assertEquals(0, load.inFlight());
        work.get().complete("too late");
        assertEquals(0, load.inFlight(), "never below zero: counted out once");
        assertEquals(1, quiet.get());
    }

    @Test
    void aStreamCountsFromItsSubscriptionToItsEndOrCancellation() {
        FrontlineLoad load = new FrontlineLoad(new SimpleMeterRegistry());
        Multi<Integer> events = load.counted(Multi.createFrom().items(1, 2, 3));
        assertFalse(load.busy());
        AssertSubscriber<Integer> reader = events.subscribe().withSubscriber(AssertSubscriber.create(1));
        assertTrue(load.busy(), "subscribed, not yet read to the end");
        reader.request(5);
        reader.assertCompleted().assertItems(1, 2, 3);
        assertFalse(load.busy());

        AssertSubscriber<Integer> leaver = load.counted(Multi.createFrom().<Integer>nothing())
                .subscribe().withSubscriber(AssertSubscriber.create(1));
        assertTrue(load.busy());
        leaver.cancel();
        assertFalse(load.busy());
    }
}
