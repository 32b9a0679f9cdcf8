package io.aigw.gateway.provider;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Which resolved addresses the gateway may dial (issue 14): public unicast only, embedded IPv4 forms included. */
class UpstreamAddressPolicyTest {

    private static boolean dialable(String address) throws Exception {
        return UpstreamAddressPolicy.isPublic(InetAddress.getByName(address));
    }

    @Test
    void shouldRefuseEverySpecialPurposeIpv4Range() throws Exception {
        for (String a : new String[] {"0.0.0.0", "10.1.2.3", "100.64.0.1", "100.127.255.254", "127.0.0.1", "127.8.8.8",
                "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.10", "192.88.99.1",
                "192.168.1.1", "198.18.0.1", "198.19.255.1", "198.51.100.7", "203.0.113.9", "224.0.0.1",
                "240.0.0.1", "255.255.255.255"}) {
            assertThat(a, dialable(a), equalTo(false));
        }
    }

    @Test
    void shouldRefuseSpecialIpv6RangesAndEveryFormThatEmbedsAnIpv4Address() throws Exception {
        for (String a : new String[] {"::", "::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::ffff:0:169.254.169.254",
                "::10.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::a00:1", "2002:a9fe:a9fe::1", "2001:0:4136:e378::1",
                "2001:db8::1", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1", "100::1"}) {
            assertThat(a, dialable(a), equalTo(false));
        }
    }

    @Test
    void shouldAllowPublicAddresses() throws Exception {
        for (String a : new String[] {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "::ffff:8.8.8.8",
                "2606:4700:4700::1111", "2a00:1450:4001::200e"}) {
            assertThat(a, dialable(a), equalTo(true));
        }
    }

    @Test
    void shouldRefuseANameThatResolvesToLoopbackUnlessLoopbackIsAllowed() {
        try {
            UpstreamAddressPolicy.check("localhost", false);
            throw new AssertionError("localhost was allowed");
        } catch (UpstreamAddressPolicy.Refused expected) {
            // refused at resolution, whatever the name looked like
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
