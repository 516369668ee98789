package org.cortexlit.screening;

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
import jakarta.persistence.Version;

import java.time.Instant;

/** An article in a review's screening queue, with where it came from and where screening has got to. */
@Entity
@Table(name = "review_record")
public class ReviewRecord extends PanacheEntityBase {

    /** The review's own query, added by hand, or a saved PubMed search routed to the review. */
    public enum Origin { QUERY, MANUAL, SEARCH }

    @Id
    @SequenceGenerator(name = "review_record_seq", sequenceName = "review_record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_record_seq")
    public Long id;
    @Column(name = "review_id")
    public Long reviewId;
    /** The record's number in its review, 1 for the first to join it: what pages show ("record 7"). */
    @Column(name = "record_number")
    public int number;
    @Column(name = "article_id")
    public Long articleId;
    @Enumerated(EnumType.STRING)
    public Origin origin;
    /** Taken out of the review by hand; kept (with its decisions) and never re-added by the query. */
    public boolean removed;
    @Column(name = "added_at")
    public Instant addedAt;
    @Column(name = "decision_count")
    public int decisionCount;
    @Enumerated(EnumType.STRING)
    public Status status = Status.UNSCREENED;
    @Enumerated(EnumType.STRING)
    @Column(name = "final_decision")
    public Decision finalDecision;
    @Column(name = "final_reason")
    public String finalReason;
    @Column(name = "resolved_by")
    public String resolvedBy;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "resolution_note")
    public String resolutionNote;
    @Version
    public int version;

    /** Record {@code recordId} of review {@code reviewId}, inside a transaction; a 404 naming both when there is none. */
    public static ReviewRecord require(long reviewId, long recordId) {
        ReviewRecord rec = findById(recordId);
        if (rec == null || rec.reviewId != reviewId) {
            throw ScreeningException.notFound("Review " + reviewId + " has no record " + recordId + ".");
        }
        return rec;
    }
}
