package io.gatedesk.gatewaydb;

import io.gatedesk.secret.MaskedKey;
import io.gatedesk.ticket.EvidenceSection;
import io.gatedesk.ticket.TicketEvidence;
import io.gatedesk.ticket.TicketEvidenceContributor;
import io.gatedesk.ticket.TicketService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts what the gateway databases hold for each of the ticket's masked keys into the ticket's JSON: every entry of
 * {@code maskedKeys} gains {@code account} (the one candidate, or the first of several), {@code candidates} (all of
 * them, from every source) and {@code sources} (what each source answered, failures included).
 */
@Component
class AccountsContributor implements TicketEvidenceContributor {

    private final GatewayAccounts accounts;
    private final TicketService tickets;
    private final EvidenceLines lines;
    private final MessageSource messages;

    AccountsContributor(GatewayAccounts accounts, TicketService tickets, EvidenceLines lines, MessageSource messages) {
        this.accounts = accounts;
        this.tickets = tickets;
        this.lines = lines;
        this.messages = messages;
    }

    /** The account panel for the evidence bundle: each masked key's rows in every source, one line each. */
    @Override
    public List<EvidenceSection> sections(TicketEvidence evidence, Locale locale) {
        if (!accounts.configured()) {
            return List.of();
        }
        List<String> said = new ArrayList<>();
        for (MaskedKey key : tickets.maskedKeys(evidence.id())) {
            said.addAll(lines.accounts(key.masked(), accounts.accountsFor(key), locale));
        }
        return said.isEmpty() ? List.of()
                : List.of(new EvidenceSection(messages.getMessage("gatewaydb.panel.heading", null, locale), said));
    }

    @Override
    public Map<String, Object> contribute(TicketEvidence evidence) {
        if (!accounts.configured()) {
            return Map.of();
        }
        List<Map<String, Object>> keys = new ArrayList<>();
        for (MaskedKey key : tickets.maskedKeys(evidence.id())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("prefix", key.prefix());
            entry.put("head", key.head());
            entry.put("tail", key.tail());
            entry.put("masked", key.masked());
            entry.put("fingerprint", key.fingerprint());
            List<SourceAccounts> answers = accounts.accountsFor(key);
            List<KeyAccount> candidates = answers.stream().flatMap(answer -> answer.candidates().stream()).toList();
            entry.put("account", candidates.isEmpty() ? null : candidates.get(0));
            entry.put("candidates", candidates);
            entry.put("sources", answers.stream().map(answer -> {
                Map<String, Object> said = new LinkedHashMap<>();
                said.put("source", answer.source());
                said.put("found", answer.candidates().size());
                said.put("error", answer.error());
                said.put("downSince", answer.downSince());
                return said;
            }).toList());
            keys.add(entry);
        }
        return Map.of("maskedKeys", keys);
    }
}
