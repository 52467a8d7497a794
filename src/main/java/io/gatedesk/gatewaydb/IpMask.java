package io.gatedesk.gatewaydb;

/**
 * An allowed IP as agents see it: enough to tell "your office network" from "somewhere else" (the first three parts
 * of an IPv4 address, the first two groups of an IPv6 one), not the customer's exact address.
 */
final class IpMask {

    private IpMask() {
    }

    static String mask(String ip) {
        String value = ip.strip();
        String suffix = "";
        int slash = value.indexOf('/');
        if (slash >= 0) {
            suffix = value.substring(slash);
            value = value.substring(0, slash);
        }
        if (value.contains(":")) {
            String[] groups = value.split(":", -1);
            return (groups.length >= 2 ? groups[0] + ":" + groups[1] : groups[0]) + ":…" + suffix;
        }
        int last = value.lastIndexOf('.');
        return (last > 0 ? value.substring(0, last) + ".*" : "*") + suffix;
    }
}
