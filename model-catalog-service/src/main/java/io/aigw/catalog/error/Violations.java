package io.aigw.catalog.error;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors during validation; {@link #throwIfAny()} turns them into one 400 problem. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public Violations add(String pointer, String detail) {
        errors.add(new FieldError(pointer, detail));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiException.validation(List.copyOf(errors));
        }
    }
}
