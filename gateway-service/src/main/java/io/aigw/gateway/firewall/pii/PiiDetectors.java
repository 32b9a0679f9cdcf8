package io.aigw.gateway.firewall.pii;

import java.util.List;
import java.util.Map;

/**
 * The detectors a {@code pii} rule can name. Patterns are RE2 (linear time); each candidate is then checked, so
 * that a 16-digit order number that fails Luhn or a random "GB.." string that fails mod-97 is left alone.
 */
public final class PiiDetectors {

    static final PiiDetector EMAIL = new PiiDetector("email", "EMAIL",
            "[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24}", s -> true,
            s -> s.indexOf('@') >= 0);
    /** International (+CC …) or grouped national numbers: 9 to 15 digits with separators. */
    static final PiiDetector PHONE = new PiiDetector("phone", "PHONE",
            "(?:^|[^\\w+])((?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{2,4}(?:[ .-]\\d{2,4}){1,4})(?:$|[^\\w])",
            PiiDetectors::phoneDigits, s -> digits(s, 9));
    static final PiiDetector CREDIT_CARD = new PiiDetector("creditCard", "CREDIT_CARD",
            "(?:^|[^\\d])(\\d(?:[ -]?\\d){12,18})(?:$|[^\\d])", Checksums::luhn,
            s -> digits(s, 13));
    static final PiiDetector IBAN = new PiiDetector("iban", "IBAN",
            "(?:^|[^A-Za-z0-9])([A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30})(?:$|[^A-Za-z0-9])", Checksums::iban,
            s -> digits(s, 4));
    static final PiiDetector IP_ADDRESS = new PiiDetector("ipAddress", "IP_ADDRESS",
            "(?:^|[^\\w.:])((?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
                    + "|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?:$|[^\\w.:])",
            PiiDetectors::ipAddress, s -> s.indexOf(':') >= 0 || digits(s, 4));
    /** US Social Security numbers, without the never-issued areas 000, 666, 900-999, group 00, serial 0000. */
    static final PiiDetector US_SSN = new PiiDetector("usSsn", "US_SSN",
            "(?:^|[^\\d-])(\\d{3}-\\d{2}-\\d{4})(?:$|[^\\d-])",
            s -> !s.startsWith("000") && !s.startsWith("666") && s.charAt(0) != '9'
                    && !s.substring(4, 6).equals("00") && !s.endsWith("0000"), s -> digits(s, 9));
    /** UK National Insurance numbers (prefixes BG, GB, KN, NK, NT, TN, ZZ are never issued). */
    static final PiiDetector UK_NINO = new PiiDetector("ukNino", "UK_NINO",
            "(?:^|[^A-Za-z0-9])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D])(?:$|[^A-Za-z0-9])",
            s -> !List.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ").contains(s.substring(0, 2)), s -> digits(s, 6));
    /** Provider keys by their known prefixes, and long high-entropy tokens. */
    static final PiiDetector SECRET = new PiiDetector("secret", "SECRET",
            "(?:^|[^A-Za-z0-9_+/-])(sk-ant-[A-Za-z0-9_-]{20,}|sk-(?:proj-|or-v1-)?[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}"
                    + "|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|xox[abposr]-[A-Za-z0-9-]{10,}"
                    + "|AIza[0-9A-Za-z_-]{35}|sk_live_[0-9A-Za-z]{20,}|ag-[a-z0-9]{4,}-g1-[A-Za-z0-9_]{16,}"
                    + "|[A-Za-z0-9_+/-]{32,200})(?:$|[^A-Za-z0-9_+/-])",
            PiiDetectors::secret, s -> tokenRun(s, 20));

    private static final Map<String, PiiDetector> BY_NAME = Map.of("email", EMAIL, "phone", PHONE,
            "creditCard", CREDIT_CARD, "iban", IBAN, "ipAddress", IP_ADDRESS, "usSsn", US_SSN, "ukNino", UK_NINO,
            "secret", SECRET);
    private static final java.util.regex.Pattern KNOWN_PREFIX = java.util.regex.Pattern.compile(
            "^(sk-|AKIA|gh[pousr]_|github_pat_|xox[abposr]-|AIza|sk_live_|ag-[a-z0-9]{4,}-g1-)");

    private PiiDetectors() {
    }

    /** The detector of that name; throws {@link IllegalArgumentException} for an unknown one. */
    public static PiiDetector named(String name) {
        PiiDetector detector = BY_NAME.get(name);
        if (detector == null) {
            throw new IllegalArgumentException("unknown pii detector " + name);
        }
        return detector;
    }

    /** Whether {@code text} has at least {@code count} ASCII digits. */
    static boolean digits(String text, int count) {
        int seen = 0;
        for (int i = 0; i < text.length() && seen < count; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                seen++;
            }
        }
        return seen >= count;
    }

    /** Whether {@code text} has a run of at least {@code length} token characters (letters, digits, _ + / -). */
    static boolean tokenRun(String text, int length) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '+' || c == '/' || c == '-';
            run = token ? run + 1 : 0;
            if (run >= length) {
                return true;
            }
        }
        return false;
    }

    private static boolean phoneDigits(String s) {
        long digits = s.chars().filter(Character::isDigit).count();
        return digits >= 9 && digits <= 15;
    }

    static boolean ipAddress(String s) {
        if (s.indexOf(':') < 0) {
            return true; // the IPv4 alternative is exact
        }
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] groups = s.split(":", -1);
        int filled = 0;
        for (String group : groups) {
            if (group.length() > 4) {
                return false;
            }
            if (!group.isEmpty()) {
                filled++;
            }
        }
        return doubleColon >= 0 ? filled >= 1 && filled < 8 : groups.length == 8 && filled == 8;
    }

    /** A known prefix, or a long token of letters and digits whose characters look random. */
    static boolean secret(String s) {
        if (KNOWN_PREFIX.matcher(s).find()) {
            return true;
        }
        boolean letter = false;
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            digit |= Character.isDigit(c);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
        }
        letter = upper || lower;
        return letter && digit && upper && lower && Checksums.entropy(s) >= 4.3;
    }
}
