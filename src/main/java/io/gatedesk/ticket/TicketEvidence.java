package io.gatedesk.ticket;

import java.time.Instant;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A ticket's evidence as other features read it (log matching, triage): the customer's fields and every public and
 * internal text on the ticket, all already passed through the secret guard.
 *
 * @param messageBodies  every message on the ticket, oldest first
 * @param taskIds        the image/video/music task IDs the customer gave in their own field (texts may name more)
 * @param evidenceBodies the messages that describe the problem: the customer's and staff internal notes. A public
 *                       staff reply is an answer (often one text sent to many tickets), not a description of this
 *                       ticket's problem, so what is inferred from the evidence does not read it
 */
public record TicketEvidence(long id, String number, String subject, String description, ClientApp client,
                             String clientVersion, String baseUrl, String model, String maskedKey,
                             List<String> requestIds, Integer statusCode, String errorMessage,
                             OffsetDateTime requestTime, CallerType callerType, List<String> messageBodies,
                             List<String> evidenceBodies, Instant createdAt, List<String> taskIds) {

    public TicketEvidence {
        taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
    }

    /** Everything a customer or agent wrote on the ticket, for extractors that look through free text. */
    public List<String> allTexts() {
        var texts = new java.util.ArrayList<String>();
        for (String text : new String[]{subject, description, clientVersion, baseUrl, model, maskedKey, errorMessage}) {
            if (text != null) {
                texts.add(text);
            }
        }
        texts.addAll(requestIds);
        texts.addAll(messageBodies);
        return texts;
    }

    /** This evidence with more texts that describe the problem (an attached log's lines), as a customer message. */
    public TicketEvidence withTexts(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        var bodies = new java.util.ArrayList<>(messageBodies);
        bodies.addAll(more);
        var evidence = new java.util.ArrayList<>(evidenceBodies);
        evidence.addAll(more);
        return new TicketEvidence(id, number, subject, description, client, clientVersion, baseUrl, model, maskedKey,
                requestIds, statusCode, errorMessage, requestTime, callerType, List.copyOf(bodies), List.copyOf(evidence),
                createdAt, taskIds);
    }
}
