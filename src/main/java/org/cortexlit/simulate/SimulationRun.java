package org.cortexlit.simulate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One simulation of prioritised screening over an uploaded labelled file: RUNNING while queued or replaying (then
 * {@link #startedAt} tells which), then SUCCEEDED with its figures or FAILED with {@link #error}.
 */
@Entity
@Table(name = "simulation")
public class SimulationRun extends PanacheEntityBase {

    public enum Status { RUNNING, SUCCEEDED, FAILED }

    @Id
    @SequenceGenerator(name = "simulation_seq", sequenceName = "simulation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "simulation_seq")
    public Long id;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** The data set's name: the file name without its extension. */
    public String dataset;
    @Column(name = "file_name")
    public String fileName;
    public int records;
    public int relevant;
    public long seed;
    /** The prioritiser's name ({@code cortexlit-svm}). */
    public String model;
    /** Records screened (priors included) when 95% of the relevant ones were found; null until SUCCEEDED. */
    @Column(name = "screened_at95")
    public Integer screenedAt95;
    /** Work saved over sampling at 95% recall, a fraction. */
    public Double wss95;
    public Double wss100;
    /** The fraction of relevant records found after the first 10% of records. */
    public Double rrf10;
    /** {@link RecallCurve#compact compact} JSON: the points where found rises, and the last record. */
    public String curve;
    /** Why the simulation failed, for the person who started it; null unless FAILED. */
    public String error;
    /** The node whose worker runs it ({@code cortexlit.node.name}). */
    public String node;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    /** When the worker took it up; null while it waits behind another simulation. */
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    /** The simulation's own time (corpus building and every training), as {@code SimulationResult.millis()}. */
    public Long millis;

    public static List<SimulationRun> recent(int max) {
        return findAll(Sort.descending("createdAt").and("id", Sort.Direction.Descending)).page(0, max).list();
    }

    public boolean finished() {
        return status != Status.RUNNING;
    }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }

    /** Waiting for the worker: RUNNING but not yet started. */
    public boolean queued() {
        return status == Status.RUNNING && startedAt == null;
    }

    /** The full curve, one {@code [screened, found]} point per record; empty until SUCCEEDED. */
    public List<int[]> fullCurve() {
        return curve == null ? List.of() : RecallCurve.expand(RecallCurve.parse(curve), records);
    }

    /** From creation to the end (or to now): queueing included, unlike {@link #millis}. */
    public Duration duration() {
        return Duration.between(createdAt, finishedAt == null ? Instant.now() : finishedAt);
    }
}
