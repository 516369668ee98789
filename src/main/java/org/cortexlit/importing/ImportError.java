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

    public static ImportError of(long runId, int recordNumber, String pmid, String message) {
        ImportError e = new ImportError();
        e.runId = runId;
        e.recordNumber = recordNumber;
        e.pmid = pmid;
        e.message = message.length() > 2000 ? message.substring(0, 1997) + "..." : message;
        return e;
    }

    public static List<ImportError> forRun(long runId) {
        return list("runId = ?1 order by recordNumber, id", runId);
    }
}
