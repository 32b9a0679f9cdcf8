package io.aigw.kit.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors during validation; {@link #throwIfAny()} turns them into one 400 problem. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public Violations add(String pointer, String detail) {
        errors.add(FieldError.at(pointer, detail));
        return this;
    }

    public Violations add(FieldError error) {
        errors.add(error);
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.validation(List.copyOf(errors));
        }
    }
}
