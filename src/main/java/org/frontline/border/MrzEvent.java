package org.frontline.border;

import org.frontline.model.SourceStatus;
import org.frontline.search.Answer;

/** What a streamed MRZ consultation emits: one event per source of each part as it answers, then the answer. */
public sealed interface MrzEvent permits MrzEvent.SourceAnswered, MrzEvent.Answered {

    String DOCUMENT = "document";
    String HOLDER = "holder";

    /** A source has answered one part's question (or failed, or was refused). Carries no record data. */
    record SourceAnswered(PartSource source) implements MrzEvent {
    }

    /** Both parts are answered, or their deadline passed. */
    record Answered(MrzAnswer answer) implements MrzEvent {
    }

    /**
     * A source's status for one part, as a stream's {@code source} event carries it.
     *
     * @param part {@code document} or {@code holder}
     */
    record PartSource(String part, String source, SourceStatus status, long latencyMs, int records, String detail) {

        public static PartSource of(String part, Answer.SourceReport report) {
            return new PartSource(part, report.source(), report.status(), report.latencyMs(), report.records(),
                    report.detail());
        }

        public Answer.SourceReport report() {
            return new Answer.SourceReport(source, status, latencyMs, records, detail);
        }
    }
}
