package io.gatedesk.knowledge;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Articles, their revisions and search terms in plain SQL that runs alike on H2 and PostgreSQL. */
@Repository
class ArticleStore {

    private static final String COLUMNS = "id, slug, lang, title, summary, body, category, tags, status, origin, "
            + "seed_hash, source_ticket_id, created_by, last_edited_by, published_by, published_at, modified_at, "
            + "verified_at, current_revision, version";

    private final JdbcClient jdbc;

    ArticleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(Article article, String seedHash) {
    }

    Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM articles WHERE id = ?").param(id).query(ArticleStore::row)
                .optional();
    }

    Optional<Row> find(String lang, String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM articles WHERE lang = ? AND slug = ?").params(lang, slug)
                .query(ArticleStore::row).optional();
    }

    List<Article> bySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM articles WHERE slug = ? ORDER BY lang").param(slug)
                .query(ArticleStore::row).list().stream().map(Row::article).toList();
    }

    List<Article> fromTicket(long ticketId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM articles WHERE source_ticket_id = ? ORDER BY id DESC")
                .param(ticketId).query(ArticleStore::row).list().stream().map(Row::article).toList();
    }

    List<Article> list(ArticleStatus status, String lang) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM articles WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        if (lang != null) {
            sql.append(" AND lang = ?");
            params.add(lang);
        }
        sql.append(" ORDER BY modified_at DESC, id DESC");
        return jdbc.sql(sql.toString()).params(params).query(ArticleStore::row).list().stream().map(Row::article)
                .toList();
    }

    List<Article> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM articles WHERE id IN (:ids)").param("ids", ids)
                .query(ArticleStore::row).list().stream().map(Row::article).toList();
    }

    boolean slugTaken(String slug, String lang) {
        return jdbc.sql("SELECT COUNT(*) FROM articles WHERE slug = ? AND lang = ?").params(slug, lang)
                .query(Long.class).single() > 0;
    }

    long insert(Article a, String seedHash) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO articles (slug, lang, title, summary, body, category, tags, status, origin, seed_hash, "
                        + "source_ticket_id, created_by, last_edited_by, published_by, published_at, modified_at, "
                        + "verified_at, current_revision, version) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(a.slug(), a.lang(), a.title(), a.summary(), a.body(), a.category(), a.tags(),
                        a.status().name(), a.origin(), seedHash, a.sourceTicketId(), a.createdBy(), a.lastEditedBy(),
                        a.publishedBy(), time(a.publishedAt()), time(a.modifiedAt()), time(a.verifiedAt()),
                        a.revision())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Writes the article if nobody saved it since {@code a.version()}; false when someone did. */
    boolean update(Article a, String seedHash) {
        return jdbc.sql("UPDATE articles SET slug = ?, title = ?, summary = ?, body = ?, category = ?, tags = ?, "
                        + "status = ?, seed_hash = ?, last_edited_by = ?, published_by = ?, published_at = ?, "
                        + "modified_at = ?, verified_at = ?, current_revision = ?, version = version + 1 "
                        + "WHERE id = ? AND version = ?")
                .params(a.slug(), a.title(), a.summary(), a.body(), a.category(), a.tags(), a.status().name(),
                        seedHash, a.lastEditedBy(), a.publishedBy(), time(a.publishedAt()), time(a.modifiedAt()),
                        time(a.verifiedAt()), a.revision(), a.id(), a.version())
                .update() == 1;
    }

    void addRevision(long articleId, String changeKind, Article a, Instant at, String author) {
        jdbc.sql("INSERT INTO article_revisions (article_id, revision, change_kind, status, title, summary, body, "
                        + "category, tags, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(articleId, a.revision(), changeKind, a.status().name(), a.title(), a.summary(), a.body(),
                        a.category(), a.tags(), author, time(at))
                .update();
    }

    List<ArticleRevision> revisions(long articleId) {
        return jdbc.sql("SELECT revision, change_kind, status, title, summary, body, category, tags, author, "
                        + "created_at FROM article_revisions WHERE article_id = ? ORDER BY revision DESC")
                .param(articleId)
                .query((rs, n) -> new ArticleRevision(rs.getInt("revision"), rs.getString("change_kind"),
                        ArticleStatus.valueOf(rs.getString("status")), rs.getString("title"),
                        rs.getString("summary"), rs.getString("body"), rs.getString("category"),
                        rs.getString("tags"), rs.getString("author"), instant(rs, "created_at")))
                .list();
    }

    void index(long articleId, Map<String, Integer> termWeights) {
        jdbc.sql("DELETE FROM article_terms WHERE article_id = ?").param(articleId).update();
        for (Map.Entry<String, Integer> term : termWeights.entrySet()) {
            jdbc.sql("INSERT INTO article_terms (term, article_id, weight) VALUES (?, ?, ?)")
                    .params(term.getKey(), articleId, term.getValue()).update();
        }
    }

    /** Published articles holding any of the terms: article id → (distinct terms matched, summed weight). */
    Map<Long, int[]> matches(Set<String> terms, String lang) {
        if (terms.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT t.article_id, COUNT(*) AS matched, SUM(t.weight) AS score FROM article_terms t "
                + "JOIN articles a ON a.id = t.article_id WHERE a.status = 'PUBLISHED' AND t.term IN (:terms)"
                + (lang == null ? "" : " AND a.lang = :lang") + " GROUP BY t.article_id";
        var spec = jdbc.sql(sql).param("terms", terms);
        if (lang != null) {
            spec = spec.param("lang", lang);
        }
        Map<Long, int[]> found = new LinkedHashMap<>();
        spec.query((ResultSet rs) -> {
            found.put(rs.getLong("article_id"), new int[]{rs.getInt("matched"), rs.getInt("score")});
        });
        return found;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long ticket = rs.getLong("source_ticket_id");
        Long sourceTicket = rs.wasNull() ? null : ticket;
        return new Row(new Article(rs.getLong("id"), rs.getString("slug"), rs.getString("lang"),
                rs.getString("title"), rs.getString("summary"), rs.getString("body"), rs.getString("category"),
                rs.getString("tags"), ArticleStatus.valueOf(rs.getString("status")), rs.getString("origin"),
                sourceTicket, rs.getString("created_by"), rs.getString("last_edited_by"),
                rs.getString("published_by"), instant(rs, "published_at"), instant(rs, "modified_at"),
                instant(rs, "verified_at"), rs.getInt("current_revision"), rs.getLong("version")),
                rs.getString("seed_hash"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
