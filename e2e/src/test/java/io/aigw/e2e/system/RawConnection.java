package io.aigw.e2e.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One plain TCP connection to a gateway replica, for what an HTTP client library would never send: declared lengths
 * that never arrive, framing that a front proxy might read otherwise, oversized heads.
 */
final class RawConnection implements AutoCloseable {

    private final Socket socket;

    private RawConnection(Socket socket) {
        this.socket = socket;
    }

    static RawConnection open(String gatewayUrl) throws IOException {
        URI uri = URI.create(gatewayUrl);
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
        socket.setSoTimeout(15_000);
        return new RawConnection(socket);
    }

    void write(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Everything the gateway sends until it closes the connection; what came before a read timeout if it does not. */
    Received readUntilClosed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, n);
            }
            return new Received(bytes.toString(StandardCharsets.ISO_8859_1), true);
        } catch (SocketTimeoutException e) {
            return new Received(bytes.toString(StandardCharsets.ISO_8859_1), false);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a connection the gateway may already have closed
        }
    }

    /** The bytes read, and whether the gateway closed the connection after them. */
    record Received(String text, boolean closedByGateway) {

        /** How many HTTP answers the bytes hold (each starts with a status line). */
        int answers() {
            int count = 0;
            for (int at = text.indexOf("HTTP/1.1 "); at >= 0; at = text.indexOf("HTTP/1.1 ", at + 1)) {
                if (at == 0 || text.startsWith("\r\n", at - 2) || text.startsWith("}", at - 1)) {
                    count++;
                }
            }
            return count;
        }

        int status() {
            if (!text.startsWith("HTTP/1.1 ")) {
                throw new AssertionError("no HTTP answer: " + text);
            }
            return Integer.parseInt(text.substring(9, 12));
        }

        String header(String name) {
            String head = text.substring(0, Math.max(0, text.indexOf("\r\n\r\n")));
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        /** The first answer's body, de-chunked when it came chunked. */
        String body() {
            int end = text.indexOf("\r\n\r\n");
            String rest = end < 0 ? "" : text.substring(end + 4);
            if (!"chunked".equalsIgnoreCase(header("Transfer-Encoding"))) {
                String length = header("Content-Length");
                return length == null ? rest : rest.substring(0, Math.min(rest.length(), Integer.parseInt(length)));
            }
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = rest.indexOf("\r\n", at);
                int size = lineEnd < 0 ? 0 : Integer.parseInt(rest.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    return body.toString();
                }
                body.append(rest, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }
    }
}
