package io.aigw.keys.usage;

import java.util.List;

/** Usage events as CSV lines (RFC 4180), for the export. */
final class UsageCsv {

    static final int PAGE = 1000;
    static final String HEADER = "eventId,requestId,occurredAt,accessKeyId,configurationId,providerId,modelId,"
            + "providerKeyId,surface,attempt,final,status,outcome,streaming,inputTokens,outputTokens,cachedInputTokens,"
            + "cacheWriteTokens,cacheWrite1hTokens,reasoningTokens,tokensEstimated,costUsd,costSource,latencyMs,"
            + "timeToFirstTokenMs\r\n";

    private UsageCsv() {
    }

    static String lines(List<UsageEvent> events) {
        StringBuilder out = new StringBuilder(events.size() * 256);
        for (UsageEvent e : events) {
            UsageTokens t = e.tokens() == null ? UsageTokens.NONE : e.tokens();
            Object[] fields = {e.eventId(), e.requestId(), e.occurredAt(), e.accessKeyId(), e.configurationId(),
                e.providerId(), e.modelId(), e.providerKeyId(), e.surface(), e.attempt(), e.isFinal(), e.status(),
                e.outcome(), e.streaming(), t.input(), t.output(), t.cachedInput(), t.cacheWrite(), t.cacheWrite1h(),
                t.reasoning(), t.estimated(), e.costUsd() == null ? null : e.costUsd().toPlainString(), e.costSource(),
                e.latencyMs(), e.timeToFirstTokenMs()};
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(field(fields[i]));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** A field, quoted when it holds a comma, quote or line break; text starting like a formula gets a leading `'`. */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
