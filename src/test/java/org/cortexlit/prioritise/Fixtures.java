package org.cortexlit.prioritise;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Reads the package's own fixtures from {@code src/test/resources/prioritise/}. */
final class Fixtures {

    private Fixtures() {
    }

    static LabelledSet read(String file) throws IOException {
        try (Reader in = reader(file)) {
            return LabelledCsv.read(in, file, file.replace(".csv", ""));
        }
    }

    static Reader reader(String file) {
        return new InputStreamReader(Objects.requireNonNull(Fixtures.class.getResourceAsStream("/prioritise/" + file),
                "no fixture " + file), StandardCharsets.UTF_8);
    }

    /** The 48-record screening fixture: ten trials of cortical stimulation for neuropathic pain among neighbours. */
    static LabelledSet screening() {
        try {
            return read("screening-small.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
