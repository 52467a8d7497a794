package io.gatedesk.answer;

/** No answer (or no checklist item) by that key or id. */
class AnswerNotFoundException extends RuntimeException {

    AnswerNotFoundException(String what) {
        super("no answer " + what);
    }
}
