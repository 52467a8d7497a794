package io.gatedesk.ticket.web;

import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.InvalidMessageException;
import io.gatedesk.ticket.InvalidTicketException;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.SubmissionInFlightException;
import io.gatedesk.ticket.SubmissionKey;
import io.gatedesk.ticket.SubmissionKeyReusedException;
import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketReceipt;
import io.gatedesk.ticket.TicketAttachments;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.secret.SecretFinding;
import io.gatedesk.secret.SecretGuard;
import io.gatedesk.web.PublicRateLimiter;
import io.gatedesk.web.SiteLinks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** The customer's side: the public form, the confirmation, and the private follow page. */
@Controller
class PublicTicketController {

    static final String FORM_VIEW = "ticket/new";
    static final String CREATED_VIEW = "ticket/created";
    static final String FOLLOW_VIEW = "ticket/follow";
    static final String FOLLOW_MISSING_VIEW = "ticket/follow-missing";
    static final List<String> TIME_ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
            .toList());

    private final TicketService tickets;
    private final PublicRateLimiter rateLimiter;
    private final MessageSource messages;
    private final SiteLinks links;
    private final SecretGuard secretGuard;
    private final ObjectProvider<TicketAttachments> attachments;

    PublicTicketController(TicketService tickets, PublicRateLimiter rateLimiter, MessageSource messages,
                           SiteLinks links, SecretGuard secretGuard, ObjectProvider<TicketAttachments> attachments) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.secretGuard = secretGuard;
        this.rateLimiter = rateLimiter;
        this.messages = messages;
        this.links = links;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("clients", ClientApp.values());
        model.addAttribute("callerTypes", CallerType.values());
        model.addAttribute("timeZones", TIME_ZONES);
    }

    /**
     * The empty form, or one filled in from the diagnose page's link (status code, error message, request IDs,
     * client, model and the diagnosed category as subject); whatever arrives that way is masked like typed text.
     */
    @GetMapping("/")
    String form(@RequestParam Map<String, String> prefill, Model model, Locale locale) {
        TicketForm form = new TicketForm();
        form.setRequestTimeZone("UTC");
        form.setStatusCode(prefill.get("statusCode"));
        form.setErrorMessage(prefill.get("errorMessage"));
        form.setRequestIds(prefill.get("requestIds"));
        form.setClient(prefill.get("client"));
        form.setModel(prefill.get("model"));
        String category = prefill.get("category");
        if (category != null && category.matches("[A-Z_]{2,40}")) {
            form.setSubject(messages.getMessage("category." + category + ".name", null, "", locale));
        }
        form.maskWith(text -> secretGuard.redactInto(text, new ArrayList<>()));
        form.setIdempotencyKey(UUID.randomUUID().toString());
        model.addAttribute("ticketForm", form);
        model.addAttribute("errors", Map.of());
        return FORM_VIEW;
    }

    @PostMapping("/")
    String submit(@ModelAttribute("ticketForm") TicketForm form,
                  @RequestParam(name = "files", required = false) List<MultipartFile> uploads, HttpServletRequest request,
                  HttpServletResponse response, Model model, Locale locale, RedirectAttributes redirect) {
        List<SecretFinding> masked = new ArrayList<>(form.earlierFindings(secretGuard));
        form.maskWith(text -> secretGuard.redactInto(text, masked));
        form.setMaskedKey(secretGuard.redactMaskFieldInto(form.getMaskedKey(), masked));
        Map<String, String> conversion = new LinkedHashMap<>();
        NewTicket submission = form.toNewTicket(conversion);
        if (!rateLimiter.tryAcquire(request)) {
            return showAgain(form, submission, Map.of(), SecretFinding.distinct(masked), "error.rateLimited", 429,
                    response, model, locale);
        }
        TicketAttachments files = attachments.getIfAvailable();
        var refusal = files == null ? java.util.Optional.<String>empty() : files.refusal(uploads, locale);
        if (refusal.isPresent()) {
            String view = showAgain(form, submission, Map.of(), SecretFinding.distinct(masked), null, 422, response,
                    model, locale);
            model.addAttribute("formError", refusal.get());
            return view;
        }
        // A form without a usable key (an old page, a tampered field) still files, only without retry protection.
        SubmissionKey key = SubmissionKey.parse(form.getIdempotencyKey()).orElse(null);
        try {
            TicketReceipt receipt = tickets.submitOnce(key, submission, locale, translate(conversion, locale), masked);
            if (files != null && uploads != null && !uploads.isEmpty()) {
                List<SecretFinding> inFiles = new ArrayList<>(receipt.maskedSecrets());
                inFiles.addAll(files.attach(receipt.id(), null, uploads, submission.customerName(), true, false));
                receipt = new TicketReceipt(receipt.id(), receipt.number(), receipt.followToken(),
                        SecretFinding.distinct(inFiles));
            }
            redirect.addFlashAttribute("receipt", receipt);
            return "redirect:/submitted";
        } catch (InvalidTicketException invalid) {
            return showAgain(form, invalid.submitted(), invalid.fieldErrors(), SecretFinding.distinct(masked), null, 422,
                    response, model, locale);
        } catch (SubmissionKeyReusedException reused) {
            // The same form sent again with other text: a fresh key lets the customer file it as a new ticket.
            form.setIdempotencyKey(UUID.randomUUID().toString());
            return showAgain(form, submission, Map.of(), SecretFinding.distinct(masked), "ticket.idempotency.reused",
                    409, response, model, locale);
        } catch (SubmissionInFlightException inFlight) {
            return showAgain(form, submission, Map.of(), SecretFinding.distinct(masked), "ticket.idempotency.inFlight",
                    409, response, model, locale);
        }
    }

    @GetMapping("/submitted")
    String submitted(Model model) {
        if (!(model.getAttribute("receipt") instanceof TicketReceipt receipt)) {
            return "redirect:/";
        }
        model.addAttribute("followUrl", links.followUrl(receipt.followToken()));
        return CREATED_VIEW;
    }

    @GetMapping("/t/{token}")
    String follow(@PathVariable String token, Model model, HttpServletResponse response) {
        return tickets.forCustomer(token).map(view -> {
            model.addAttribute("ticket", view);
            model.addAttribute("token", token);
            return FOLLOW_VIEW;
        }).orElseGet(() -> {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return FOLLOW_MISSING_VIEW;
        });
    }

    @PostMapping("/t/{token}/reply")
    String reply(@PathVariable String token, @RequestParam(defaultValue = "") String body, HttpServletRequest request,
                 HttpServletResponse response, Model model, Locale locale, RedirectAttributes redirect) {
        if (!rateLimiter.tryAcquire(request)) {
            return followAgain(token, secretGuard.redactInto(body, new ArrayList<>()),
                    messages.getMessage("error.rateLimited", null, locale), 429, response, model);
        }
        try {
            List<SecretFinding> masked = tickets.customerReply(token, body);
            redirect.addFlashAttribute("replySent", true);
            redirect.addFlashAttribute("maskedSecrets", masked);
            return "redirect:/t/" + token;
        } catch (InvalidMessageException invalid) {
            return followAgain(token, invalid.maskedBody(), invalid.getMessage(), 422, response, model);
        } catch (TicketNotFoundException missing) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return FOLLOW_MISSING_VIEW;
        }
    }

    private String followAgain(String token, String body, String error, int status, HttpServletResponse response,
                               Model model) {
        String view = follow(token, model, response);
        if (view.equals(FOLLOW_VIEW)) {
            response.setStatus(status);
            model.addAttribute("draft", body);
            model.addAttribute("replyError", error);
        }
        return view;
    }

    private String showAgain(TicketForm form, NewTicket masked, Map<String, String> errors,
                             List<SecretFinding> maskedSecrets, String formErrorKey, int status,
                             HttpServletResponse response, Model model, Locale locale) {
        form.showMasked(masked);
        form.rememberFindings(maskedSecrets);
        response.setStatus(status);
        model.addAttribute("errors", errors);
        model.addAttribute("maskedSecrets", maskedSecrets);
        if (formErrorKey != null) {
            model.addAttribute("formError", messages.getMessage(formErrorKey, null, locale));
        }
        return FORM_VIEW;
    }

    private Map<String, String> translate(Map<String, String> codes, Locale locale) {
        Map<String, String> translated = new LinkedHashMap<>();
        codes.forEach((field, code) -> translated.put(field, messages.getMessage(code, null, locale)));
        return translated;
    }
}
