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
import java.util.Locale;

/** Something done to a review or one of its records: who, when, before and after. Never deleted. */
@Entity
@Table(name = "review_event")
public class ReviewEvent extends PanacheEntityBase {

    public enum Kind { CREATED, SETTINGS, MEMBER, ADDED, REMOVED, RESTORED, DECIDED, CHANGED, UNDONE, RESOLVED, UNBLINDED, REFUSED }

    @Id
    @SequenceGenerator(name = "review_event_seq", sequenceName = "review_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_event_seq")
    public Long id;
    @Column(name = "review_id")
    public Long reviewId;
    @Column(name = "record_id")
    public Long recordId;
    public String actor;
    public Instant at;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Column(name = "before_value")
    public String before;
    @Column(name = "after_value")
    public String after;

    static ReviewEvent record(long reviewId, Long recordId, String actor, Kind kind, String before, String after) {
        ReviewEvent e = new ReviewEvent();
        e.reviewId = reviewId;
        e.recordId = recordId;
        e.actor = actor;
        e.at = Instant.now();
        e.kind = kind;
        e.before = before;
        e.after = after;
        e.persist();
        return e;
    }

    public static List<ReviewEvent> forRecord(long recordId) {
        return list("recordId = ?1 order by at, id", recordId);
    }

    public String kindLabel() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
