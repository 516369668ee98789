package org.cortexlit.digest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** Records of review {@code reviewId} added up to {@code upTo} have been in a digest {@code username} received. */
@Entity
@Table(name = "digest_mark")
public class DigestMark extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "digest_mark_seq", sequenceName = "digest_mark_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "digest_mark_seq")
    public Long id;
    @Column(name = "review_id")
    public Long reviewId;
    public String username;
    @Column(name = "up_to")
    public Instant upTo;

    public static Optional<DigestMark> find(long reviewId, String username) {
        return find("reviewId = ?1 and username = ?2", reviewId, username).firstResultOptional();
    }

    /** When the member last heard about the review; the beginning of time when never (everything is news then). */
    public static Instant since(long reviewId, String username) {
        return find(reviewId, username).map(m -> m.upTo).orElse(Instant.EPOCH);
    }

    public static void advance(long reviewId, String username, Instant upTo) {
        DigestMark m = find(reviewId, username).orElseGet(() -> {
            DigestMark n = new DigestMark();
            n.reviewId = reviewId;
            n.username = username;
            return n;
        });
        if (m.upTo == null || m.upTo.isBefore(upTo)) {
            m.upTo = upTo;
            m.persist();
        }
    }
}
