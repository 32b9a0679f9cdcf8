package io.aigw.gateway.proxy;

import io.aigw.gateway.config.GatewayConfig;
import io.aigw.gateway.firewall.FirewallMetrics;
import io.aigw.gateway.limits.LimitEnforcer;
import io.aigw.gateway.metrics.GatewayMetrics;
import io.aigw.gateway.provider.ProviderKeyVault;
import io.aigw.gateway.provider.UpstreamClient;
import io.aigw.gateway.routing.KeyBalancer;
import io.aigw.gateway.routing.RetryBudget;
import io.aigw.gateway.routing.SharedCooldowns;
import io.aigw.gateway.tracing.GatewayTracing;
import io.aigw.gateway.translate.TranslationMetrics;
import io.aigw.gateway.usage.UsageMeter;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;

/** The collaborators every exchange uses, injected once (a singleton: its fields are read directly). */
@Singleton
public class ExchangeServices {

    final Vertx vertx;
    final UpstreamClient upstream;
    final ProviderKeyVault vault;
    final GatewayMetrics metrics;
    final UsageMeter usage;
    final LimitEnforcer limits;
    final TranslationMetrics translations;
    final FirewallMetrics firewall;
    final GatewayTracing tracing;
    /** This replica's key-balancing state (round-robin turns, attempts in flight per key). */
    final KeyBalancer balancer = new KeyBalancer();
    /** This replica's budget of retries (failovers and same-backend retries) per request. */
    final RetryBudget retryBudget = new RetryBudget();
    /** Backends cooling down after failures, shared by the replicas. */
    final SharedCooldowns cooldowns;
    /** Largest non-streamed upstream answer read into memory. */
    final long maxAnswerBytes;

    public ExchangeServices(Vertx vertx, UpstreamClient upstream, ProviderKeyVault vault, GatewayMetrics metrics,
            UsageMeter usage, LimitEnforcer limits, TranslationMetrics translations, GatewayConfig config,
            FirewallMetrics firewall, SharedCooldowns cooldowns, GatewayTracing tracing) {
        this.firewall = firewall;
        this.cooldowns = cooldowns;
        this.tracing = tracing;
        this.translations = translations;
        this.maxAnswerBytes = config.maxUpstreamResponseBytes();
        this.limits = limits;
        this.usage = usage;
        this.vertx = vertx;
        this.upstream = upstream;
        this.vault = vault;
        this.metrics = metrics;
    }
}
