package org.frontline.border;

import java.util.List;

/** The text is not a machine-readable zone: each reason says where and what a terminal can do. No value is echoed. */
public final class MalformedMrzException extends RuntimeException {

    private final List<String> reasons;

    MalformedMrzException(List<String> reasons) {
        super(String.join("; ", reasons), null, false, false); // a refusal of input: no stack trace to fill
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
