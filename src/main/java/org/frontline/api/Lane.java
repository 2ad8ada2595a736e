package org.frontline.api;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * A bounded lane: at most {@code size} pieces of work at once, the others wait in order for a place,
 * without blocking a thread (a waiting piece is an emitter in a queue, completed by the piece that
 * leaves). A piece whose subscriber goes away while it waits leaves the queue; one that goes away
 * after it got its place gives the place on.
 */
final class Lane {

    private enum State { WAITING, HELD, DONE }

    private static final class Ticket {
        State state;
        UniEmitter<? super Void> emitter;
    }

    private final int size;
    private final ArrayDeque<Ticket> waiting = new ArrayDeque<>();
    private int inUse;

    Lane(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a lane needs at least one place, was " + size);
        }
        this.size = size;
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

    /** Pieces waiting for a place now. */
    synchronized int waiting() {
        return waiting.size();
    }

    private void enter(Ticket ticket, UniEmitter<? super Void> emitter) {
        boolean now;
        synchronized (this) {
            now = inUse < size;
            if (now) {
                inUse++;
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
        Ticket next;
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
            next = waiting.poll();
            if (next == null) {
                inUse--;
                return;
            }
            next.state = State.HELD;
        }
        next.emitter.complete(null);
    }
}
