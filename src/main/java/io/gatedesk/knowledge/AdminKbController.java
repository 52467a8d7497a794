package io.gatedesk.knowledge;

import io.gatedesk.answer.AnswerService;
import io.gatedesk.answer.ChecklistService;
import io.gatedesk.answer.ShortAnswer;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final ChecklistService checklists;

    AdminKbController(KnowledgeBase kb, UsageLedger ledger, AnswerService answers, ChecklistService checklists) {
        this.checklists = checklists;
        this.kb = kb;
        this.ledger = ledger;
        this.answers = answers;
    }

    /** One short answer and how often agents inserted it (all time: answer_usage keeps no language per day). */
    record AnswerUse(String key, String lang, String title, long uses) {
    }

    /** One asset (article, short answer or checklist) in one language, with its uses in the period, zero included. */
    record AssetRow(String kind, String key, String lang, String title, String href, UsageLedger.AssetUse use) {

        public long uses() {
            return use == null ? 0 : use.uses();
        }
    }

    @GetMapping("/admin/kb")
    String page(Model model) {
        LocalDate since = ledger.today().minusDays(DAYS - 1L);
        List<AssetRow> rows = assets(ledger.usesSince(since));
        model.addAttribute("mostUsed", rows.stream().filter(r -> r.uses() > 0)
                .sorted(Comparator.comparingLong(AssetRow::uses).reversed()).limit(20).toList());
        // Least used includes the assets nobody used: a zero is the strongest signal an asset needs work.
        model.addAttribute("leastUsed", rows.stream().sorted(Comparator.comparingLong(AssetRow::uses)).limit(20).toList());
        model.addAttribute("unused", rows.stream().filter(r -> r.uses() == 0).toList());
        model.addAttribute("misses", ledger.missesSince(since).stream().limit(50).toList());
        model.addAttribute("answerUses", answerUses());
        model.addAttribute("days", DAYS);
        model.addAttribute("selfPublishing", kb.selfPublishing());
        return VIEW;
    }

    /**
     * Every asset that can be used (published articles, active short answers, checklists per language) joined with
     * its uses; assets that were used but are gone (an archived article) keep their row. Ordered by kind, key, language.
     */
    private List<AssetRow> assets(List<UsageLedger.AssetUse> uses) {
        Map<String, UsageLedger.AssetUse> byAsset = new LinkedHashMap<>();
        uses.forEach(u -> byAsset.put(u.assetKind() + "/" + u.assetKey() + "/" + u.lang(), u));
        Map<String, AssetRow> rows = new LinkedHashMap<>();
        for (Article a : kb.published((String) null)) {
            put(rows, byAsset, UsageLedger.ARTICLE, a.slug(), a.lang(), a.title(), a.path());
        }
        for (ShortAnswer a : answers.all()) {
            if (!a.retired()) {
                put(rows, byAsset, UsageLedger.ANSWER, a.key(), a.language(), a.title(), null);
            }
        }
        for (String category : checklists.categories()) {
            for (String lang : KnowledgeBase.LANGUAGES) {
                put(rows, byAsset, UsageLedger.CHECKLIST, category, lang, null, null);
            }
        }
        byAsset.forEach((id, use) -> rows.putIfAbsent(id, new AssetRow(use.assetKind(), use.assetKey(), use.lang(),
                null, href(use), use)));
        return rows.values().stream()
                .sorted(Comparator.comparing(AssetRow::kind).thenComparing(AssetRow::key).thenComparing(AssetRow::lang))
                .toList();
    }

    private static String href(UsageLedger.AssetUse use) {
        return switch (use.assetKind()) {
            case UsageLedger.ARTICLE -> KnowledgeBase.path(use.lang(), use.assetKey());
            case UsageLedger.HELP_PAGE -> "/help/clients/" + use.assetKey();
            default -> null;
        };
    }

    private static void put(Map<String, AssetRow> rows, Map<String, UsageLedger.AssetUse> uses, String kind, String key,
                            String lang, String title, String href) {
        String id = kind + "/" + key + "/" + lang;
        rows.put(id, new AssetRow(kind, key, lang, title, href, uses.get(id)));
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
