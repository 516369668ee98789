package org.cortexlit.search;

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

/** A search a team member keeps, and when they last looked at its results. */
@Entity
@Table(name = "user_search")
public class UserSearch extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "user_search_seq", sequenceName = "user_search_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_search_seq")
    public Long id;
    public String username;
    public String name;
    public String query;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "last_looked_at")
    public Instant lastLookedAt;

    public static List<UserSearch> of(String username) {
        return list("username = ?1 order by name", username);
    }
}
