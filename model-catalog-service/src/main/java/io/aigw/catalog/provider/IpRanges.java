package io.aigw.catalog.provider;

import io.aigw.catalog.provider.UpstreamUrlPolicy.HostClass;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Classifies literal IP hosts (no DNS look-up is ever made: only literals reach here). */
final class IpRanges {

    private IpRanges() {
    }

    static HostClass classifyV4(String host) {
        if (!host.matches("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}")) {
            return HostClass.AMBIGUOUS;
        }
        String[] p = host.split("\\.");
        int a = Integer.parseInt(p[0]);
        int b = Integer.parseInt(p[1]);
        if (a == 127) {
            return HostClass.LOOPBACK;
        }
        boolean reserved = a == 0 || a == 10 || a >= 224
                || (a == 172 && b >= 16 && b <= 31)
                || (a == 192 && b == 168)
                || (a == 169 && b == 254)
                || (a == 100 && b >= 64 && b <= 127)
                || (a == 192 && b == 0 && Integer.parseInt(p[2]) == 0)
                || (a == 198 && (b == 18 || b == 19));
        return reserved ? HostClass.PRIVATE : HostClass.PUBLIC;
    }

    static HostClass classifyV6(String host) {
        if (!host.matches("[0-9a-f:.]+")) {
            return HostClass.AMBIGUOUS;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host); // a literal: parsed, never resolved
        } catch (UnknownHostException e) {
            return HostClass.AMBIGUOUS;
        }
        if (address instanceof java.net.Inet4Address v4) {
            return classifyV4(v4.getHostAddress());
        }
        byte[] b = address.getAddress();
        if (address.isLoopbackAddress()) {
            return HostClass.LOOPBACK;
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        if (mapped && (b[10] == (byte) 0xff && b[11] == (byte) 0xff || b[10] == 0 && b[11] == 0)) {
            return classifyV4((b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff));
        }
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || (b[0] & 0xfe) == 0xfc) {
            return HostClass.PRIVATE;
        }
        return HostClass.PUBLIC;
    }
}
