package org.frontline.match;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The person matcher the engine uses. */
@ApplicationScoped
public class MatcherProducer {

    @Produces
    @ApplicationScoped
    PersonNameMatcher personMatcher() {
        PersonNameMatcher matcher = PersonNameMatcher.create();
        warmUp(matcher);
        return matcher;
    }

    /** Creates (and so warms) the matcher as the service starts rather than on the first query. */
    void atStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event, PersonNameMatcher matcher) {
        matcher.searchKey("warm");
    }

    /**
     * Loads the transliterators and tables before the first officer's query (ICU builds a
     * transliterator on first use, which takes a noticeable time that a request must not pay).
     */
    static void warmUp(PersonNameMatcher matcher) {
        for (String name : new String[] {"Юрий Щербаков", "张伟", "محمد الراشد", "Νίκος Παπαδόπουλος",
                "Nguyễn Văn An", "Mohammed Al-Rashid", "김민준", "Ёлкин Пётр", "ابوبکر"}) {
            matcher.searchKey(name);
            matcher.nameSimilarity(name, "Muhammad Al Rasheed");
        }
    }
}
