package io.gatedesk.gatewaylog;

import io.gatedesk.gatewaylog.format.LogFormat;
import io.gatedesk.gatewaylog.match.LogSearchService;
import io.gatedesk.gatewaylog.match.TicketLogService;
import io.gatedesk.ticket.Actor;
import io.gatedesk.ticket.TicketNumber;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.StaffMember;
import io.gatedesk.user.UserService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.ExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The staff pages of the feature: upload with its progress, the log search, and the log evidence panel of a ticket.
 * Each htmx request gets the fragment it swaps; the same fragment sits inside the full page.
 */
@Controller
class LogPagesController {

    static final String IMPORT_VIEW = "gatewaylog/import";
    static final String STATUS_VIEW = "gatewaylog/import-status";
    static final String STATUS_FRAGMENT = "gatewaylog/import-status :: progress";
    static final String SEARCH_VIEW = "gatewaylog/search";
    static final String SEARCH_FRAGMENT = "gatewaylog/search :: results";
    static final String TICKET_LOGS_VIEW = "gatewaylog/ticket-logs";
    static final String TICKET_LOGS_FRAGMENT = "gatewaylog/ticket-logs :: evidence";

    private final LogImportService imports;
    private final LogSearchService search;
    private final LogMatchService matches;
    private final TicketLogService ticketLogs;
    private final TicketService tickets;
    private final UserService users;

    LogPagesController(LogImportService imports, LogSearchService search, LogMatchService matches,
                       TicketLogService ticketLogs, TicketService tickets, UserService users) {
        this.imports = imports;
        this.search = search;
        this.matches = matches;
        this.ticketLogs = ticketLogs;
        this.tickets = tickets;
        this.users = users;
    }

    // ------------------------------------------------------------------------------------------------ import

    @GetMapping("/desk/logs/import")
    String importForm(Model model) {
        fillImportForm(model, "auto", imports.siteZone().getId());
        return IMPORT_VIEW;
    }

