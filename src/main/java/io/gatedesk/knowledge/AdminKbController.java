package io.gatedesk.knowledge;

import io.gatedesk.answer.AnswerService;
import io.gatedesk.answer.ShortAnswer;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The admins' view of the knowledge base: whether editors may publish their own text, which assets are used and which
 * nobody used in 30 days, and the public searches that found nothing. Articles count in the use ledger; short answers
 * keep counting in the answer package's own {@code answer_usage}, read here through its public face, not copied.
 */
@Controller
class AdminKbController {

    static final String VIEW = "knowledge/admin-kb";
    static final int DAYS = 30;

    private final KnowledgeBase kb;
    private final UsageLedger ledger;
    private final AnswerService answers;
    private final Clock clock;

    AdminKbController(KnowledgeBase kb, UsageLedger ledger, AnswerService answers, Clock clock) {
        this.kb = kb;
        this.ledger = ledger;
        this.answers = answers;
        this.clock = clock;
    }

    /** One short answer and how often agents inserted it (all time: answer_usage keeps no language per day). */
    record AnswerUse(String key, String lang, String title, long uses) {
    }

    @GetMapping("/admin/kb")
    String page(Model model) {
        LocalDate since = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(DAYS - 1L);
        List<UsageLedger.AssetUse> uses = ledger.usesSince(since);
        Set<String> used = uses.stream().map(u -> u.assetKey() + "/" + u.lang()).collect(Collectors.toSet());
        List<Article> unused = kb.published((String) null).stream()
                .filter(a -> !used.contains(a.slug() + "/" + a.lang()))
                .sorted(Comparator.comparing(Article::slug).thenComparing(Article::lang))
                .toList();
        model.addAttribute("mostUsed", uses.stream().limit(20).toList());
        List<UsageLedger.AssetUse> least = new ArrayList<>(uses);
        Collections.reverse(least);
        model.addAttribute("leastUsed", least.stream().limit(10).toList());
        model.addAttribute("unused", unused);
        model.addAttribute("misses", ledger.missesSince(since).stream().limit(50).toList());
        model.addAttribute("answerUses", answerUses());
        model.addAttribute("days", DAYS);
        model.addAttribute("selfPublishing", kb.selfPublishing());
        return VIEW;
    }

    @PostMapping("/admin/kb/settings")
    String settings(@RequestParam(name = "selfPublishing", defaultValue = "false") boolean selfPublishing,
                    Authentication auth, RedirectAttributes redirect) {
        kb.setSelfPublishing(selfPublishing, auth.getName());
        redirect.addFlashAttribute("notice", "kb.admin.saved");
        return "redirect:/admin/kb";
    }

    private List<AnswerUse> answerUses() {
        Map<Long, Long> counts = answers.usageByAnswer();
        return answers.all().stream()
                .filter(a -> !a.retired())
                .map((ShortAnswer a) -> new AnswerUse(a.key(), a.language(), a.title(), counts.getOrDefault(a.id(), 0L)))
                .sorted(Comparator.comparingLong(AnswerUse::uses).reversed().thenComparing(AnswerUse::key))
                .toList();
    }
}
