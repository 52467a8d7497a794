package io.gatedesk.ticket.web;

import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.secret.SecretFinding;
import io.gatedesk.secret.SecretGuard;
import io.gatedesk.secret.SecretKind;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The public form as typed: every field is a string so that nothing the customer entered is lost when the page comes
 * back with errors. {@link #toNewTicket} turns it into the command the service checks.
 */
public class TicketForm {

    /** More than this many reported findings on one form is not a paste but a flood; the rest are ignored. */
    private static final int MAX_EARLIER_FINDINGS = 50;

    private String subject;
    private String description;
    private String customerName;
    private String customerEmail;
    private String client;
    private String clientVersion;
    private String baseUrl;
    private String model;
    private String maskedKey;
    private String requestIds;
    /** Image/video/music task IDs, one per line (or separated by spaces, commas). */
    private String taskIds;
    private String statusCode;
    private String errorMessage;
    private String requestTime;
    private String requestTimeZone;
    private String stream;
    private String callerType;
    /** A random UUID per rendered form: sending the same form twice files one ticket (see SubmissionKey). */
    private String idempotencyKey;
    /**
     * Secrets masked before this submission reached the server — by the browser as they were pasted, or on an earlier,
     * rejected submission — carried as kind|mask|fingerprint so the ticket's audit trail has them.
     */
    private List<String> maskedEarlier = new ArrayList<>();

    /** Parses the typed values; a value that cannot be read is reported under its field with a message code. */
    NewTicket toNewTicket(Map<String, String> conversionErrors) {
        return new NewTicket(subject, description, customerName, customerEmail,
                parseEnum(client, ClientApp.class, "client", conversionErrors), clientVersion, baseUrl, model,
                maskedKey, splitRequestIds(requestIds),
                parse(statusCode, Integer::valueOf, "statusCode", "ticket.statusCode.invalid", conversionErrors),
                errorMessage,
                parse(requestTime, LocalDateTime::parse, "requestTime", "ticket.requestTime.invalid", conversionErrors),
                requestTimeZone, parseStream(stream),
                parseEnum(callerType, CallerType.class, "callerType", conversionErrors), splitRequestIds(taskIds));
    }

    /**
     * Masks every field as typed, including those that are not free text (a key pasted into the status code field
     * must not come back either), before the form is read, checked or shown again.
     */
    void maskWith(UnaryOperator<String> guard) {
        subject = guard.apply(subject);
        description = guard.apply(description);
        customerName = guard.apply(customerName);
        customerEmail = guard.apply(customerEmail);
        client = guard.apply(client);
        clientVersion = guard.apply(clientVersion);
        baseUrl = guard.apply(baseUrl);
        model = guard.apply(model);
        maskedKey = guard.apply(maskedKey);
        requestIds = guard.apply(requestIds);
        taskIds = guard.apply(taskIds);
        statusCode = guard.apply(statusCode);
        errorMessage = guard.apply(errorMessage);
        requestTime = guard.apply(requestTime);
        requestTimeZone = guard.apply(requestTimeZone);
        stream = guard.apply(stream);
        callerType = guard.apply(callerType);
    }

    /** Puts the masked texts back, so the page never shows a key the customer pasted. */
    void showMasked(NewTicket masked) {
        subject = masked.subject();
        description = masked.description();
        customerName = masked.customerName();
        customerEmail = masked.customerEmail();
        clientVersion = masked.clientVersion();
        baseUrl = masked.baseUrl();
        model = masked.model();
        maskedKey = masked.maskedKey();
        if (!masked.requestIds().isEmpty() || requestIds != null) {
            requestIds = String.join("\n", masked.requestIds());
        }
        if (!masked.taskIds().isEmpty() || taskIds != null) {
            // One line: the box is a text input, where a line break would be lost.
            taskIds = String.join(" ", masked.taskIds());
        }
        errorMessage = masked.errorMessage();
    }

    /** Request or task IDs as typed: one per line, or separated by spaces, commas or semicolons. */
    static List<String> splitRequestIds(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\s,;]+")).map(String::trim).filter(id -> !id.isEmpty()).toList();
    }

    private static Boolean parseStream(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on" -> Boolean.TRUE;
            case "no", "false", "off" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static <T> T parse(String value, Function<String, T> parser, String field, String code,
                               Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (NumberFormatException | DateTimeParseException e) {
            errors.put(field, code);
            return null;
        }
    }

    private static <E extends Enum<E>> E parseEnum(String value, Class<E> type, String field,
                                                   Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put(field, "field.unknownChoice");
            return null;
        }
    }

    /**
     * The findings the browser or an earlier submission reported. They come from the client, so each must look like
     * one: a known kind, a SHA-256 fingerprint and a mask (a tampered value carrying a key is dropped, never recorded).
     */
    List<SecretFinding> earlierFindings(SecretGuard guard) {
        List<SecretFinding> findings = new ArrayList<>();
        for (String value : maskedEarlier.stream().distinct().limit(MAX_EARLIER_FINDINGS).toList()) {
            String[] parts = value == null ? new String[0] : value.split("\\|", 3);
            if (parts.length == 3 && parts[2].matches("[0-9a-f]{64}") && guard.isMask(parts[1])) {
                try {
                    findings.add(new SecretFinding(SecretKind.valueOf(parts[0]), parts[1], parts[2]));
                } catch (IllegalArgumentException ignored) {
                    // A tampered value only loses its own audit line.
                }
            }
        }
        return findings;
    }

    void rememberFindings(List<SecretFinding> findings) {
        maskedEarlier = new ArrayList<>(findings.stream()
                .map(finding -> finding.kind() + "|" + finding.masked() + "|" + finding.fingerprint()).toList());
    }

    public List<String> getMaskedEarlier() {
        return maskedEarlier;
    }

    public void setMaskedEarlier(List<String> maskedEarlier) {
        this.maskedEarlier = maskedEarlier == null ? new ArrayList<>() : new ArrayList<>(maskedEarlier);
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCustomerName() {
        return customerName;
    }

    public void setCustomerName(String customerName) {
        this.customerName = customerName;
    }

    public String getCustomerEmail() {
        return customerEmail;
    }

    public void setCustomerEmail(String customerEmail) {
        this.customerEmail = customerEmail;
    }

    public String getClient() {
        return client;
    }

    public void setClient(String client) {
        this.client = client;
    }

    public String getClientVersion() {
        return clientVersion;
    }

    public void setClientVersion(String clientVersion) {
        this.clientVersion = clientVersion;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getMaskedKey() {
        return maskedKey;
    }

    public void setMaskedKey(String maskedKey) {
        this.maskedKey = maskedKey;
    }

    public String getRequestIds() {
        return requestIds;
    }

    public void setRequestIds(String requestIds) {
        this.requestIds = requestIds;
    }

    public String getTaskIds() {
        return taskIds;
    }

    public void setTaskIds(String taskIds) {
        this.taskIds = taskIds;
    }

    public String getStatusCode() {
        return statusCode;
    }

    public void setStatusCode(String statusCode) {
        this.statusCode = statusCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public void setErrorMessage(String errorMessage) {
        this.errorMessage = errorMessage;
    }

    public String getRequestTime() {
        return requestTime;
    }

    public void setRequestTime(String requestTime) {
        this.requestTime = requestTime;
    }

    public String getRequestTimeZone() {
        return requestTimeZone;
    }

    public void setRequestTimeZone(String requestTimeZone) {
        this.requestTimeZone = requestTimeZone;
    }

    public String getStream() {
        return stream;
    }

    public void setStream(String stream) {
        this.stream = stream;
    }

    public String getCallerType() {
        return callerType;
    }

    public void setCallerType(String callerType) {
        this.callerType = callerType;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }
}
