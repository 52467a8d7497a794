package io.gatedesk.ticket.store;

import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.Priority;
import io.gatedesk.ticket.TicketStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

@Entity
@Table(name = "tickets")
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String subject;
    private String description;
    @Column(name = "customer_name")
    private String customerName;
    @Column(name = "customer_email")
    private String customerEmail;
    @Enumerated(EnumType.STRING)
    private ClientApp client;
    @Column(name = "client_version")
    private String clientVersion;
    @Column(name = "base_url")
    private String baseUrl;
    private String model;
    @Column(name = "masked_key")
    private String maskedKey;
    /** One request ID per line, in the order the customer gave them. */
    @Column(name = "request_ids")
    private String requestIds;
    /** The task IDs the customer gave in their own field, one per line (texts may name more). */
    @Column(name = "task_ids")
    private String taskIds;
    @Column(name = "status_code")
    private Integer statusCode;
    @Column(name = "error_message")
    private String errorMessage;
    @Column(name = "request_time")
    private OffsetDateTime requestTime;
    @Column(name = "request_time_zone")
    private String requestTimeZone;
    private Boolean stream;
    @Enumerated(EnumType.STRING)
    @Column(name = "caller_type")
    private CallerType callerType;

    @Enumerated(EnumType.STRING)
    private TicketStatus status;
    @Enumerated(EnumType.STRING)
    private Priority priority;
    @Column(name = "assignee_id")
    private Long assigneeId;
    @Column(name = "follow_token_hash")
    private String followTokenHash;
    private String locale;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "first_response_at")
    private Instant firstResponseAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    /** The triage category code; the ticket package stores it without knowing the categories. */
    private String category;
    @Column(name = "priority_set_by_hand")
    private boolean prioritySetByHand;
    /** Checklist progress as "done/total", kept here by the answer feature so the queue can show it. */
    @Column(name = "checklist_progress")
    private String checklistProgress;

    /** When the customer last answered, while no staff reply has followed: the queue marks such tickets. */
    @Column(name = "customer_replied_at")
    private Instant customerRepliedAt;

    /** The ticket this one was merged into; a merged ticket is closed and its thread lives there. */
    @Column(name = "merged_into")
    private Long mergedInto;
    /** The ticket whose message this one was split off. */
    @Column(name = "split_from")
    private Long splitFrom;

    @Version
    private long version;

    protected Ticket() {
    }

    public Ticket(NewTicket request, OffsetDateTime requestTime, Priority priority, String followTokenHash, String locale,
           Instant now) {
        this.subject = request.subject();
        this.description = request.description();
        this.customerName = request.customerName();
        this.customerEmail = request.customerEmail();
        this.client = request.client();
        this.clientVersion = request.clientVersion();
        this.baseUrl = request.baseUrl();
        this.model = request.model();
        this.maskedKey = request.maskedKey();
        this.requestIds = request.requestIds().isEmpty() ? null : String.join("\n", request.requestIds());
        this.taskIds = request.taskIds().isEmpty() ? null : String.join("\n", request.taskIds());
        this.statusCode = request.statusCode();
        this.errorMessage = request.errorMessage();
        this.requestTime = requestTime;
        this.requestTimeZone = requestTime == null ? null : request.requestTimeZone();
        this.stream = request.stream();
        this.callerType = request.callerType();
        this.status = TicketStatus.NEW;
        this.priority = priority;
        this.followTokenHash = followTokenHash;
        this.locale = locale;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public Priority getPriority() {
        return priority;
    }

    public Long getAssigneeId() {
        return assigneeId;
    }

    public String getSubject() {
        return subject;
    }

    public String getDescription() {
        return description;
    }

    public String getCustomerName() {
        return customerName;
    }

    public String getCustomerEmail() {
        return customerEmail;
    }

    public ClientApp getClient() {
        return client;
    }

    public String getClientVersion() {
        return clientVersion;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public String getModel() {
        return model;
    }

    public String getMaskedKey() {
        return maskedKey;
    }

    public List<String> getTaskIds() {
        return taskIds == null || taskIds.isBlank() ? List.of() : Arrays.asList(taskIds.split("\n"));
    }

    public List<String> getRequestIds() {
        return requestIds == null || requestIds.isBlank() ? List.of() : Arrays.asList(requestIds.split("\n"));
    }

    public Integer getStatusCode() {
        return statusCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public OffsetDateTime getRequestTime() {
        return requestTime;
    }

    public String getRequestTimeZone() {
        return requestTimeZone;
    }

    public Boolean getStream() {
        return stream;
    }

    public CallerType getCallerType() {
        return callerType;
    }

    public String getLocale() {
        return locale;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getFirstResponseAt() {
        return firstResponseAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public void changeStatus(TicketStatus newStatus, Instant now) {
        this.status = newStatus;
        if (newStatus == TicketStatus.RESOLVED || newStatus == TicketStatus.CLOSED) {
            if (resolvedAt == null) {
                resolvedAt = now;
            }
        } else {
            resolvedAt = null;
        }
        touch(now);
    }

    public void changePriority(Priority newPriority, Instant now) {
        this.priority = newPriority;
        this.prioritySetByHand = true;
        touch(now);
    }

    public String getChecklistProgress() {
        return checklistProgress;
    }

    public String getCategory() {
        return category;
    }

    public boolean isPrioritySetByHand() {
        return prioritySetByHand;
    }

    public void assign(Long staffId, Instant now) {
        this.assigneeId = staffId;
        touch(now);
    }

    public void customerReplied(Instant now) {
        customerRepliedAt = now;
    }

    public Instant getCustomerRepliedAt() {
        return customerRepliedAt;
    }

    public void staffReplied(Instant now) {
        customerRepliedAt = null;
        if (firstResponseAt == null) {
            firstResponseAt = now;
        }
        if (status == TicketStatus.NEW) {
            status = TicketStatus.OPEN;
        }
        touch(now);
    }

    public Long getMergedInto() {
        return mergedInto;
    }

    public Long getSplitFrom() {
        return splitFrom;
    }

    /** Adds task IDs this ticket does not name yet (a merge), keeping at most {@code max}. */
    public void addTaskIds(List<String> more, int max) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(getTaskIds());
        more.stream().filter(id -> all.size() < max).forEach(all::add);
        this.taskIds = all.isEmpty() ? null : String.join("\n", all);
    }

    /** Closes this ticket as a duplicate whose thread moved to {@code targetId}. */
    public void mergeInto(long targetId, Instant now) {
        this.mergedInto = targetId;
        changeStatus(TicketStatus.CLOSED, now);
    }

    /** Marks this new ticket as split off a message of {@code sourceId}. */
    public void splitFrom(long sourceId) {
        this.splitFrom = sourceId;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }
}
