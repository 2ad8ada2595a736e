package org.frontline.api;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A bounded lane: at most {@code size} pieces of work at once, the others wait in order for a place,
 * without blocking a thread (a waiting piece is an emitter in a queue, completed by the piece that
 * leaves). A piece whose subscriber goes away while it waits leaves the queue; one that goes away
 * after it got its place gives the place on.
 *
 * <p>The lane narrows to {@code narrowSize} places while {@code narrow} says so (single searches in
 * flight: manifests yield to them). Nothing running is stopped: pieces leaving while the lane is
 * over its places give no place on, until it is back under them; {@link #widened} lets waiting
 * pieces in as soon as the lane may widen again.
 */
final class Lane {

    private enum State { WAITING, HELD, DONE }

    private static final class Ticket {
        State state;
        UniEmitter<? super Void> emitter;
    }

    private final int size;
    private final int narrowSize;
    private final BooleanSupplier narrow;
    private final ArrayDeque<Ticket> waiting = new ArrayDeque<>();
    private int inUse;
    private int peak;

    Lane(int size) {
        this(size, size, () -> false);
    }

    Lane(int size, int narrowSize, BooleanSupplier narrow) {
        if (narrowSize < 1 || size < narrowSize) {
            throw new IllegalArgumentException("a lane needs at least one place, and no more when narrow than wide, was "
                    + size + " and " + narrowSize);
        }
        this.size = size;
        this.narrowSize = narrowSize;
        this.narrow = narrow;
    }

    /** The places now. */
    private int places() {
        return narrow.getAsBoolean() ? narrowSize : size;
    }

    /** Lets waiting pieces take the places the lane has now (call when it may have widened). */
    void widened() {
        List<Ticket> admitted;
        synchronized (this) {
            admitted = admitWithinPlaces();
        }
        for (Ticket ticket : admitted) {
            ticket.emitter.complete(null);
        }
    }

    /** Under the lock: waiting pieces given the places the lane has now, in order; complete them outside it. */
    private List<Ticket> admitWithinPlaces() {
        List<Ticket> admitted = new ArrayList<>();
        int places = places();
        while (inUse < places && !waiting.isEmpty()) {
            Ticket next = waiting.poll();
            next.state = State.HELD;
            inUse++;
            peak = Math.max(peak, inUse);
            admitted.add(next);
        }
        return admitted;
    }

    /** The work, run once it has a place; the place is given on when it ends (item, failure or cancellation). */
    <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Ticket ticket = new Ticket();
            return Uni.createFrom().<Void>emitter(emitter -> enter(ticket, emitter))
                    .chain(ignored -> work.get())
                    .onTermination().invoke(() -> leave(ticket));
        });
    }

    /** Pieces running now (for tests and the gauge). */
    synchronized int inUse() {
        return inUse;
    }

    /** The most pieces that ran at once since the last {@link #resetPeak} (for tests). */
    synchronized int peak() {
        return peak;
    }

    synchronized void resetPeak() {
        peak = inUse;
    }

    /** Pieces waiting for a place now. */
    synchronized int waiting() {
        return waiting.size();
    }

    private void enter(Ticket ticket, UniEmitter<? super Void> emitter) {
        boolean now;
        synchronized (this) {
            now = inUse < places();
            if (now) {
                inUse++;
                peak = Math.max(peak, inUse);
                ticket.state = State.HELD;
            } else {
                ticket.state = State.WAITING;
                ticket.emitter = emitter;
                waiting.add(ticket);
            }
        }
        if (now) {
            emitter.complete(null);
        }
    }

    private void leave(Ticket ticket) {
        List<Ticket> admitted;
        synchronized (this) {
            if (ticket.state == State.WAITING) {
                waiting.remove(ticket);
                ticket.state = State.DONE;
                return;
            }
            if (ticket.state != State.HELD) {
                return;
            }
            ticket.state = State.DONE;
            inUse--;
            // places are given on only while the lane is under its places now (narrowed: it waits to be under them)
            admitted = admitWithinPlaces();
        }
        for (Ticket next : admitted) {
            next.emitter.complete(null);
        }
    }
}
