package io.aigw.gateway.routing;

import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * `aigw/auto` (SPEC §1.2): the candidates are the active catalog models the key may call that serve the surface and
 * fit the request (tools not refused, images taken, context long enough); ranked by price (input + output per million
 * tokens) they fall in three equal bands. The request's {@link Complexity} picks a band; the candidates of that band
 * and the dearer ones are tried, cheapest first (failover goes upward); models without a price come last.
 */
public final class AutoModel {

    public static final String NAME = "aigw/auto";

    private AutoModel() {
    }

    public static boolean is(String model) {
        return model != null && model.equalsIgnoreCase(NAME);
    }

    /** The choice: candidates in order, and why (for `X-AIGW-Auto`). */
    public record Choice(List<ModelAddress> candidates, Complexity complexity, String why) {
    }

    /** {@code complexity}: the request's, as its body's parse scored it ({@code RequestBody.complexity()}). */
    public static Choice choose(Complexity complexity, RoutingSnapshot snapshot, RoutePolicy policy, Surface surface) {
        List<ModelAddress> priced = new ArrayList<>();
        List<ModelAddress> unpriced = new ArrayList<>();
        boolean callable = false;
        for (CatalogModel model : snapshot.models()) {
            ModelAddress address = new ModelAddress(snapshot.provider(model.providerId()), model.modelId(), model);
            if (address.provider() == null || !callable(address, model, policy.access(), surface)) {
                continue;
            }
            callable = true;
            if (fits(model, complexity)) {
                (price(address, snapshot) == null ? unpriced : priced).add(address);
            }
        }
        if (!callable) {
            throw new GatewayException(ErrorCode.MODEL_NOT_ALLOWED, "This access key may call no model that serves "
                    + surface.id() + ", so aigw/auto has nothing to choose from.", "model");
        }
        if (priced.isEmpty() && unpriced.isEmpty()) {
            throw new GatewayException(ErrorCode.INVALID_REQUEST, "No model this access key may call fits this request"
                    + " (tools, images, context length): " + complexity.describe() + ".", "model");
        }
        priced.sort(Comparator.comparing((ModelAddress a) -> price(a, snapshot)).thenComparing(ModelAddress::canonical));
        int n = priced.size();
        int band = complexity.band();
        while (band > 0 && firstOfBand(band, n) >= n) { // too few models for that band: the dearest there are
            band--;
        }
        List<ModelAddress> chosen = new ArrayList<>(priced.subList(Math.min(firstOfBand(band, n), n), n));
        chosen.addAll(unpriced);
        String why = complexity.describe() + "; band " + Complexity.BANDS[band] + ": " + chosen.size() + " of "
                + (n + unpriced.size()) + " fitting models, cheapest first";
        return new Choice(chosen, complexity, why);
    }

    /** The rank (0 = cheapest) where {@code band} starts among {@code n} priced models: three bands of equal size. */
    static int firstOfBand(int band, int n) {
        return (band * n + 2) / 3;
    }

    private static boolean callable(ModelAddress address, CatalogModel model, AccessScope scope, Surface surface) {
        return scope.allowsProvider(model.providerId()) && scope.allowsModel(address.canonical())
                && address.upstreamSurface(surface) != null;
    }

    private static boolean fits(CatalogModel model, Complexity needs) {
        if (needs.tools() > 0 && (model.unsupportedParameters().contains("tools")
                || model.unsupportedParameters().contains("tool_choice"))) {
            return false;
        }
        if (needs.attachments() > 0 && !model.takesImages()) {
            return false;
        }
        return model.contextLength() == null || needs.inputTokens() + needs.maxTokens() <= model.contextLength();
    }

    /** Input + output USD per million tokens, or null when the model has no price. */
    private static BigDecimal price(ModelAddress address, ModelDirectory directory) {
        Pricing pricing = ModelPrice.of(address, directory).pricing();
        if (!pricing.known()) {
            return null;
        }
        BigDecimal in = pricing.inputPerMTok() == null ? BigDecimal.ZERO : pricing.inputPerMTok();
        BigDecimal out = pricing.outputPerMTok() == null ? BigDecimal.ZERO : pricing.outputPerMTok();
        return in.add(out);
    }
}
