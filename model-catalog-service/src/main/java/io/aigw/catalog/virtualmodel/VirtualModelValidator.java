package io.aigw.catalog.virtualmodel;

import io.aigw.kit.problem.ProblemException;
import io.aigw.kit.problem.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Field rules of a virtual model, without the catalog: the name's grammar, the description's length, the targets'
 * shape. The rules that need the catalog (shadowing, what a target names, duplicates) are {@link VirtualModelRules}.
 */
final class VirtualModelValidator {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    static final Pattern TARGET = Pattern.compile("[A-Za-z0-9._:/@+~-]{1,320}");
    static final int MAX_TARGETS = 16;
    static final int MAX_DESCRIPTION = 1000;

    private VirtualModelValidator() {
    }

    /** The request with blank descriptions cleared; throws a 400 problem listing every bad field. */
    static VirtualModelRequest normalise(VirtualModelRequest r) {
        if (r == null) {
            throw ProblemException.validation("", "a JSON object is required");
        }
        Violations v = new Violations();
        if (r.name() == null || !NAME.matcher(r.name()).matches()) {
            v.add("/name", "name must be 1-128 letters, digits, '.', '_' or '-'");
        }
        String description = r.description() == null || r.description().isBlank() ? null : r.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            v.add("/description", "description must be at most " + MAX_DESCRIPTION + " characters");
        }
        List<String> targets = new ArrayList<>();
        if (r.targets() == null || r.targets().isEmpty()) {
            v.add("/targets", "targets must list 1 to " + MAX_TARGETS + " models");
        } else if (r.targets().size() > MAX_TARGETS) {
            v.add("/targets", "targets must list at most " + MAX_TARGETS + " models");
        } else {
            for (int i = 0; i < r.targets().size(); i++) {
                String target = r.targets().get(i);
                if (target == null || !TARGET.matcher(target.strip()).matches()) {
                    v.add("/targets/" + i, "a target is provider:model or a catalog model id");
                } else {
                    targets.add(target.strip());
                }
            }
        }
        v.throwIfAny();
        return new VirtualModelRequest(r.name(), description, List.copyOf(targets));
    }
}
