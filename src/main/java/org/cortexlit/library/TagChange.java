package org.cortexlit.library;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** One change to a study's tags in one dimension: who, when, the values before and after. Never deleted. */
@Entity
@Table(name = "tag_change")
public class TagChange extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "tag_change_seq", sequenceName = "tag_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tag_change_seq")
    public Long id;
    @Column(name = "article_id")
    public Long articleId;
    /** The review the change was made from, or null (the article page). */
    @Column(name = "review_id")
    public Long reviewId;
    public String dimension;
    /** Values separated by "; " (empty: none). */
    @Column(name = "before_values")
    public String before;
    @Column(name = "after_values")
    public String after;
    public String actor;
    public Instant at;
    /** Whether the change accepted the suggested values. */
    @Column(name = "accepted_suggestion")
    public boolean acceptedSuggestion;
    /** What the suggester proposed in this dimension when the change was made ("; " between values), or null. */
    @Column(name = "suggested_values")
    public String suggestedValues;

    /** The history's note on the suggestion: "accepted suggestion", "changed from suggested X", or null. */
    public String suggestionNote() {
        if (acceptedSuggestion) {
            return "accepted suggestion";
        }
        if (suggestedValues != null && !suggestedValues.isEmpty() && !suggestedValues.equals(after)) {
            return "changed from suggested " + suggestedValues;
        }
        return null;
    }

    public static List<TagChange> forArticle(long articleId) {
        return list("articleId = ?1 order by at, id", articleId);
    }
}
