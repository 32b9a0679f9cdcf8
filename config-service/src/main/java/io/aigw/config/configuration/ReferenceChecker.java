package io.aigw.config.configuration;

import io.aigw.config.configuration.ConfigurationSpec.AccessScope;
import io.aigw.config.configuration.ConfigurationSpec.AllowList;
import io.aigw.config.configuration.ConfigurationSpec.RouterSpec;
import io.aigw.config.configuration.ConfigurationSpec.RoutingRule;
import io.aigw.config.configuration.ConfigurationSpec.RoutingStep;
import io.aigw.config.configuration.ModelAddressResolver.Resolution;
import io.aigw.kit.json.JsonInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a parsed configuration against the projections of the catalog and the provider keys, and
 * returns it with every model entry in canonical form. Pure: the caller loads the {@link CatalogView}.
 */
public final class ReferenceChecker {

    private final CatalogView view;
    private final JsonInput in = new JsonInput();

    private ReferenceChecker(CatalogView view) {
        this.view = view;
    }

    /** The canonical configuration; throws a validation problem naming every bad reference. */
    public static ConfigurationSpec check(ConfigurationSpec spec, CatalogView view) {
        ReferenceChecker checker = new ReferenceChecker(view);
        AccessScope access = checker.access(spec.access());
        RouterSpec router = checker.router(spec.router(), access);
        checker.in.throwIfInvalid();
        return new ConfigurationSpec(spec.name(), spec.description(), spec.metadata(), access, router, spec.limits(),
                spec.firewall());
    }

