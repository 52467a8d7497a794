package io.gatedesk.ticket;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDateTime;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A customer's ticket as submitted, by the public form or the API. The same constraints serve both, and they are
 * checked only after every text has passed the secret guard.
 */
public record NewTicket(
        @NotBlank(message = "{ticket.subject.required}") @Size(max = 200, message = "{field.tooLong}") String subject,
        @NotBlank(message = "{ticket.description.required}") @Size(max = 20000, message = "{field.tooLong}") String description,
        @NotBlank(message = "{ticket.customerName.required}") @Size(max = 120, message = "{field.tooLong}") String customerName,
        @NotBlank(message = "{ticket.customerEmail.required}") @Email(message = "{ticket.customerEmail.invalid}")
        @Size(max = 254, message = "{field.tooLong}") String customerEmail,
        ClientApp client,
        @Size(max = 64, message = "{field.tooLong}") String clientVersion,
        @Size(max = 500, message = "{field.tooLong}") String baseUrl,
        @Size(max = 128, message = "{field.tooLong}") String model,
        @Size(max = 128, message = "{field.tooLong}") String maskedKey,
        @Size(max = 20, message = "{ticket.requestIds.tooMany}")
        List<@Size(max = 128, message = "{ticket.requestIds.tooLong}")
             @Pattern(regexp = "[^\\s]+", message = "{ticket.requestIds.whitespace}") String> requestIds,
        @Min(value = 100, message = "{ticket.statusCode.range}") @Max(value = 599, message = "{ticket.statusCode.range}")
        Integer statusCode,
        @Size(max = 4000, message = "{field.tooLong}") String errorMessage,
        LocalDateTime requestTime,
        @Size(max = 64, message = "{field.tooLong}") String requestTimeZone,
        Boolean stream,
        CallerType callerType,
        @Size(max = NewTicket.MAX_TASK_IDS, message = "{ticket.taskIds.tooMany}")
        List<@Pattern(regexp = NewTicket.TASK_ID, message = "{ticket.taskIds.invalid}") String> taskIds) {

    /** A ticket names a handful of tasks at most, as the gateway lookup reads them. */
    public static final int MAX_TASK_IDS = 5;
    /**
     * An image/video/music task ID as the gateways keep them: new-api's {@code task_…}, Midjourney's digits, the
     * upstream UUIDs — letters, digits, '-' and '_', 8 to 64. A masked key ({@code sk-abcd****wxyz}) does not fit.
     */
    public static final String TASK_ID = "[A-Za-z0-9][A-Za-z0-9_-]{7,63}";

    /** A ticket without task IDs of its own (they may still be named in its texts). */
    public NewTicket(String subject, String description, String customerName, String customerEmail, ClientApp client,
                     String clientVersion, String baseUrl, String model, String maskedKey, List<String> requestIds,
                     Integer statusCode, String errorMessage, LocalDateTime requestTime, String requestTimeZone,
                     Boolean stream, CallerType callerType) {
        this(subject, description, customerName, customerEmail, client, clientVersion, baseUrl, model, maskedKey,
                requestIds, statusCode, errorMessage, requestTime, requestTimeZone, stream, callerType, List.of());
    }

    public NewTicket {
        requestIds = requestIds == null ? List.of() : requestIds.stream()
                .map(String::trim).filter(id -> !id.isEmpty()).distinct().toList();
        taskIds = taskIds == null ? List.of() : taskIds.stream().filter(java.util.Objects::nonNull)
                .map(String::trim).filter(id -> !id.isEmpty()).distinct().toList();
        subject = trim(subject);
        customerName = trim(customerName);
        customerEmail = trim(customerEmail);
        clientVersion = blankToNull(clientVersion);
        baseUrl = blankToNull(baseUrl);
        model = blankToNull(model);
        maskedKey = blankToNull(maskedKey);
        errorMessage = blankToNull(errorMessage);
        requestTimeZone = blankToNull(requestTimeZone);
    }

    /** The same ticket with {@code guard} applied to every free-text field. */
    public NewTicket mapText(UnaryOperator<String> guard) {
        return new NewTicket(guard.apply(subject), guard.apply(description), guard.apply(customerName),
                guard.apply(customerEmail), client, guard.apply(clientVersion), guard.apply(baseUrl), guard.apply(model),
                guard.apply(maskedKey), requestIds.stream().map(guard).toList(), statusCode, guard.apply(errorMessage),
                requestTime, requestTimeZone, stream, callerType, taskIds.stream().map(guard).toList());
    }

    /** The same ticket with another masked key. */
    public NewTicket withMaskedKey(String newMaskedKey) {
        return new NewTicket(subject, description, customerName, customerEmail, client, clientVersion, baseUrl, model,
                newMaskedKey, requestIds, statusCode, errorMessage, requestTime, requestTimeZone, stream, callerType,
                taskIds);
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
