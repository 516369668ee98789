package org.cortexlit.importing;

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

/** One import of one file: what was read, what changed, and what went wrong. */
@Entity
@Table(name = "import_run")
public class ImportRun extends PanacheEntityBase {

    public enum Status { RUNNING, SUCCEEDED, PARTIAL, FAILED }

    public enum Trigger { UPLOAD, INBOX, SCHEDULE, MANUAL }

    /**
     * A file name as logs and pages may show it: control characters (a newline would split a log line) become
     * '?', and at most 300 characters are kept.
     */
    public static String printable(String name) {
        return printable(name, 300);
    }

    static String printable(String text, int max) {
        if (text == null) {
            return null;
        }
        String s = text.replaceAll("\\p{Cntrl}", "?");
        return s.length() > max ? s.substring(0, max - 3) + "..." : s;
    }

    @Id
    @SequenceGenerator(name = "import_run_seq", sequenceName = "import_run_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_run_seq")
    public Long id;
    @Column(name = "file_name")
    public String fileName;
    /** PUBMED_XML or MEDLINE_TEXT once sniffed; null when the file could not be recognised. */
    public String format;
    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type")
    public Trigger trigger;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "records_read")
    public int recordsRead;
    @Column(name = "created_count")
    public int created;
    @Column(name = "updated_count")
    public int updated;
    @Column(name = "unchanged_count")
    public int unchanged;
    @Column(name = "withdrawn_count")
    public int withdrawn;
    /** PMIDs the file's deletion lists withdrew that were not in the corpus, so nothing was withdrawn for them. */
    @Column(name = "deletions_unknown")
    public int withdrawnUnknown;
    @Column(name = "failed_count")
    public int failed;
    /** Records stored linked to an article already in the corpus (by DOI or title) instead of as new ones. */
    @Column(name = "duplicates_count")
    public int duplicates;
    /** The node that runs the import ({@code cortexlit.node.name}); null for runs from before nodes had names. */
    public String node;
    /** Where the records come from: "upload: file.xml", "PubMed search 3: rTMS AND pain", ... */
    public String source;
    @Column(name = "saved_search_id")
    public Long savedSearchId;
    /** Records the run expects (a saved search's count), or null when unknown. */
    @Column(name = "records_expected")
    public Integer recordsExpected;
    /** How much of its input a file import has read, 0-1000, or null. */
    @Column(name = "progress_permille")
    public Integer progressPermille;
    /** Why the run failed as a whole (broken file), or null. */
    public String message;

    public static List<ImportRun> recent(int max) {
        return findAll(Sort.descending("startedAt").and("id", Sort.Direction.Descending)).page(0, max).list();
    }

    /** "2 withdrawn PMIDs were not in the corpus.", or null when every withdrawn PMID was. */
    public String withdrawnUnknownNote() {
        if (withdrawnUnknown == 0) {
            return null;
        }
        return withdrawnUnknown == 1 ? "1 withdrawn PMID was not in the corpus."
                : withdrawnUnknown + " withdrawn PMIDs were not in the corpus.";
    }

    public boolean finished() {
        return status != Status.RUNNING;
    }

    /** 0-100 for the progress bar: records against the expected count, else the share of the file read. */
    public Integer percent() {
        if (status != Status.RUNNING) {
            return 100;
        }
        if (recordsExpected != null && recordsExpected > 0) {
            return Math.min(100, recordsRead * 100 / recordsExpected);
        }
        return progressPermille == null ? null : progressPermille / 10;
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt);
    }
}
