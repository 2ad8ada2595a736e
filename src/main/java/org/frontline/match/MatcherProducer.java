package org.frontline.match;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The person matcher the engine uses. */
@ApplicationScoped
public class MatcherProducer {

    @Produces
    @ApplicationScoped
    PersonNameMatcher personMatcher() {
        return PersonNameMatcher.create();
    }
}