    @PostMapping("/desk/logs/import")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "auto") String format,
                  @RequestParam(defaultValue = "") String timeZone, @AuthenticationPrincipal UserDetails principal,
                  Model model, HttpServletResponse response) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new LogImportException("EMPTY_FILE", 422);
            }
            Path upload = Files.createTempFile("gatedesk-upload-", ".part");
            file.transferTo(upload);
            long id = imports.submit(upload, file.getOriginalFilename(), format, timeZone, principal.getUsername());
            return "redirect:/desk/logs/imports/" + id;
        } catch (LogImportException refused) {
            response.setStatus(refused.httpStatus());
            fillImportForm(model, format, timeZone);
            model.addAttribute("importError", refused.messageKey());
            return IMPORT_VIEW;
        }
    }

    @GetMapping("/desk/logs/imports/{id}")
    String importStatus(@PathVariable long id, Model model,
                        @RequestHeader(value = "HX-Request", required = false) String htmx) {
        ImportSummary summary = imports.summary(id).orElseThrow(LogNotFoundException::new);
        model.addAttribute("summary", summary);
        return htmx == null ? STATUS_VIEW : STATUS_FRAGMENT;
    }

    @GetMapping("/desk/logs/imports/{id}/errors.csv")
    ResponseEntity<byte[]> importErrors(@PathVariable long id) throws IOException {
        imports.summary(id).orElseThrow(LogNotFoundException::new);
        StringWriter csv = new StringWriter();
        imports.writeErrorsCsv(id, csv);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-errors.csv\"")
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void fillImportForm(Model model, String format, String timeZone) {
        model.addAttribute("formats", Arrays.stream(LogFormat.values()).map(Enum::name).toList());
        model.addAttribute("format", format);
        model.addAttribute("timeZone", timeZone);
        model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
        model.addAttribute("recent", imports.recent(10));
        model.addAttribute("maxMegabytes", LogImportService.MAX_FILE_BYTES / (1024 * 1024));
    }

    // ------------------------------------------------------------------------------------------------ search

    @GetMapping("/desk/logs")
    String search(@RequestParam Map<String, String> params, Model model,
                  @RequestHeader(value = "HX-Request", required = false) String htmx) {
        model.addAttribute("params", params);
        model.addAttribute("anyImported", search.anyImported());
        try {
            LogSearchService.Page page = search.search(params);
            model.addAttribute("page", page);
        } catch (IllegalArgumentException bad) {
            model.addAttribute("searchError", "logs.search.badFilter");
            model.addAttribute("page", LogSearchService.Page.empty());
        }
        return htmx == null ? SEARCH_VIEW : SEARCH_FRAGMENT;
    }

    // ------------------------------------------------------------------------------------------------ ticket panel

    @GetMapping("/desk/tickets/{number}/logs")
    String ticketLogs(@PathVariable String number, Model model,
                      @RequestHeader(value = "HX-Request", required = false) String htmx) {
        fillTicketLogs(ticketId(number), model);
        return htmx == null ? TICKET_LOGS_VIEW : TICKET_LOGS_FRAGMENT;
    }

    @PostMapping("/desk/tickets/{number}/logs/request-ids")
    String addRequestId(@PathVariable String number, @RequestParam(defaultValue = "") String requestId,
                        @AuthenticationPrincipal UserDetails principal, Model model, HttpServletResponse response,
                        @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = ticketId(number);
        try {
            ticketLogs.addRequestId(id, requestId, actor(principal));
        } catch (IllegalArgumentException invalid) {
            model.addAttribute("requestIdError", "logs.ticket.requestId.invalid");
            model.addAttribute("requestIdDraft", requestId);
            response.setStatus(htmx == null ? 422 : 200);
            fillTicketLogs(id, model);
            return htmx == null ? TICKET_LOGS_VIEW : TICKET_LOGS_FRAGMENT;
        }
        return after(number, id, model, htmx);
    }

    @PostMapping("/desk/tickets/{number}/logs/request-ids/remove")
    String removeRequestId(@PathVariable String number, @RequestParam(defaultValue = "") String requestId,
                           @AuthenticationPrincipal UserDetails principal, Model model,
                           @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = ticketId(number);
        ticketLogs.removeRequestId(id, requestId, actor(principal));
        return after(number, id, model, htmx);
    }

    @PostMapping("/desk/tickets/{number}/logs/pins")
    String pin(@PathVariable String number, @RequestParam long entryId, @AuthenticationPrincipal UserDetails principal,
               Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = ticketId(number);
        if (ticketLogs.pin(id, entryId, actor(principal)).isEmpty()) {
            model.addAttribute("pinError", "logs.ticket.pin.gone");
        }
        return after(number, id, model, htmx);
    }

    @PostMapping("/desk/tickets/{number}/logs/pins/{pinId}/delete")
    String unpin(@PathVariable String number, @PathVariable long pinId, @AuthenticationPrincipal UserDetails principal,
                 Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long id = ticketId(number);
        ticketLogs.unpin(id, pinId, actor(principal));
        return after(number, id, model, htmx);
    }

    private String after(String number, long id, Model model, String htmx) {
        if (htmx == null) {
            return "redirect:/desk/tickets/" + TicketNumber.format(id);
        }
        fillTicketLogs(id, model);
        return TICKET_LOGS_FRAGMENT;
    }

    private void fillTicketLogs(long ticketId, Model model) {
        var evidence = tickets.evidence(ticketId);
        MatchQuery query = matches.queryFor(evidence);
        List<LogMatch> found = matches.find(query);
        model.addAttribute("number", evidence.number());
        model.addAttribute("requestIds", query.requestIds());
        model.addAttribute("maskedKeys", query.maskedKeys().stream().map(k -> k.masked()).toList());
        model.addAttribute("matches", found);
        model.addAttribute("pins", ticketLogs.pins(ticketId));
        model.addAttribute("windowMinutes", matches.window().toMinutes());
        model.addAttribute("matchAt", query.at());
    }

    private long ticketId(String number) {
        return tickets.idOf(number).orElseThrow(LogNotFoundException::new);
    }

    private Actor actor(UserDetails principal) {
        StaffMember member = users.findByUsername(principal.getUsername()).orElseThrow();
        return Actor.of(member);
    }

    /** An exception handler cannot take {@code @RequestHeader} (it failed and the 404 became a 500): read it here. */
    @ExceptionHandler(LogNotFoundException.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "error.notFound");
        return request.getHeader("HX-Request") == null ? "web/error" : "web/error :: message";
    }
}
