package org.frontline.sourcedata;

import org.frontline.source.Entries;

import java.util.function.Consumer;

/** Test access to the world's package-private streams from other packages' tests. */
public final class SyntheticWorldAccess {

    private SyntheticWorldAccess() {
    }

    /** AIMC's person entries, as its writer receives them. */
    public static void aimcPersons(long seed, int persons, Consumer<Entries.Person> out) {
        new SyntheticWorld(seed, persons).persons(SourceProfile.AIMC, out);
    }
}
