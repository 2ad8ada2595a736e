package org.frontline.api;

import java.util.List;

/** A request that failed validation; becomes a 400 problem listing every field at fault. */
public final class InvalidRequestException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidRequestException(List<Problem.FieldError> errors) {
        super(null, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
