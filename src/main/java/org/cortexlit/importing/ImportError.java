package org.cortexlit.importing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.util.List;

/** A record an import skipped, with its number in the file and the reason. */
@Entity
@Table(name = "import_error")
public class ImportError extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "import_error_seq", sequenceName = "import_error_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_error_seq")
    public Long id;
    @Column(name = "run_id")
    public Long runId;
    @Column(name = "record_number")
    public int recordNumber;
    public String pmid;
    public String message;

    /** The longest PMID stored (the column's size); a longer "PMID" is only quoted, shortened, in the message. */
    public static final int PMID_CHARS = 20;

    /**
     * An error of record {@code recordNumber}. A {@code pmid} that is not a PMID (too long, not digits) is not
     * stored as one, so recording the error never fails on the very value it reports.
     */
    public static ImportError of(long runId, int recordNumber, String pmid, String message) {
        ImportError e = new ImportError();
        e.runId = runId;
        e.recordNumber = recordNumber;
        e.pmid = pmid != null && pmid.length() <= PMID_CHARS && !pmid.isEmpty() && pmid.chars().allMatch(Character::isDigit)
                ? pmid : null;
        e.message = message.length() > 2000 ? message.substring(0, 1997) + "..." : message;
        return e;
    }

    /** A value as quoted in a message: printable characters only, at most 40 of them. */
    static String shown(String value) {
        String v = value.replaceAll("[\\p{Cntrl}]", "?");
        return v.length() > 40 ? v.substring(0, 37) + "..." : v;
    }

    public static List<ImportError> forRun(long runId) {
        return list("runId = ?1 order by recordNumber, id", runId);
    }
}
