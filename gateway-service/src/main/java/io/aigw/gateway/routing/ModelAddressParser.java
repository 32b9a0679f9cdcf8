package io.aigw.gateway.routing;

import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;

/**
 * Parses model addresses (SPEC §1.2): `provider:model` split on the first colon only when the left
 * part is a known provider; bare ids looked up case-insensitively; bare slash ids rejected with a
 * "did you mean" suggestion.
 */
public final class ModelAddressParser {

    /** Longest address accepted; longer ones are malformed. */
    public static final int MAX_LENGTH = 512;
    private static final String SUGGESTION_PROVIDER = "openrouter";

    private ModelAddressParser() {
    }

    /**
     * Resolves {@code address}; {@code param} names the request field in errors (`model`, `models`).
     *
     * @throws GatewayException with `invalid_model_address`, `unknown_model` or `unknown_provider`
     */
    public static ModelAddress parse(String address, ModelDirectory directory, String param) {
        if (!wellFormed(address)) {
            throw new GatewayException(ErrorCode.INVALID_MODEL_ADDRESS,
                    "The model address must be a non-empty string without spaces, at most " + MAX_LENGTH
                            + " characters, such as \"openai:gpt-4o\" or \"gpt-4o\".", param);
        }
        int colon = address.indexOf(':');
        if (colon > 0) {
            Provider provider = directory.provider(providerId(address, colon));
            if (provider != null) {
                return qualified(provider, address.substring(colon + 1), directory, address, param);
            }
        }
        CatalogModel bare = directory.bareModel(address);
        if (bare != null) {
            return new ModelAddress(directory.provider(bare.providerId()), bare.modelId(), bare);
        }
        return unknown(address, colon, directory, param);
    }

    private static ModelAddress qualified(Provider provider, String modelId, ModelDirectory directory,
            String address, String param) {
        if (modelId.isEmpty()) {
            throw new GatewayException(ErrorCode.INVALID_MODEL_ADDRESS,
                    "The model address \"" + address + "\" names a provider but no model.", param);
        }
        CatalogModel model = directory.model(provider.id(), modelId);
        if (model != null) {
            return new ModelAddress(provider, model.modelId(), model);
        }
        if (!provider.allowPassThroughModels()) {
            throw new GatewayException(ErrorCode.UNKNOWN_MODEL, "The model \"" + modelId
                    + "\" is not in the catalog of provider \"" + provider.id() + "\".", param);
        }
        return new ModelAddress(provider, modelId, null);
    }

    private static ModelAddress unknown(String address, int colon, ModelDirectory directory, String param) {
        int slash = address.indexOf('/');
        if (slash >= 0 && (colon < 0 || slash < colon)) {
            String suggestion = suggest(address, slash, directory);
            throw new GatewayException(ErrorCode.UNKNOWN_MODEL, "The model \"" + address
                    + "\" is not a catalog id; slash ids need a provider prefix"
                    + (suggestion == null ? "." : ": did you mean \"" + suggestion + "\"?"), param);
        }
        if (colon >= 0) {
            throw new GatewayException(ErrorCode.UNKNOWN_PROVIDER, "The provider \""
                    + address.substring(0, colon) + "\" of model address \"" + address + "\" is not known.", param);
        }
        throw new GatewayException(ErrorCode.UNKNOWN_MODEL, "The model \"" + address
                + "\" is not in the catalog; name its provider as \"provider:" + address + "\".", param);
    }

    /** The address the client probably meant for a bare slash id, or null. */
    static String suggest(String address, int slash, ModelDirectory directory) {
        CatalogModel listed = directory.modelWithSlashId(address);
        if (listed != null) {
            return listed.address();
        }
        Provider left = directory.provider(providerId(address, slash));
        String rest = address.substring(slash + 1);
        if (left != null && !rest.isEmpty()) {
            CatalogModel model = directory.model(left.id(), rest);
            if (model != null) {
                return model.address();
            }
        }
        Provider router = directory.provider(SUGGESTION_PROVIDER);
        if (router != null && router.allowPassThroughModels()) {
            return SUGGESTION_PROVIDER + ":" + address;
        }
        return left != null && !rest.isEmpty() && left.allowPassThroughModels() ? left.id() + ":" + rest : null;
    }

    private static String providerId(String address, int end) {
        String left = address.substring(0, end);
        for (int i = 0; i < left.length(); i++) {
            if (Character.isUpperCase(left.charAt(i))) {
                return left.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return left;
    }

    private static boolean wellFormed(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c <= ' ' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }
}
