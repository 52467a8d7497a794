package io.gatedesk.gatewaylog.format;

/**
 * What a gateway log row records. The gateways number these differently (one-api type 5 is a channel test,
 * new-api type 5 is an error), so every parser maps its own codes onto this one list.
 */
public enum LogType {
    CONSUME,
    ERROR,
    TOPUP,
    MANAGE,
    SYSTEM,
    TEST,
    REFUND,
    UNKNOWN
}
