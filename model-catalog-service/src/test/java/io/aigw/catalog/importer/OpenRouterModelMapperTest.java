package io.aigw.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OpenRouterModelMapperTest {

    static BigDecimal perMillion(String perToken) throws Exception {
        return OpenRouterModelMapper.perMillion(new ObjectMapper().readTree("{\"p\":\"" + perToken + "\"}"), "p", "");
    }

    @Test
    void shouldConvertPerTokenStringsToPerMillionExactly() throws Exception {
        assertEquals("2.5", perMillion("0.0000025").toPlainString());
        assertEquals("10", perMillion("0.00001").toPlainString());
        assertEquals("0.0375", perMillion("0.0000000375").toPlainString());
        assertEquals("0.000001", perMillion("0.000000000001").toPlainString());
        assertEquals("0", perMillion("0").toPlainString());
        assertEquals("75", perMillion("0.000075").toPlainString());
        assertEquals("0.3", perMillion("3e-7").toPlainString());
    }

    @Test
    void shouldTreatNegativeVariablePriceAsUnknown() throws Exception {
        assertNull(perMillion("-1"));
    }
}
