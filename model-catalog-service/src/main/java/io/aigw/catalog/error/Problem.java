package io.aigw.catalog.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem document (contracts.md, admin API conventions). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String TYPE_PREFIX = "https://aigw.dev/problems/";
}
