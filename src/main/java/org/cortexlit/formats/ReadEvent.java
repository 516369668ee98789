package org.cortexlit.formats;

import java.util.List;

/** What a {@link RecordReader} yields, one per record in the file. {@code recordNumber} counts from 1
 * in file order over every record element (articles, books, deletion lists, rejected records). */
public sealed interface ReadEvent {

    int recordNumber();

    /** A citation read in full. */
    record Parsed(int recordNumber, Citation record) implements ReadEvent {
    }

    /** A {@code DeleteCitation} list: these PMIDs are withdrawn from PubMed. */
    record Deleted(int recordNumber, List<String> pmids) implements ReadEvent {
        public Deleted {
            pmids = List.copyOf(pmids);
        }
    }

    /** A record that cannot be used (no PMID, no title, ...); the file goes on. {@code pmid} may be null. */
    record Invalid(int recordNumber, String pmid, String reason) implements ReadEvent {
    }
}
