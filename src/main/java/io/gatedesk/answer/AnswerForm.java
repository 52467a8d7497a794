package io.gatedesk.answer;

/** What an admin types into the answer form; checked by {@link AnswerService}, never bound to an entity. */
public record AnswerForm(String key, String language, String title, String category, String body) {

    static AnswerForm of(ShortAnswer answer) {
        return new AnswerForm(answer.key(), answer.language(), answer.title(),
                answer.category() == null ? "" : answer.category(), answer.body());
    }
}
