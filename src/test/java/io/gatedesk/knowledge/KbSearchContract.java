package io.gatedesk.knowledge;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Search, drafts, revisions and the ledger on every database GateDesk runs on. */
abstract class KbSearchContract {

    @Autowired
    KnowledgeBase kb;
    @Autowired
    UsageLedger ledger;

    @Test
    void chineseAndEnglishQueriesFindTheShippedPageThatContainsThem() {
        assertThat(kb.search("无可用渠道", "zh-CN", 5, 0.75)).extracting(Article::slug).first()
                .isEqualTo("model-not-available");
        assertThat(kb.search("无可用渠道", null, 10, 0.75)).extracting(Article::slug).contains("model-not-available");
        assertThat(kb.search("model_not_found", "en", 5, 0.75)).extracting(Article::slug).first()
                .isEqualTo("model-not-available");
        assertThat(kb.search("术语表 分组", "zh-CN", 5, 0.75)).extracting(Article::slug).contains("glossary");
        assertThat(kb.search("完全无关的东西 zzqqxx", null, 5, 0.75)).isEmpty();
    }

    @Test
    void draftsAreNotSearchableAndEveryRevisionIsKept() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Article draft = kb.create(new ArticleDraft("草稿 " + marker, "", "内容 " + marker, "zh-CN", "OTHER", "", null),
                "writer");
        assertThat(kb.search(marker, null, 5, 0.75)).isEmpty();

        kb.update(draft.id(), new ArticleDraft(null, null, "新内容 " + marker, null, null, null, null), null,
                "writer", false);
        kb.publish(draft.id(), "reviewer", true);

        assertThat(kb.search(marker, "zh-CN", 5, 0.75)).extracting(Article::id).containsExactly(draft.id());
        List<ArticleRevision> revisions = kb.revisions(draft.id());
        assertThat(revisions).extracting(ArticleRevision::changeKind).containsExactly("PUBLISHED", "EDITED",
                "CREATED");
        assertThat(revisions.get(2).body()).isEqualTo("内容 " + marker);
        assertThat(revisions).extracting(ArticleRevision::author).containsExactly("reviewer", "writer", "writer");
    }

    @Test
    void theLedgerCountsPerAssetLanguageAndDayAndSearchMissesWithoutPersonalData() {
        String key = "asset-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = ledger.today();
        ledger.record(UsageLedger.ARTICLE, key, "en", UsageLedger.Event.VIEW);
        ledger.record(UsageLedger.ARTICLE, key, "en", UsageLedger.Event.VIEW);
        ledger.record(UsageLedger.ARTICLE, key, "zh-CN", UsageLedger.Event.LINK_INSERTED);
        assertThat(ledger.uses(UsageLedger.ARTICLE, key, "en", UsageLedger.Event.VIEW, today)).isEqualTo(2);
        assertThat(ledger.usesSince(today)).filteredOn(use -> use.assetKey().equals(key))
                .extracting(UsageLedger.AssetUse::lang, UsageLedger.AssetUse::uses)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("en", 2L),
                        org.assertj.core.groups.Tuple.tuple("zh-CN", 1L));

        String miss = "nothing-" + key;
        kb.publicSearch(miss, "en", 5);
        kb.publicSearch("write to " + key + "@example.com", "en", 5);
        assertThat(ledger.missesSince(today)).extracting(UsageLedger.SearchMiss::query).contains(miss)
                .noneMatch(q -> q.contains("@example.com"));
    }
}
