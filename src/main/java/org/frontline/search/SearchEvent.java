package org.frontline.search;

/** What a streaming search emits: one event per source as it answers, then the consolidated answer. */
public sealed interface SearchEvent permits SearchEvent.SourceAnswered, SearchEvent.Consolidated {

    /** One source has answered (or failed, or been refused). Carries no record data. */
    record SourceAnswered(Answer.SourceReport source) implements SearchEvent {
    }

    /** Every source has answered or the deadline passed. */
    record Consolidated(Answer answer) implements SearchEvent {
    }
}
