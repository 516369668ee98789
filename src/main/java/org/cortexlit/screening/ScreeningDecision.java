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

import java.time.Instant;
import java.util.List;

/** One reviewer's decision on one record of a review (at most one each; changes are kept in the history). */
@Entity
@Table(name = "screening_decision")
public class ScreeningDecision extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "screening_decision_seq", sequenceName = "screening_decision_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "screening_decision_seq")
    public Long id;
    @Column(name = "record_id")
    public Long recordId;
    @Column(name = "review_id")
    public Long reviewId;
    public String reviewer;
    @Enumerated(EnumType.STRING)
    public Decision decision;
    public String reason;
    public String note;
    @Column(name = "decided_at")
    public Instant decidedAt;

    public static List<ScreeningDecision> forRecord(long recordId) {
        return list("recordId = ?1 order by decidedAt, id", recordId);
    }

    public String describe() {
        return decision.label() + (reason == null ? "" : " (" + reason + ")") + (note == null ? "" : ": " + note);
    }
}
