package io.aigw.gateway.firewall;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The hold-and-release both tool-call stream filters share: the events of the one tool call under way are held, with
 * its name and its arguments as they arrive, until the surface's filter says the call is complete; then the call is
 * checked, its matches recorded, and its held events either go out as received or are dropped (the filter then puts
 * the returned note where its surface wants it).
 */
final class HeldToolCall {

    private final Firewall firewall;
    private final Consumer<List<Finding>> record;
    private final String emptyArguments;
    private final List<Buffer> held = new ArrayList<>();
    private final StringBuilder name = new StringBuilder();
    private final StringBuilder arguments = new StringBuilder();
    private int index = -1;
    private int allowed;
    private int blocked;

    /** {@code emptyArguments}: what is checked when no argument delta arrived. */
    HeldToolCall(Firewall firewall, Consumer<List<Finding>> record, String emptyArguments) {
        this.firewall = firewall;
        this.record = record;
        this.emptyArguments = emptyArguments;
    }

    boolean underWay() {
        return index >= 0;
    }

    /** The stream's index of the call under way, -1 when none. */
    int index() {
        return index;
    }

    /** Starts holding the call at {@code index} (the one under way must have been completed). */
    void start(int index, String name) {
        this.index = index;
        this.name.setLength(0);
        this.name.append(name);
        this.arguments.setLength(0);
    }

    void hold(Buffer event) {
        held.add(event);
    }

    void addName(String part) {
        name.append(part);
    }

    void addArguments(String part) {
        arguments.append(part);
    }

    /**
     * Decides the call under way, if any: allowed, its held events are appended to {@code out} and null is answered;
     * blocked, they are dropped and the note for the model and the agent is answered.
     */
    String complete(Buffer out) {
        return complete(out::appendBuffer);
    }

    /** As {@link #complete(Buffer)}, the held events of an allowed call going to {@code release} one by one. */
    String complete(Consumer<Buffer> release) {
        if (index < 0) {
            return null;
        }
        List<Finding> findings = new ArrayList<>();
        String callName = name.toString();
        Finding refusal = ToolCallInspector.check(firewall, callName,
                arguments.length() == 0 ? emptyArguments : arguments.toString(), findings);
        record.accept(findings);
        String note = null;
        if (refusal == null) {
            held.forEach(release);
            allowed++;
        } else {
            note = ToolCallInspector.note(callName, refusal);
            blocked++;
        }
        held.clear();
        index = -1;
        name.setLength(0);
        arguments.setLength(0);
        return note;
    }

    /** Calls let through so far. */
    int allowed() {
        return allowed;
    }

    /** Calls removed so far. */
    int blocked() {
        return blocked;
    }
}
