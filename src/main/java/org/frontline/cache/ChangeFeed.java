package org.frontline.cache;

/**
 * One source's change feed, whatever its engine: PostgreSQL LISTEN/NOTIFY ({@link ChangeListener}),
 * or a change table polled at a short interval where the engine has no notifications (MariaDB,
 * {@link ChangePoller}). The cache serves a source only while its feed is {@link #listening()}; each
 * feed reports through {@link ChangeListener.Events}: {@code listening} when it is (again) to be
 * trusted, before it is, {@code changed} for each change, {@code lost} at most once per loss.
 */
interface ChangeFeed {

    void start();

    boolean listening();

    /** Idempotent. */
    void close();
}
