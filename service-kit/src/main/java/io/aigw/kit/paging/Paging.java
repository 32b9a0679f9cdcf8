package io.aigw.kit.paging;

import io.aigw.kit.json.TextRules;
import io.aigw.kit.problem.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * {@code limit} and {@code cursor}, parsed once for every list: {@code limit} is a whole number 1..100 (default 20),
 * the cursor base64url of the last row's sort key. A bad value of either is a 400 naming the parameter.
 */
public final class Paging {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private Paging() {
    }

    public static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int value;
        try {
            value = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw ProblemException.parameter("limit", "Must be a whole number between 1 and " + MAX_LIMIT + ".");
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw ProblemException.parameter("limit", "Must be a whole number between 1 and " + MAX_LIMIT + ".");
        }
        return value;
    }

    /** The sort key a cursor holds, or null for none; 400 naming {@code cursor} if this API did not issue it. */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            String key = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (key.isEmpty() || TextRules.problem(key) != null || !encode(key).equals(stripPadding(cursor))) {
                throw new IllegalArgumentException("not canonical");
            }
            return key;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw ProblemException.parameter("cursor", "Not a cursor returned by this API.");
        }
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** Builds a page from {@code limit + 1} fetched rows: the extra row only signals that there is more. */
    public static <E, R> Page<R> page(List<E> rows, int limit, Function<E, String> key, Function<E, R> mapper) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? encode(key.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(mapper).toList(), next);
    }

    private static String stripPadding(String cursor) {
        int end = cursor.length();
        while (end > 0 && cursor.charAt(end - 1) == '=') {
            end--;
        }
        return cursor.substring(0, end);
    }
}
