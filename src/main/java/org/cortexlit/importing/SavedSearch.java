package org.cortexlit.importing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A PubMed query (pubmed.gov syntax) run on a schedule through E-utilities; each run is an ImportRun. */
@Entity
@Table(name = "saved_search")
public class SavedSearch extends PanacheEntityBase {

    /** Quartz cron: every Monday at 06:00 (server time). */
    public static final String WEEKLY = "0 0 6 ? * MON";

    @Id
    @SequenceGenerator(name = "saved_search_seq", sequenceName = "saved_search_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "saved_search_seq")
    public Long id;
    public String name;
    public String query;
    public String schedule;
    @Column(name = "review_id")
    public Long reviewId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "next_run_at")
    public Instant nextRunAt;
    @Column(name = "last_run_id")
    public Long lastRunId;
    @Column(name = "last_run_at")
    public Instant lastRunAt;
    @Column(name = "last_success_to")
    public LocalDate lastSuccessTo;
    @Column(name = "pending_from")
    public LocalDate pendingFrom;
    @Column(name = "pending_to")
    public LocalDate pendingTo;
    @Column(name = "pending_retstart")
    public Integer pendingRetstart;

    public static List<SavedSearch> all() {
        return listAll(Sort.ascending("id"));
    }

    public static List<SavedSearch> due(Instant now) {
        return list("nextRunAt <= ?1 order by nextRunAt", now);
    }
}
