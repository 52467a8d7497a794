package io.gatedesk.incident;

/** Where an incident stands, as a status page shows it; dismissed and merged incidents are kept only for the record. */
public enum IncidentStatus {
    INVESTIGATING,
    IDENTIFIED,
    MONITORING,
    RESOLVED,
    DISMISSED,
    MERGED;

    /** The statuses an agent moves an incident through by hand. */
    public static final java.util.List<IncidentStatus> WORKFLOW = java.util.List.of(INVESTIGATING, IDENTIFIED,
            MONITORING, RESOLVED);

    public boolean isOpen() {
        return this == INVESTIGATING || this == IDENTIFIED || this == MONITORING;
    }
}
