package io.gatedesk.gatewaylog;

/** Where an import run is. */
public enum ImportStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
