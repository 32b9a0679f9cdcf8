package io.aigw.catalog.provider;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamUrlPolicyTest {

    final UpstreamUrlPolicy strict = new UpstreamUrlPolicy(List.of(), false);
    final UpstreamUrlPolicy loopback = new UpstreamUrlPolicy(List.of(), true);
    final UpstreamUrlPolicy listed = new UpstreamUrlPolicy(List.of("vllm.ai.svc.cluster.local", "*.corp.example"), false);

    @Test
    void shouldAcceptPublicHttpsHosts() {
        for (String url : List.of("https://api.openai.com/v1", "https://8.8.8.8/v1", "https://[2606:4700::1111]/v1",
                "https://x.openai.azure.com/openai/deployments/d?api-version=2024-10-21")) {
            assertTrue(strict.violation(url).isEmpty(), url);
        }
    }

    @Test
    void shouldRefuseLoopbackPrivateLinkLocalAndClusterNames() {
        for (String url : List.of("https://localhost/v1", "https://api.localhost/v1", "https://127.1.2.3/v1",
                "https://[::1]/v1", "https://[::ffff:127.0.0.1]/v1", "https://[fd00::1]/v1", "https://[fe80::1]/v1",
                "https://0.0.0.0/v1", "https://172.20.1.1/v1", "https://100.64.0.1/v1", "https://169.254.169.254/",
                "https://metadata.google.internal/", "https://svc.ns.svc/v1", "https://a.b.svc.cluster.local/v1",
                "https://ollama:11434/v1", "https://2130706433/v1", "https://0177.0.0.1/v1", "ftp://example.com/v1",
                "https:///v1", "not a url")) {
            assertFalse(strict.violation(url).isEmpty(), url);
        }
    }

    @Test
    void shouldAllowLoopbackOnlyWhenSwitchedOn() {
        assertTrue(loopback.violation("http://127.0.0.1:9999/v1").isEmpty());
        assertTrue(loopback.violation("http://localhost:11434/v1").isEmpty());
        assertTrue(loopback.violation("http://[::1]:8000/v1").isEmpty());
        assertFalse(loopback.violation("http://10.0.0.1/v1").isEmpty());
        assertFalse(loopback.violation("http://api.example.com/v1").isEmpty());
    }

    @Test
    void shouldAllowListedHostsOverHttpAndWildcards() {
        assertTrue(listed.violation("http://vllm.ai.svc.cluster.local:8000/v1").isEmpty());
        assertTrue(listed.violation("http://gpu.corp.example/v1").isEmpty());
        assertFalse(listed.violation("http://corp.example.evil.com/v1").isEmpty());
        assertFalse(listed.violation("http://other.ai.svc.cluster.local/v1").isEmpty());
    }
}
