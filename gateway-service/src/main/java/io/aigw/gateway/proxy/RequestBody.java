package io.aigw.gateway.proxy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.routing.AutoModel;
import io.aigw.gateway.routing.Complexity;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A request body parsed only as far as routing needs: the top-level `model`, `models` and `stream`,
 * and where each top-level field sits in the bytes. {@link #rewrite} copies the original bytes of every
 * other field untouched (no tree, no re-serialisation of numbers or strings).
 */
public final class RequestBody {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_FIELDS = 4096;

    /** The body is {@code bytes[0..length)}: the reader's buffer itself, never copied. */
    private final byte[] bytes;
    private final int length;
    private final String model;
    private final List<String> models;
    private final boolean stream;
    private final boolean includeUsage;
    private final String[] names;
    private final int[] starts;
    private final int[] ends;
    private final int count;
    /** `aigw/auto` only: the score's fields read in the parse itself, those after `model` (null otherwise). */
    private final Complexity.Scan scan;
    /** The index of the first field {@link #scan} read; the score's fields before it are read at {@link #complexity()}. */
    private final int scanFrom;
    /** How many fields {@link #complexity()} read after the parse (tests). */
    int rescanned;

    private RequestBody(byte[] bytes, int length, String model, List<String> models, boolean stream, boolean includeUsage,
            String[] names, int[] starts, int[] ends, int count, Complexity.Scan scan, int scanFrom) {
        this.scan = scan;
        this.scanFrom = scanFrom;
        this.includeUsage = includeUsage;
        this.bytes = bytes;
        this.length = length;
        this.model = model;
        this.models = models;
        this.stream = stream;
        this.names = names;
        this.starts = starts;
        this.ends = ends;
        this.count = count;
    }

    public String model() {
        return model;
    }

    /** The request's `models` fallbacks, empty when absent. */
    public List<String> models() {
        return models;
    }

    public boolean stream() {
        return stream;
    }

    /** Whether the client asked for stream usage (`stream_options.include_usage: true`). */
    public boolean includeUsage() {
        return includeUsage;
    }

    public int length() {
        return length;
    }

    /** Parses {@code bytes[0..length)}; fails with `invalid_request` when it is not a JSON object of the right shape. */
    public static RequestBody parse(byte[] bytes, int length) {
        return parse(bytes, length, false);
    }

    /**
     * As {@link #parse(byte[], int)}; with {@code modelOptional} a body without `model` is accepted ({@link #model()}
     * null: the caller decides, as a configuration may read it as `aigw/auto`).
     */
    public static RequestBody parse(byte[] bytes, int length, boolean modelOptional) {
        try (JsonParser p = JSON.createParser(bytes, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw invalid("The request body must be a JSON object.", null);
            }
            int capacity = 16;
            String[] names = new String[capacity];
            int[] starts = new int[capacity];
            int[] ends = new int[capacity];
            int count = 0;
            String model = null;
            List<String> models = List.of();
            boolean stream = false;
            boolean includeUsage = false;
            Complexity.Scan scan = null; // `model` is aigw/auto: the fields after it are scored as they pass
            int scanFrom = 0;
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                if (count == capacity) {
                    if (capacity >= MAX_FIELDS) {
                        throw invalid("The request body has too many top-level fields.", null);
                    }
                    capacity *= 2;
                    names = java.util.Arrays.copyOf(names, capacity);
                    starts = java.util.Arrays.copyOf(starts, capacity);
                    ends = java.util.Arrays.copyOf(ends, capacity);
                }
                String name = p.currentName();
                starts[count] = (int) p.currentTokenLocation().getByteOffset();
                if (count > 0) {
                    ends[count - 1] = trimEnd(bytes, starts[count - 1], starts[count], true);
                }
                names[count++] = name;
                JsonToken value = p.nextToken();
                switch (name) {
                    case "model" -> {
                        model = string(p, value);
                        if (scan == null && AutoModel.is(model)) {
                            scan = new Complexity.Scan();
                            scanFrom = count;
                        }
                    }
                    case "models" -> models = strings(p, value);
                    case "stream" -> stream = bool(p, value);
                    case "stream_options" -> includeUsage = includeUsage(p, value);
                    default -> {
                        if (scan == null || !scan.read(name, p, value)) {
                            p.skipChildren();
                        }
                    }
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw invalid("The request body is not valid JSON.", null);
            }
            if (count > 0) {
                ends[count - 1] = trimEnd(bytes, starts[count - 1], (int) p.currentTokenLocation().getByteOffset(), false);
            }
            if (p.nextToken() != null) {
                throw invalid("The request body has content after its JSON object.", null);
            }
            if (model == null && !modelOptional) {
                throw missingModel();
            }
            return new RequestBody(bytes, length, model, models, stream, includeUsage, names, starts, ends, count, scan,
                    scan == null ? count : scanFrom);
        } catch (IOException e) {
            throw invalid("The request body is not valid JSON.", null);
        }
    }

    /** The error for a body without `model` where none stands in for it. */
    public static GatewayException missingModel() {
        return invalid("The request needs a \"model\".", "model");
    }

    /**
     * The body to send upstream: `model` replaced by {@code upstreamModel} (added first when the body had none),
     * `models` and {@code strip} removed, every other field's bytes as received.
     */
    public Buffer rewrite(String upstreamModel, Set<String> strip) {
        return rewrite(upstreamModel, strip, false);
    }

    /**
     * As {@link #rewrite(String, Set)}; with {@code askUsage}, `stream_options.include_usage` is set to true
     * (added, or merged into the client's `stream_options`).
     */
    public Buffer rewrite(String upstreamModel, Set<String> strip, boolean askUsage) {
        byte[] quoted = JsonStringEncoder.getInstance().quoteAsUTF8(upstreamModel);
        Buffer out = Buffer.buffer(length + quoted.length + 16);
        out.appendByte((byte) '{');
        boolean first = true;
        if (model == null) {
            out.appendString("\"model\":\"", "UTF-8").appendBytes(quoted).appendByte((byte) '"');
            first = false;
        }
        for (int i = 0; i < count; i++) {
            String name = names[i];
            if (name.equals("models") || (!strip.isEmpty() && strip.contains(name))) {
                continue;
            }
            if (!first) {
                out.appendByte((byte) ',');
            }
            first = false;
            if (name.equals("model")) {
                out.appendString("\"model\":\"", "UTF-8").appendBytes(quoted).appendByte((byte) '"');
            } else if (askUsage && name.equals("stream_options")) {
                out.appendString("\"stream_options\":").appendBytes(streamOptionsWithUsage(i));
                askUsage = false;
            } else {
                out.appendBytes(bytes, starts[i], ends[i] - starts[i]);
            }
        }
        if (askUsage) {
            out.appendString(first ? "" : ",").appendString(STREAM_USAGE);
        }
        return out.appendByte((byte) '}');
    }

    /**
     * The body without the fields named in {@code drop}, every other field's bytes as received: Gemini's native body,
     * whose model and streaming travel in the URL (the gateway added `model` and `stream` from the path).
     */
    public Buffer without(Set<String> drop) {
        Buffer out = Buffer.buffer(length + 2);
        out.appendByte((byte) '{');
        boolean first = true;
        for (int i = 0; i < count; i++) {
            if (drop.contains(names[i])) {
                continue;
            }
            if (!first) {
                out.appendByte((byte) ',');
            }
            first = false;
            out.appendBytes(bytes, starts[i], ends[i] - starts[i]);
        }
        return out.appendByte((byte) '}');
    }

    private static final String STREAM_USAGE = "\"stream_options\":{\"include_usage\":true}";

    /** The client's `stream_options` (field {@code i}) with `include_usage` set to true. */
    private byte[] streamOptionsWithUsage(int i) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            byte[] field = new byte[ends[i] - starts[i] + 2];
            field[0] = '{';
            System.arraycopy(bytes, starts[i], field, 1, ends[i] - starts[i]);
            field[field.length - 1] = '}';
            com.fasterxml.jackson.databind.JsonNode options = mapper.readTree(field).get("stream_options");
            com.fasterxml.jackson.databind.node.ObjectNode merged = options instanceof com.fasterxml.jackson.databind.node.ObjectNode o
                    ? o : mapper.createObjectNode();
            merged.put("include_usage", true);
            return mapper.writeValueAsBytes(merged);
        } catch (IOException e) {
            return "{\"include_usage\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * How demanding the request looks to `aigw/auto`, without a second parse of the body: the fields after an
     * `aigw/auto` `model` were scored in {@link #parse} itself; only the score's fields that came before `model` (or
     * all of them, when the body has none) are read again, each from the byte range the parse recorded.
     */
    public Complexity complexity() {
        Complexity.Scan before = new Complexity.Scan();
        try {
            for (int i = 0; i < scanFrom; i++) {
                if (Complexity.Scan.slot(names[i]) < 0) {
                    continue;
                }
                int from = valueStart(i);
                try (JsonParser p = JSON.createParser(bytes, from, ends[i] - from)) {
                    before.read(names[i], p, p.nextToken());
                }
                rescanned++;
            }
        } catch (IOException e) { // parse has accepted the body already
            throw invalid("The request body is not valid JSON.", null);
        }
        return (scan == null ? before : before.overlay(scan)).complexity();
    }

    /** Where field {@code i}'s value starts: after its quoted name, the colon and any whitespace. */
    private int valueStart(int i) {
        int at = starts[i] + 1; // past the opening quote
        while (bytes[at] != '"') {
            at += bytes[at] == '\\' ? 2 : 1;
        }
        at++;
        while (isSpace(bytes[at]) || bytes[at] == ':') {
            at++;
        }
        return at;
    }

    /** The field names in order (tests). */
    List<String> fieldNames() {
        List<String> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(names[i]);
        }
        return list;
    }

    /** Backs up from {@code end} over whitespace and (between fields) the separating comma. */
    private static int trimEnd(byte[] bytes, int start, int end, boolean comma) {
        int i = end;
        while (i > start && isSpace(bytes[i - 1])) {
            i--;
        }
        if (comma && i > start && bytes[i - 1] == ',') {
            i--;
            while (i > start && isSpace(bytes[i - 1])) {
                i--;
            }
        }
        return i;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static String string(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw invalid("\"model\" must be a string.", "model");
        }
        return p.getText();
    }

    private static List<String> strings(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (value != JsonToken.START_ARRAY) {
            throw invalid("\"models\" must be an array of model addresses.", "models");
        }
        List<String> list = new ArrayList<>(4);
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
            list.add(p.getText());
        }
        if (t != JsonToken.END_ARRAY) {
            throw invalid("\"models\" must be an array of model addresses.", "models");
        }
        return list;
    }

    private static boolean includeUsage(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return false;
        }
        boolean include = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("include_usage".equals(name)) {
                include = v == JsonToken.VALUE_TRUE;
            } else {
                p.skipChildren();
            }
        }
        return include;
    }

    private static boolean bool(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return false;
        }
        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
            throw invalid("\"stream\" must be a boolean.", "stream");
        }
        return value == JsonToken.VALUE_TRUE;
    }

    private static GatewayException invalid(String message, String param) {
        return new GatewayException(ErrorCode.INVALID_REQUEST, message, param);
    }

    /** The body as received (tests, and providers that need it unchanged). */
    public byte[] bytes() {
        return bytes;
    }
}
