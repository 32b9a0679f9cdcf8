package io.aigw.gateway.firewall.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.gateway.firewall.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiiDetectorsTest {

    private static List<String> found(String detector, String text) {
        List<Span> spans = new ArrayList<>();
        PiiDetectors.named(detector).find(text, spans);
        return spans.stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void shouldFindEmailsButNotAtSignsThatAreNotAddresses() {
        assertEquals(List.of("jane.doe+ai@example.co.uk"), found("email", "write to jane.doe+ai@example.co.uk today"));
        assertEquals(List.of(), found("email", "meet @ noon, user@localhost, a@b"));
    }

    @Test
    void shouldFindPhoneNumbersWithEnoughDigitsOnly() {
        assertEquals(List.of("+44 20 7946 0958"), found("phone", "call +44 20 7946 0958 now"));
        assertEquals(List.of("(555) 123-4567"), found("phone", "US: (555) 123-4567."));
        assertEquals(List.of(), found("phone", "version 1.2.3 and 12-34"));
    }

    @Test
    void shouldFindPaymentCardsThatPassLuhnAndLeaveOtherLongNumbersAlone() {
        assertEquals(List.of("4111 1111 1111 1111"), found("creditCard", "card 4111 1111 1111 1111 exp 12/29"));
        assertEquals(List.of("5500-0000-0000-0004"), found("creditCard", "mc:5500-0000-0000-0004"));
        assertEquals(List.of(), found("creditCard", "order 4111 1111 1111 1112 shipped"), "fails Luhn");
        assertEquals(List.of(), found("creditCard", "id 123456789012"), "too short for a card");
        assertTrue(Checksums.luhn("4012888888881881"));
        assertFalse(Checksums.luhn("4012888888881882"));
    }

    @Test
    void shouldFindIbansThatPassMod97AndLeaveLookAlikesAlone() {
        assertEquals(List.of("GB82 WEST 1234 5698 7654 32"), found("iban", "pay GB82 WEST 1234 5698 7654 32 please"));
        assertEquals(List.of("DE89370400440532013000"), found("iban", "IBAN: DE89370400440532013000"));
        assertEquals(List.of(), found("iban", "pay GB82 WEST 1234 5698 7654 33 please"), "fails mod-97");
        assertFalse(Checksums.iban("XX00ABCDEFGHIJKLMNOP"));
    }

    @Test
    void shouldFindIpv4AndIpv6AddressesButNotVersionsOrTimes() {
        assertEquals(List.of("192.168.10.20"), found("ipAddress", "host 192.168.10.20 is down"));
        assertEquals(List.of("2001:db8::8a2e:370:7334"), found("ipAddress", "v6 2001:db8::8a2e:370:7334 up"));
        assertEquals(List.of("fe80:0:0:0:202:b3ff:fe1e:8329"), found("ipAddress", "fe80:0:0:0:202:b3ff:fe1e:8329"));
        assertEquals(List.of(), found("ipAddress", "version 1.2.3, 999.1.1.1 and 10:30"));
    }

    @Test
    void shouldFindNationalIdsWithoutTheNeverIssuedRanges() {
        assertEquals(List.of("123-45-6789"), found("usSsn", "SSN 123-45-6789."));
        assertEquals(List.of(), found("usSsn", "000-12-3456 666-12-3456 912-34-5678 123-00-4567"));
        assertEquals(List.of("AB 12 34 56 C"), found("ukNino", "NI AB 12 34 56 C"));
        assertEquals(List.of(), found("ukNino", "GB123456A is not issued"));
    }

    @Test
    void shouldFindApiKeysByPrefixAndHighEntropyTokensButNotOrdinaryWords() {
        assertEquals(List.of("sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv"), found("secret", "key=sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv"));
        assertEquals(List.of("sk-proj-abcdefghijklmnopqrstuvwx"), found("secret", "OPENAI sk-proj-abcdefghijklmnopqrstuvwx"));
        assertEquals(List.of("AKIAIOSFODNN7EXAMPLE"), found("secret", "aws AKIAIOSFODNN7EXAMPLE"));
        assertEquals(List.of("ghp_0123456789abcdefghijABCDEFGHIJ0123"), found("secret", "ghp_0123456789abcdefghijABCDEFGHIJ0123"));
        assertEquals(List.of("xoxb-1234567890-abcdefghij"), found("secret", "slack xoxb-1234567890-abcdefghij"));
        assertEquals(List.of("Zx9Qp2Lm8Rt4Vb7Nc1Kd6Hf3Jg5Ws0Ty"), found("secret", "token Zx9Qp2Lm8Rt4Vb7Nc1Kd6Hf3Jg5Ws0Ty"));
        assertEquals(List.of(), found("secret", "supercalifragilisticexpialidocious_and_more_words"));
        assertEquals(List.of(), found("secret", "123e4567-e89b-12d3-a456-426614174000"), "a UUID is not a secret");
    }
}
