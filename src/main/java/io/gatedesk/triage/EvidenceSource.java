package io.gatedesk.triage;

/**
 * Where a signal was found, and how much it is trusted. What the gateway logged is fact; an error message the
 * customer copied is close to fact; free text is their account of it, often paraphrased or guessed.
 * Declared in the order used to break ties, most trusted first.
 */
enum EvidenceSource {
    LOG(2.5),
    STATUS_CODE(1.0),
    ERROR_MESSAGE(1.0),
    BASE_URL(1.0),
    TEXT(0.7);

    private final double trust;

    EvidenceSource(double trust) {
        this.trust = trust;
    }

    double trust() {
        return trust;
    }
}
