package io.aigw.gateway.auth;

/** The parts of an access key `ag-<publicId>-g1-<secret>`; null from {@link #parse} when malformed. */
public record AccessKeyToken(String publicId, String secret) {

    private static final String PREFIX = "ag-";
    private static final String SEPARATOR = "-g1-";
    private static final int MAX_LENGTH = 512;

    public static AccessKeyToken parse(String token) {
        if (token == null || token.length() > MAX_LENGTH || !token.startsWith(PREFIX)) {
            return null;
        }
        int separator = token.indexOf(SEPARATOR, PREFIX.length());
        if (separator <= PREFIX.length() || separator + SEPARATOR.length() >= token.length()) {
            return null;
        }
        for (int i = PREFIX.length(); i < separator; i++) {
            char c = token.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return null;
            }
        }
        for (int i = separator + SEPARATOR.length(); i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c > '~') {
                return null;
            }
        }
        return new AccessKeyToken(token.substring(PREFIX.length(), separator),
                token.substring(separator + SEPARATOR.length()));
    }

    @Override
    public String toString() {
        return "AccessKeyToken[" + publicId + ", REDACTED]";
    }
}
