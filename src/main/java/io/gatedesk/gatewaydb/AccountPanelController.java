package io.gatedesk.gatewaydb;

import io.gatedesk.secret.MaskedKey;
import io.gatedesk.ticket.TicketNotFoundException;
import io.gatedesk.ticket.TicketService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ticket page's account panel, loaded after the page: for each masked key on the ticket, what each gateway
 * database holds, and the image/video tasks its texts name. With no source configured the panel is empty and the page
 * drops it.
 */
@Controller
class AccountPanelController {

    private final GatewayAccounts accounts;
    private final GatewayTasks tasks;
    private final TicketService tickets;

    AccountPanelController(GatewayAccounts accounts, GatewayTasks tasks, TicketService tickets) {
        this.accounts = accounts;
        this.tasks = tasks;
        this.tickets = tickets;
    }

    @GetMapping("/desk/tickets/{number}/accounts")
    String panel(@PathVariable String number, Model model) {
        long id = tickets.idOf(number).orElseThrow(() -> new TicketNotFoundException(number));
        Map<String, List<SourceAccounts>> byKey = new LinkedHashMap<>();
        if (accounts.configured()) {
            for (MaskedKey key : tickets.maskedKeys(id)) {
                byKey.put(key.masked(), accounts.accountsFor(key));
            }
        }
        List<String> taskIds = tasks.configured() ? tasks.taskIds(tickets.evidence(id)) : List.of();
        model.addAttribute("configured", accounts.configured());
        model.addAttribute("keys", byKey);
        model.addAttribute("taskIds", taskIds);
        model.addAttribute("taskAnswers", tasks.tasksFor(taskIds));
        return "gatewaydb/account-panel :: panel";
    }

    /** An unknown ticket is a 404, not the error page (a panel is loaded into a page that is already shown). */
    @ExceptionHandler(TicketNotFoundException.class)
    ResponseEntity<Void> notFound() {
        return ResponseEntity.notFound().build();
    }
}
