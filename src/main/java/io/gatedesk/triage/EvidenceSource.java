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
    TEXT(0.7),
    // A clause of the text that guesses at the cause ("maybe my balance ran out?", "是不是限流了"): the customer's
    // theory, which must lose to any error they pasted.
    GUESS(0.25),
    // Not a place in the input: the word statistics of WordModel, heard only when no rule matched outside a guess.
    FALLBACK(1.0);

    private final double trust;

    EvidenceSource(double trust) {
        this.trust = trust;
    }

    double trust() {
        return trust;
    }
}
