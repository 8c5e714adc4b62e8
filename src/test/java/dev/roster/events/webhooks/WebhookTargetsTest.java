package dev.roster.events.webhooks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which addresses webhook deliveries may never reach (issue 11, item 2): a table, IPv4 and IPv6. */
class WebhookTargetsTest {

    @ParameterizedTest(name = "{0} -> blocked {1}")
    @CsvSource({
            "127.0.0.1, true",
            "10.1.2.3, true",
            "172.16.0.1, true",
            "192.168.1.1, true",
            "169.254.169.254, true",
            "0.0.0.0, true",
            "0.1.2.3, true",
            "100.64.0.1, true",
            "100.127.255.254, true",
            "198.18.0.1, true",
            "198.19.255.1, true",
            "224.0.0.1, true",
            "::1, true",
            "fe80::1, true",
            "fc00::1, true",
            "fd12:3456::1, true",
            "64:ff9b::a00:1, true",
            "::ffff:127.0.0.1, true",
            "93.184.216.34, false",
            "100.63.255.255, false",
            "100.128.0.1, false",
            "198.20.0.1, false",
            "2606:4700:4700::1111, false",
    })
    void blocksPrivateLoopbackLinkLocalAndSpecialRanges(String address, boolean blocked) throws UnknownHostException {
        assertEquals(blocked, WebhookTargets.isBlocked(InetAddress.getByName(address)));
    }
}
