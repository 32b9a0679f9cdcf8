package io.aigw.gateway.firewall;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The hold-and-release the tool-call stream filters share: the events of the one tool call under way are held, with
 * its name and its arguments as they arrive, until the surface's filter says the call is complete; then the call is
 * checked ({@link #complete}: its verdict may come later, from a judge), and once the verdict is in, in stream order,
 * {@link #settle} records its matches and either releases its held events as received or drops them (the filter
 * then puts the returned note where its surface wants it).
 */
final class HeldToolCall {

    private final ToolCallCheck check;
    private final Consumer<List<Finding>> record;
    private final String emptyArguments;
    private final List<Buffer> held = new ArrayList<>();
    private final StringBuilder name = new StringBuilder();
    private final StringBuilder arguments = new StringBuilder();
    private int index = -1;
    private int allowed;
    private int blocked;

    /** A completed call: its held events and its verdict to come. */
    record Completed(int index, List<Buffer> events, Future<ToolCallVerdict> verdict) {
    }

    /** {@code emptyArguments}: what is checked when no argument delta arrived. */
    HeldToolCall(ToolCallCheck check, Consumer<List<Finding>> record, String emptyArguments) {
        this.check = check;
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

    /** Ends the call under way (null when none): it is checked, and the next call may start. */
    Completed complete() {
        if (index < 0) {
            return null;
        }
        Completed done = new Completed(index, List.copyOf(held), check.check(name.toString(),
                arguments.length() == 0 ? emptyArguments : arguments.toString()));
        held.clear();
        index = -1;
        name.setLength(0);
        arguments.setLength(0);
        return done;
    }

    /**
     * Applies a completed call's verdict, in stream order: its matches are recorded; allowed, its held events go to
     * {@code release} one by one and null is answered; blocked, they are dropped and the note is answered.
     */
    String settle(Completed done, Consumer<Buffer> release) {
        ToolCallVerdict verdict = done.verdict().result();
        record.accept(verdict.findings());
        if (verdict.note() == null) {
            done.events().forEach(release);
            allowed++;
        } else {
            blocked++;
        }
        return verdict.note();
    }

    /** Calls let through so far (settled). */
    int allowed() {
        return allowed;
    }

    /** Calls removed so far (settled). */
    int blocked() {
        return blocked;
    }
}
