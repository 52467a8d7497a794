package io.gatedesk.gatewaylog;

/** An import run or ticket the request names does not exist. */
class LogNotFoundException extends RuntimeException {

    LogNotFoundException() {
        super(null, null, false, false);
    }
}
