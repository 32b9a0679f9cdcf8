package io.aigw.gateway.routing;

import io.aigw.gateway.error.GatewayException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans attempts (SPEC §1.4, §2.2): for each candidate model in order, its rule's steps (a model rule wins
 * over a provider rule) — `keys` steps add one attempt per usable key, `fallback` steps add further models,
 * `balance` steps add their models in a weighted random order (the rule's own model among them stands for its keys),
 * `balance` steps over providers likewise the request's model id at each provider (the model's own provider standing
 * for the rule's keys; a provider that has no such model and takes no pass-through models is left out) —
 * or, without a rule, the provider's keys in creation order. Operator fallbacks outside the access scope or
 * not serving the surface are skipped. Capped at the settings' max attempts. A `keys` step's keys are ordered
 * by its strategy through this replica's {@link KeyBalancer}.
 */
public final class AttemptPlanner {

    private AttemptPlanner() {
    }

    /** Plans with ordered keys only (strategies other than `ordered` need a balancer). */
    public static List<PlannedAttempt> plan(RoutingSnapshot snapshot, RoutePolicy policy, List<ModelAddress> candidates,
            Surface surface) {
        return plan(snapshot, policy, candidates, surface, null);
    }

    public static List<PlannedAttempt> plan(RoutingSnapshot snapshot, RoutePolicy policy, List<ModelAddress> candidates,
            Surface surface, KeyBalancer balancer) {
        int max = snapshot.settings().maxAttempts();
        Plan plan = new Plan(snapshot, policy, surface, max, balancer);
        for (ModelAddress candidate : candidates) {
            plan.add(candidate);
        }
        return plan.attempts;
    }

    private static final class Plan {
        final RoutingSnapshot snapshot;
        final RoutePolicy policy;
        final Surface surface;
        final int max;
        final KeyBalancer balancer;
        final List<PlannedAttempt> attempts = new ArrayList<>(4);
        final Set<String> seenModels = new HashSet<>(4);
        int candidate;
        ModelAddress lastPriced;
        ModelPrice lastPrice;

        Plan(RoutingSnapshot snapshot, RoutePolicy policy, Surface surface, int max, KeyBalancer balancer) {
            this.balancer = balancer;
            this.snapshot = snapshot;
            this.policy = policy;
            this.surface = surface;
            this.max = max;
        }

        void add(ModelAddress address) {
            if (attempts.size() >= max || !seenModels.add(address.canonical())) {
                return;
            }
            int index = candidate++;
            RoutingRule rule = policy.ruleFor(address);
            if (rule == null) {
                defaultKeys(address, index);
                return;
            }
            boolean selfBalanced = false;
            for (RoutingRule.Step step : rule.steps()) {
                selfBalanced |= step.kind() == RoutingRule.Kind.BALANCE && step.values().contains(address.canonical())
                        || step.kind() == RoutingRule.Kind.BALANCE_PROVIDERS && step.values().contains(address.provider().id());
            }
            for (RoutingRule.Step step : rule.steps()) {
                switch (step.kind()) {
                    case FALLBACK -> step.values().forEach(this::fallback);
                    case KEYS -> {
                        if (!selfBalanced) {
                            keys(address, order(step), index);
                        }
                    }
                    case BALANCE -> {
                        for (String entry : order(step)) {
                            if (entry.equals(address.canonical())) {
                                ownKeys(address, rule, index);
                            } else {
                                fallback(entry);
                            }
                        }
                    }
                    case BALANCE_PROVIDERS -> {
                        for (String provider : order(step)) {
                            if (provider.equals(address.provider().id())) {
                                ownKeys(address, rule, index);
                            } else {
                                fallback(provider + ":" + (address.model() != null ? address.model().modelId() : address.modelId()));
                            }
                        }
                    }
                }
            }
        }

        private List<String> order(RoutingRule.Step step) {
            return balancer == null ? step.values() : balancer.order(step);
        }

        /**
         * The rule's own model where its `balance` step names it: the rule's `keys` steps (which then do not run at
         * their own place), or the provider's keys in creation order when the rule has none.
         */
        private void ownKeys(ModelAddress address, RoutingRule rule, int index) {
            boolean any = false;
            for (RoutingRule.Step step : rule.steps()) {
                if (step.kind() == RoutingRule.Kind.KEYS) {
                    any = true;
                    keys(address, order(step), index);
                }
            }
            if (!any) {
                defaultKeys(address, index);
            }
        }

        private ModelPrice price(ModelAddress address) {
            if (lastPriced != address) {
                lastPriced = address;
                lastPrice = ModelPrice.of(address, snapshot);
            }
            return lastPrice;
        }

        private void defaultKeys(ModelAddress address, int index) {
            List<ProviderKeyRef> keys = snapshot.keysOf(address.provider().id());
            if (keys.isEmpty() && !address.provider().keyRequired()) {
                attempts.add(new PlannedAttempt(address, null, index, price(address)));
                return;
            }
            for (ProviderKeyRef key : keys) {
                if (attempts.size() < max) {
                    attempts.add(new PlannedAttempt(address, key, index, price(address)));
                }
            }
        }

        private void keys(ModelAddress address, List<String> keyIds, int index) {
            for (String id : keyIds) {
                ProviderKeyRef key = snapshot.key(id);
                if (key != null && key.providerId().equals(address.provider().id()) && attempts.size() < max) {
                    attempts.add(new PlannedAttempt(address, key, index, price(address)));
                }
            }
        }

        private void fallback(String text) {
            ModelAddress address;
            try {
                address = ModelAddressParser.parse(text, snapshot, null);
            } catch (GatewayException e) {
                return;
            }
            if (policy.access().allowsProvider(address.provider().id()) && policy.access().allowsModel(address.canonical())
                    && address.upstreamSurface(surface) != null) {
                add(address);
            }
        }
    }
}
