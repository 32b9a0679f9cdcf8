package io.aigw.gateway.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's side of one request, watched from the moment it arrives: whether the client went away, who must
 * hear of it (the attempt loop), and what must run once the response is over, ended or abandoned (releasing the
 * body budget). The response's single close and end handlers are taken here, so nothing else may set them.
 * Used on the request's event loop only.
 */
public final class ClientLink {

    private final List<Runnable> whenDone = new ArrayList<>(2);
    private Runnable onClose;
    private boolean closed;
    private boolean done;

    private ClientLink() {
    }

    public static ClientLink watch(HttpServerRequest request) {
        ClientLink link = new ClientLink();
        HttpServerResponse response = request.response();
        response.closeHandler(v -> link.closed());
        response.endHandler(v -> link.done());
        return link;
    }

    /** Whether the client's connection closed before the response ended. */
    public boolean isClosed() {
        return closed;
    }

    /** {@code action} runs when the client goes away (at once if it already has). */
    public void onClose(Runnable action) {
        onClose = action;
        if (closed) {
            action.run();
        }
    }

    /** {@code action} runs once, when the response ended or the client went away (at once if that happened). */
    public void whenDone(Runnable action) {
        if (done) {
            action.run();
        } else {
            whenDone.add(action);
        }
    }

    private void closed() {
        closed = true;
        Runnable action = onClose;
        if (action != null) {
            action.run();
        }
        done();
    }

    private void done() {
        if (done) {
            return;
        }
        done = true;
        for (Runnable action : whenDone) {
            action.run();
        }
        whenDone.clear();
    }
}
