package org.frontline.source;

import org.frontline.model.Countries;
import org.frontline.model.HandlingRestrictions;

import java.util.Set;

/**
 * A source's "visible to" list as read: the states it names and how many of its entries we could
 * not read.
 *
 * <p><b>Unknown means nobody.</b> A restriction list is a list of who may see; an entry we cannot
 * read may be the only country that was meant, so dropping it would widen the list, and an empty
 * list means everyone. A list with any unreadable entry therefore restricts the record to nobody
 * but its owner ({@link #restrictTo}): the officers of the state that owns the data, where the
 * source's schema names one (Europol's {@code owner_ms}), else nobody at all (the sentinel
 * {@link HandlingRestrictions#NOBODY}). The need-to-know filter then hides the alert, or reduces it
 * to "contact the contact point" where the source asks for contact-only handling; the answer says
 * that some records are not available. The connectors count every unreadable entry
 * ({@link UnreadableCodes}), so that an operator sees a source that started writing codes we do not know.
 *
 * @param countries  the states named (ISO alpha-3, or RKS); empty with {@code unreadable == 0}: everyone
 * @param unreadable entries we could not read (an empty list counts as one)
 */
public record VisibleTo(Set<String> countries, int unreadable) {

    /** An absent list where the schema documents that as "everyone". */
    public static final VisibleTo EVERYONE = new VisibleTo(Set.of(), 0);

    public VisibleTo {
        countries = Set.copyOf(countries);
    }

    /** A list (or a value that decides the list, such as an unknown dissemination code) we cannot read at all. */
    public static VisibleTo unreadable(int entries) {
        return new VisibleTo(Set.of(), Math.max(1, entries));
    }

    /** The same list with more unreadable entries (another field of the same restriction, e.g. its agencies). */
    public VisibleTo plusUnreadable(int entries) {
        return new VisibleTo(countries, unreadable + entries);
    }

    /**
     * The countries of the alert's {@link HandlingRestrictions}: those named when every entry was
     * read (empty: everyone); otherwise only the owner's state, or nobody when the owner is unknown.
     *
     * @param owner the state that owns the data (ISO alpha-3), or null when the schema names none
     */
    public Set<String> restrictTo(String owner) {
        if (unreadable == 0) {
            return countries;
        }
        return Countries.isState(owner) ? Set.of(owner) : Set.of(HandlingRestrictions.NOBODY);
    }
}
