package org.frontline.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The one clock every component takes time from, so that tests can move time instead of sleeping. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @jakarta.inject.Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
