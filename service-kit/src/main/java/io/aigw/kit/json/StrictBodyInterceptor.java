package io.aigw.kit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.kit.problem.FieldError;
import io.aigw.kit.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Every JSON body, before it is bound: it must be valid UTF-8 (an overlong {@code C0 AF} is not {@code /}), and no
 * string or member name in it may hold a NUL, a control character other than tab and line breaks, or a lone
 * surrogate (PostgreSQL cannot store them). Answers 400 naming the field by its JSON pointer. Syntax errors are
 * left to the binding, which reports them as {@code malformed-json}.
 */
@Provider
public class StrictBodyInterceptor implements ReaderInterceptor {

    private final ObjectMapper mapper;

    public StrictBodyInterceptor(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw ProblemException.malformedJson("The request body is not valid UTF-8.");
        }
        JsonNode tree = parseOrNull(body);
        if (tree != null) {
            FieldError error = firstBadText(tree, "");
            if (error != null) {
                throw ProblemException.validation(error);
            }
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private JsonNode parseOrNull(byte[] body) {
        try {
            return body.length == 0 ? null : mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The first string or member name (depth first) that cannot be stored, or null. */
    static FieldError firstBadText(JsonNode node, String pointer) {
        if (node.isTextual()) {
            String problem = TextRules.problem(node.textValue());
            return problem == null ? null : FieldError.at(pointer, problem);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                FieldError error = firstBadText(node.get(i), pointer + "/" + i);
                if (error != null) {
                    return error;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = pointer + "/" + JsonInput.escape(field.getKey());
                String problem = TextRules.problem(field.getKey());
                if (problem != null) {
                    return FieldError.at(child, "Member name: " + problem);
                }
                FieldError error = firstBadText(field.getValue(), child);
                if (error != null) {
                    return error;
                }
            }
        }
        return null;
    }
}
