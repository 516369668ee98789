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
import java.util.Collection;
import java.util.List;

/**
 * A reviewer's decision that article {@link #articleId}, once linked to {@link #fromId} as its duplicate, is
 * a work of its own. Kept for good: the import never links the two again (see {@code DuplicateFinder}).
 */
@Entity
@Table(name = "duplicate_split")
public class DuplicateSplit extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "duplicate_split_seq", sequenceName = "duplicate_split_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "duplicate_split_seq")
    public Long id;
    @Column(name = "article_id")
    public Long articleId;
    @Column(name = "from_id")
    public Long fromId;
    /** The rule that had linked them. */
    @Enumerated(EnumType.STRING)
    public DuplicateRules.Rule rule;
    @Column(name = "split_at")
    public Instant splitAt;
    /** Who split them, when known. */
    @Column(name = "split_by")
    public String splitBy;

    /** Splits that involve any of these articles, on either side. */
    public static List<DuplicateSplit> involving(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return list("articleId in ?1 or fromId in ?1", articleIds);
    }

    public static List<DuplicateSplit> recent(int max) {
        return find("order by splitAt desc, id desc").page(0, max).list();
    }
}
