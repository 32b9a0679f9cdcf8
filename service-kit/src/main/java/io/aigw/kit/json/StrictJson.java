package io.aigw.kit.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Strict JSON for every admin API: unknown fields, duplicate keys, trailing content and scalar coercion
 * ({@code true} or {@code 123} where a string is due, {@code 1.5} where an integer is due) are errors; money is read
 * as {@code BigDecimal} and written as plain decimals.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    /**
     * A copy for reading other services' events (Kafka), where the producer's rules apply, not the admin API's:
     * unknown fields ignored, strings accepted for numbers (money travels as a decimal string), nulls for primitives
     * read as defaults.
     */
    public static ObjectMapper lenient(ObjectMapper strict) {
        ObjectMapper copy = strict.copy();
        copy.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        copy.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        copy.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        copy.enable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        copy.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, true);
        copy.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
        return copy;
    }

    /** Applies the rules to any mapper (also used by tests and by services' own readers). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
