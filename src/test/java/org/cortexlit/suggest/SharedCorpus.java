package org.cortexlit.suggest;

import org.cortexlit.formats.Citation;
import org.cortexlit.formats.ReadEvent;
import org.cortexlit.formats.RecordFormatException;
import org.cortexlit.formats.RecordReader;
import org.cortexlit.formats.RecordReaders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real PubMed records of {@code ../shared/corpus} (read where they lie, never copied): every file a reader
 * accepts, minus the DTDs, the screening CSVs and the identifier lists.
 */
final class SharedCorpus {

    static final Path CORPUS = Path.of("../shared/corpus");

    private SharedCorpus() {
    }

    static boolean present() {
        return Files.isDirectory(CORPUS);
    }

    static List<Citation> records() throws IOException {
        List<Citation> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(Files::isRegularFile).filter(SharedCorpus::isRecordFile).sorted().toList();
        }
        for (Path f : files) {
            try (RecordReader reader = RecordReaders.open(f)) {
                for (ReadEvent e = reader.next(); e != null; e = reader.next()) {
                    if (e instanceof ReadEvent.Parsed p) {
                        out.add(p.record());
                    }
                }
            } catch (RecordFormatException | IllegalArgumentException e) {
                // hostile and synthetic fixtures of the corpus: their readers' tests cover them
            }
        }
        return out;
    }

    private static boolean isRecordFile(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        if (p.toString().contains("synergy") || p.toString().contains("/dtd/") || n.endsWith(".csv")
                || n.endsWith(".md") || n.equals("sha256sums") || n.equals("pmids.txt") || n.endsWith(".toml")) {
            return false;
        }
        return n.endsWith(".xml") || n.endsWith(".xml.gz") || n.endsWith(".txt") || n.endsWith(".nbib")
                || n.endsWith(".ris") || n.endsWith(".bib");
    }
}
