package org.cortexlit.library;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** One change an import made to an article: the article's history. Never deleted. */
@Entity
@Table(name = "article_event")
public class ArticleEvent extends PanacheEntityBase {

    /** LINKED: stored as a duplicate of another article; SPLIT: a reviewer said it is not that duplicate. */
    public enum Action { CREATED, UPDATED, WITHDRAWN, RESTORED, LINKED, SPLIT }

    @Id
    @SequenceGenerator(name = "article_event_seq", sequenceName = "article_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "article_event_seq")
    public Long id;
    @Column(name = "article_id")
    public Long articleId;
    @Column(name = "run_id")
    public Long runId;
    @Enumerated(EnumType.STRING)
    public Action action;
    public Instant at;

    public static ArticleEvent of(Article article, Long runId, Action action, Instant at) {
        ArticleEvent e = new ArticleEvent();
        e.articleId = article.id;
        e.runId = runId;
        e.action = action;
        e.at = at;
        return e;
    }

    public static List<ArticleEvent> forArticle(long articleId) {
        return list("articleId = ?1 order by at, id", articleId);
    }
}
