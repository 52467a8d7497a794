package io.gatedesk.ticket;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The public form as typed: every field is a string so that nothing the customer entered is lost when the page comes
 * back with errors. {@link #toNewTicket} turns it into the command the service checks.
 */
public class TicketForm {

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
    private String statusCode;
    private String errorMessage;
    private String requestTime;
    private String requestTimeZone;
    private String stream;
    private String callerType;

    /** Parses the typed values; a value that cannot be read is reported under its field with a message code. */
    NewTicket toNewTicket(Map<String, String> conversionErrors) {
        return new NewTicket(subject, description, customerName, customerEmail,
                parseEnum(client, ClientApp.class, "client", conversionErrors), clientVersion, baseUrl, model,
                maskedKey, splitRequestIds(requestIds),
                parse(statusCode, Integer::valueOf, "statusCode", "ticket.statusCode.invalid", conversionErrors),
                errorMessage,
                parse(requestTime, LocalDateTime::parse, "requestTime", "ticket.requestTime.invalid", conversionErrors),
                requestTimeZone, parseStream(stream),
                parseEnum(callerType, CallerType.class, "callerType", conversionErrors));
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
        errorMessage = masked.errorMessage();
    }

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
}
