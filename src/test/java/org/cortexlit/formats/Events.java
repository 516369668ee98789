package org.cortexlit.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: every event of a file, and typed views on them. */
record Events(RecordFormat format, List<ReadEvent> all) {

    static Events read(Path file) throws IOException {
        try (RecordReader reader = RecordReaders.open(file)) {
            return drain(reader);
        }
    }

    static Events read(InputStream in) throws IOException {
        try (RecordReader reader = RecordReaders.open(in)) {
            return drain(reader);
        }
    }

    static Events fixture(String name) throws IOException {
        return read(fixturePath(name));
    }

    static Path fixturePath(String name) {
        try {
            return Path.of(Events.class.getResource("/fixtures/pubmed/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("missing fixture " + name, e));
        }
    }

    private static Events drain(RecordReader reader) throws IOException {
        List<ReadEvent> events = new ArrayList<>();
        for (ReadEvent e = reader.next(); e != null; e = reader.next()) {
            events.add(e);
        }
        // A finished reader keeps saying so.
        if (reader.next() != null) {
            throw new AssertionError("next() after the end returned a record");
        }
        return new Events(reader.format(), events);
    }

    List<Citation> records() {
        return all.stream().filter(ReadEvent.Parsed.class::isInstance)
                .map(e -> ((ReadEvent.Parsed) e).record()).toList();
    }

    List<String> deletedPmids() {
        return all.stream().filter(ReadEvent.Deleted.class::isInstance)
                .flatMap(e -> ((ReadEvent.Deleted) e).pmids().stream()).toList();
    }

    List<ReadEvent.Invalid> invalid() {
        return all.stream().filter(ReadEvent.Invalid.class::isInstance).map(ReadEvent.Invalid.class::cast).toList();
    }

    Citation record(String pmid) {
        return records().stream().filter(r -> r.pmid().equals(pmid)).findFirst()
                .orElseThrow(() -> new AssertionError("no record " + pmid));
    }
}
