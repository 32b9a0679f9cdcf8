package io.aigw.console.proxy;

import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one credential the proxy accepts: a single {@code Authorization: Bearer <token>} header in the kit's token
 * grammar (BearerToken). Basic or any other scheme, a token in the query, and cookie-only requests are refused with the
 * owners' 401; whether the token is valid is the owner's call.
 */
final class Credentials {

    private static final Pattern BEARER = Pattern.compile("(?i)bearer [A-Za-z0-9\\-._~+/]{1,512}=*");
    private static final Set<String> QUERY_CREDENTIALS = Set.of("access_token", "api_key", "apikey", "token");

    private Credentials() {
    }

    static boolean onlyBearer(HttpServerRequest request) {
        List<String> authorization = request.headers().getAll("Authorization");
        if (authorization.size() != 1 || !BEARER.matcher(authorization.get(0).strip()).matches()) {
            return false;
        }
        return request.params().names().stream().noneMatch(name -> QUERY_CREDENTIALS.contains(name.toLowerCase()));
    }
}
