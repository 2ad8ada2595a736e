package org.frontline.sourcedata;

import org.frontline.source.Entries;

import java.util.function.Consumer;

/** Test access to the world's package-private streams from other packages' tests. */
public final class SyntheticWorldAccess {

    private SyntheticWorldAccess() {
    }

    /** ECO's person entries, as its writer receives them (the partner's database holds them). */
    public static void ecoPersons(long seed, int persons, Consumer<Entries.Person> out) {
        new SyntheticWorld(seed, persons).persons(SourceProfile.ECO, out);
    }

    /** ECO's document entries, as its writer receives them. */
    public static void ecoDocuments(long seed, int persons, Consumer<Entries.Document> out) {
        new SyntheticWorld(seed, persons).documents(SourceProfile.ECO, out);
    }

    /** AIMC's person entries, as its writer receives them. */
    public static void aimcPersons(long seed, int persons, Consumer<Entries.Person> out) {
        new SyntheticWorld(seed, persons).persons(SourceProfile.AIMC, out);
    }
}
