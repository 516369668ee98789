package org.cortexlit.search;

import org.apache.lucene.index.IndexWriter;
import org.cortexlit.bench.CorpusGenerator;
import org.cortexlit.formats.ReadEvent;
import org.cortexlit.formats.RecordReader;
import org.cortexlit.formats.RecordReaders;
import org.cortexlit.library.Article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generated records indexed as the import indexes them (parsed, made articles, {@link ArticleDocuments}), for tests
 * of an index written with the app's own documents and without the database. */
final class GeneratedDocuments {

    private GeneratedDocuments() {
    }

    /** Adds {@code records} records of {@link CorpusGenerator}({@code seed}), PMIDs from {@code firstPmid}, to {@code w}. */
    static void add(IndexWriter w, long seed, int records, long firstPmid) throws IOException {
        Path xml = Files.createTempFile("generated", ".xml");
        try {
            new CorpusGenerator(seed).writePubmedXml(xml, records, firstPmid, false);
            try (RecordReader reader = RecordReaders.open(xml)) {
                ReadEvent e;
                while ((e = reader.next()) != null) {
                    if (e instanceof ReadEvent.Parsed p) {
                        Article a = new Article();
                        a.apply(p.record(), "test");
                        w.addDocument(ArticleDocuments.toDocument(a));
                    }
                }
            }
        } finally {
            Files.deleteIfExists(xml);
        }
    }
}
