package org.frontline.peers;

import java.util.concurrent.CompletableFuture;

/**
 * What the driver measures: one query in, one outcome out. The future never fails: it completes
 * with a status key, "200" (or another HTTP status) for HTTP targets, "ok" or "error:&lt;class&gt;"
 * for the others. Only {@link #isOk} outcomes count as answered.
 */
public interface Target extends AutoCloseable {

    /** Outcome of a query that found at least one record (database targets count hits). */
    String OK_HIT = "ok+hit";

    CompletableFuture<String> call(Query query);

    /** Opens what can be opened before the clock starts (connections of blocking workers). */
    default void prepare() throws Exception {
    }

    default boolean isOk(String status) {
        return "ok".equals(status) || OK_HIT.equals(status);
    }

    /** The key the outcome is counted under in "statuses" (hits are counted separately). */
    default String statusKey(String status) {
        return OK_HIT.equals(status) ? "ok" : status;
    }

    @Override
    void close() throws Exception;

    static String error(Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException || c instanceof java.util.concurrent.ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        String key = "error:" + c.getClass().getSimpleName();
        if (FIRST_ERRORS.add(key)) {
            String m = String.valueOf(c.getMessage());
            System.err.println("peers: first " + key + ": " + (m.length() > 200 ? m.substring(0, 200) + "..." : m));
        }
        return key;
    }

    /** Error classes already shown once on stderr (a message per class, not per failure). */
    java.util.Set<String> FIRST_ERRORS = java.util.concurrent.ConcurrentHashMap.newKeySet();
}
