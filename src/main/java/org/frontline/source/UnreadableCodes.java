package org.frontline.source;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.frontline.model.Clearance;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.WhenRestricted;

import java.util.Set;
import java.util.function.IntConsumer;

/**
 * One source's reading of restriction lists, fail closed ({@link VisibleTo}), counting every entry
 * it could not read in {@code frontline_restriction_unreadable_codes_total{source}}. Each connector
 * holds one; {@link #UNCOUNTED} is for tooling and tests that read a source outside the service.
 */
public final class UnreadableCodes {

    /** The Micrometer name of the counter (Prometheus: {@code frontline_restriction_unreadable_codes_total}). */
    public static final String METRIC = "frontline.restriction.unreadable.codes";

    /** Reads without counting. */
    public static final UnreadableCodes UNCOUNTED = new UnreadableCodes(entries -> { });

    private final IntConsumer counter;

    /** Counts into any consumer (a test's tally); the service uses {@link #counted}. */
    public UnreadableCodes(IntConsumer counter) {
        this.counter = counter;
    }

    /** The counter of one source, tagged with its id. */
    static UnreadableCodes counted(MeterRegistry registry, String sourceId) {
        Counter counter = Counter.builder(METRIC)
                .description("Restriction codes (or lists) a source holds that the service cannot read: each restricts its record to nobody but the owner")
                .tag("source", sourceId)
                .register(registry);
        return new UnreadableCodes(counter::increment);
    }

    /** The countries of a restriction as {@link VisibleTo#restrictTo} says, counting what was unreadable. */
    public Set<String> countries(VisibleTo read, String owner) {
        if (read.unreadable() > 0) {
            counter.accept(read.unreadable());
        }
        return read.restrictTo(owner);
    }

    /** Restrictions that only name who may see (no clearance, no owner, hidden when restricted). */
    public HandlingRestrictions visibleTo(VisibleTo read) {
        Set<String> countries = countries(read, null);
        return countries.isEmpty() ? HandlingRestrictions.NONE
                : new HandlingRestrictions(countries, Set.of(), Clearance.UNCLASSIFIED, null, WhenRestricted.HIDE);
    }
}
