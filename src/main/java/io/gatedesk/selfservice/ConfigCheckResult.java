package io.gatedesk.selfservice;

import java.util.List;

/** The configuration check in the visitor's language: the JSON API's answer and the pages' model. */
public record ConfigCheckResult(boolean ok, List<Problem> problems, String fix) {

    public record Problem(String code, String message) {
    }
}
