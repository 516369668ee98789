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

import java.util.List;
import java.util.Optional;

/** Someone who screens a review; the lead also edits it, resolves conflicts and may unblind it. */
@Entity
@Table(name = "review_member")
public class ReviewMember extends PanacheEntityBase {

    public enum Role { LEAD, REVIEWER }

    @Id
    @SequenceGenerator(name = "review_member_seq", sequenceName = "review_member_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_member_seq")
    public Long id;
    @Column(name = "review_id")
    public Long reviewId;
    public String username;
    @Enumerated(EnumType.STRING)
    public Role role;

    public static List<ReviewMember> of(long reviewId) {
        return list("reviewId = ?1 order by role, username", reviewId);
    }

    public static Optional<ReviewMember> find(long reviewId, String username) {
        return find("reviewId = ?1 and username = ?2", reviewId, username).firstResultOptional();
    }
}
