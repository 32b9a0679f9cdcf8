package io.aigw.keys.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details as every admin and internal API answers them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String TYPE_PREFIX = "https://aigw.dev/problems/";
}