    private AccessScope access(AccessScope access) {
        AllowList providers = access.providers();
        if (providers != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < providers.allow().size(); i++) {
                String id = providers.allow().get(i);
                String pointer = "/access/providers/allow/" + i;
                if (!view.knowsProvider(id)) {
                    in.error(pointer, "unknown provider \"" + id + "\"");
                } else if (!seen.add(id)) {
                    in.error(pointer, "duplicate entry \"" + id + "\"");
                }
            }
        }
        AllowList models = access.models();
        if (models == null) {
            return access;
        }
        List<String> canonical = new ArrayList<>();
        for (int i = 0; i < models.allow().size(); i++) {
            String pointer = "/access/models/allow/" + i;
            Resolution model = ModelAddressResolver.resolveAllowed(models.allow().get(i), view);
            if (model.error() != null) {
                in.error(pointer, model.error());
            } else if (canonical.contains(model.canonical())) {
                in.error(pointer, "duplicate entry \"" + model.canonical() + "\"");
            } else if (providers != null && !model.virtual() && !providers.allow().contains(model.provider())) {
                in.error(pointer, "provider \"" + model.provider() + "\" is not in /access/providers/allow");
            }
            canonical.add(model.canonical());
        }
        return new AccessScope(providers, new AllowList(canonical));
    }

    private RouterSpec router(RouterSpec router, AccessScope access) {
        Set<String> providerRules = new HashSet<>();
        Set<String> modelRules = new HashSet<>();
        List<RoutingRule> rules = new ArrayList<>();
        for (int i = 0; i < router.rules().size(); i++) {
            RoutingRule rule = router.rules().get(i);
            String pointer = "/router/rules/" + i;
            String provider = rule.provider();
            String model = null;
            if (provider != null) {
                if (!view.knowsProvider(provider)) {
                    in.error(pointer + "/provider", "unknown provider \"" + provider + "\"");
                    provider = null;
                } else if (!providerRules.add(provider)) {
                    in.error(pointer + "/provider", "there is already a rule for provider \"" + provider + "\"");
                }
            } else {
                Resolution resolved = ModelAddressResolver.resolve(rule.model(), view);
                if (resolved.error() != null) {
                    in.error(pointer + "/model", resolved.error());
                } else if (!modelRules.add(resolved.canonical())) {
                    in.error(pointer + "/model", "there is already a rule for model \"" + resolved.canonical() + "\"");
                }
                model = resolved.canonical();
                provider = resolved.provider();
            }
            rules.add(new RoutingRule(rule.provider(), model, steps(rule, pointer, provider, model, access)));
        }
        return new RouterSpec(rules, router.autoWhenModelMissing());
    }

    private List<RoutingStep> steps(RoutingRule rule, String pointer, String provider, String model, AccessScope access) {
        Set<String> keys = new HashSet<>();
        Set<String> fallbacks = new HashSet<>();
        List<RoutingStep> steps = new ArrayList<>();
        for (int j = 0; j < rule.steps().size(); j++) {
            RoutingStep step = rule.steps().get(j);
            String stepPointer = pointer + "/steps/" + j;
            if (RoutingStep.KEYS.equals(step.type())) {
                for (int k = 0; k < step.keys().size(); k++) {
                    checkKey(step.keys().get(k), stepPointer + "/keys/" + k, provider, keys);
                }
                steps.add(step);
            } else if (RoutingStep.BALANCE.equals(step.type()) && step.providers() != null) {
                steps.add(balanceProviders(step, stepPointer, access));
            } else if (RoutingStep.BALANCE.equals(step.type())) {
                steps.add(balance(step, stepPointer, model, access));
            } else {
                List<String> models = new ArrayList<>();
                for (int k = 0; k < step.models().size(); k++) {
                    models.add(checkFallback(step.models().get(k), stepPointer + "/models/" + k, model, access, fallbacks));
                }
                steps.add(new RoutingStep(step.type(), null, models));
            }
        }
        return steps;
    }

    /**
     * A `balance` step: its models as fallbacks are checked (scope, no repeats), except that the rule's own model may
     * be one of them (it stands for the rule's keys); weights move to the canonical addresses.
     */
    private RoutingStep balance(RoutingStep step, String pointer, String ruleModel, AccessScope access) {
        Set<String> seen = new HashSet<>();
        List<String> models = new ArrayList<>();
        java.util.Map<String, Integer> weights = step.weights() == null ? null : new java.util.LinkedHashMap<>();
        for (int k = 0; k < step.models().size(); k++) {
            String entry = step.models().get(k);
            Resolution own = ModelAddressResolver.resolve(entry, view);
            String canonical;
            if (own.error() == null && own.canonical().equals(ruleModel)) {
                canonical = seen.add(ruleModel) ? ruleModel : checkFallback(entry, pointer + "/models/" + k, null, access, seen);
            } else {
                canonical = checkFallback(entry, pointer + "/models/" + k, ruleModel, access, seen);
            }
            models.add(canonical);
            if (weights != null && step.weights().containsKey(entry)) {
                weights.put(canonical, step.weights().get(entry));
            }
        }
        return new RoutingStep(step.type(), null, models, null, weights);
    }

    /**
     * A `balance` step over providers: each must exist, appear once and be inside the access scope's providers. Whether
     * a provider serves the request's model is the gateway's to find out per request (a provider rule balances every
     * model of its provider).
     */
    private RoutingStep balanceProviders(RoutingStep step, String pointer, AccessScope access) {
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < step.providers().size(); k++) {
            String provider = step.providers().get(k);
            String at = pointer + "/providers/" + k;
            if (!view.knowsProvider(provider)) {
                in.error(at, "unknown provider \"" + provider + "\"");
            } else if (!seen.add(provider)) {
                in.error(at, "duplicate provider \"" + provider + "\" in this step");
            } else if (access.providers() != null && !access.providers().allow().contains(provider)) {
                in.error(at, "provider \"" + provider + "\" is outside the access scope: not in /access/providers/allow");
            }
        }
        return step;
    }

    private void checkKey(String key, String pointer, String provider, Set<String> seen) {
        String owner = view.providerKeys().get(key);
        if (owner == null) {
            in.error(pointer, "unknown provider key \"" + key + "\"");
        } else if (provider != null && !owner.equals(provider)) {
            in.error(pointer, "provider key \"" + key + "\" belongs to provider \"" + owner
                    + "\", not to \"" + provider + "\"");
        } else if (!seen.add(key)) {
            in.error(pointer, "duplicate provider key \"" + key + "\" in this rule");
        }
    }

    private String checkFallback(String entry, String pointer, String ruleModel, AccessScope access, Set<String> seen) {
        Resolution resolved = ModelAddressResolver.resolve(entry, view);
        if (resolved.error() != null) {
            in.error(pointer, resolved.error());
            return entry;
        }
        String canonical = resolved.canonical();
        if (canonical.equals(ruleModel)) {
            in.error(pointer, "a rule cannot fall back to its own model");
        } else if (!seen.add(canonical)) {
            in.error(pointer, "duplicate fallback model \"" + canonical + "\" in this rule");
        } else if (access.providers() != null && !access.providers().allow().contains(resolved.provider())) {
            in.error(pointer, "fallback model \"" + canonical + "\" is outside the access scope: provider \""
                    + resolved.provider() + "\" is not in /access/providers/allow");
        } else if (access.models() != null && !ModelAddressResolver.allows(access.models().allow(), canonical)) {
            in.error(pointer, "fallback model \"" + canonical + "\" is outside the access scope: not in /access/models/allow");
        }
        return canonical;
    }
}
