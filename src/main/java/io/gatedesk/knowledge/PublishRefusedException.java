package io.gatedesk.knowledge;

import java.util.List;

/** The privacy gate found something: the article stays unpublished and the findings are listed. */
class PublishRefusedException extends RuntimeException {

    private final transient List<PrivacyFinding> findings;

    PublishRefusedException(List<PrivacyFinding> findings) {
        super(findings.size() + " privacy findings");
        this.findings = List.copyOf(findings);
    }

    List<PrivacyFinding> findings() {
        return findings;
    }
}
