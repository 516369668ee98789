package org.cortexlit.suggest;

import org.cortexlit.formats.Citation;
import org.cortexlit.formats.ReadEvent;
import org.cortexlit.formats.RecordReader;
import org.cortexlit.formats.RecordReaders;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The labelled development set of {@code src/test/resources/suggest/}: records with a PMID in MEDLINE text, records
 * known only by DOI in RIS, and {@code labels.tsv} with one row per record. See docs/suggested-tags.md.
 */
final class DevSet {

    /** The hand labels of one record; "-" in the file is an empty set or null. */
    record Label(String key, String split, String design, Set<String> targets, Set<String> modalities,
                 String frequency, String sessions, String intensity, Set<String> conditions, String source) {
    }

    record Item(Label label, Citation record) {
    }

    static final String HOLDOUT = "holdout";
    static final String TUNE = "tune";
    /** Records found and labelled after version 3 was frozen: neither split nor rules were made with them in view. */
    static final String FRESH = "fresh";

    private DevSet() {
    }

    static List<Item> load() throws IOException {
        Map<String, Citation> records = new LinkedHashMap<>();
        read("devset.medline", records);
        read("devset.ris", records);
        List<Item> items = new ArrayList<>();
        for (Label l : labels()) {
            Citation r = records.get(l.key().toLowerCase(Locale.ROOT));
            if (r == null) {
                throw new IllegalStateException("labels.tsv names " + l.key() + " but no record of the set has it.");
            }
            items.add(new Item(l, r));
        }
        if (items.size() != records.size()) {
            throw new IllegalStateException(records.size() + " records but " + items.size() + " labels.");
        }
        return items;
    }

    /** The split a key belongs to, fixed before any rule was written: CRC32 of the key, modulo 3, equal to 1. */
    static String splitOf(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 3 == 1 ? HOLDOUT : TUNE;
    }

    private static void read(String name, Map<String, Citation> into) throws IOException {
        try (InputStream in = resource(name); RecordReader reader = RecordReaders.open(in)) {
            for (ReadEvent e = reader.next(); e != null; e = reader.next()) {
                if (!(e instanceof ReadEvent.Parsed p)) {
                    throw new IllegalStateException(name + " record " + e.recordNumber() + " did not parse: " + e);
                }
                Citation r = p.record();
                String key = r.pmid() != null ? r.pmid() : "doi:" + r.doi();
                if (into.put(key.toLowerCase(Locale.ROOT), r) != null) {
                    throw new IllegalStateException(name + " holds " + key + " twice.");
                }
            }
        }
    }

    static List<Label> labels() throws IOException {
        List<Label> out = new ArrayList<>();
        try (InputStream in = resource("labels.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] f = lines[i].split("\t", -1);
                if (f.length != 10) {
                    throw new IllegalStateException("labels.tsv line " + (i + 1) + " has " + f.length
                            + " columns, not 10.");
                }
                out.add(new Label(f[0], f[1], dash(f[2]), set(f[3]), set(f[4]), dash(f[5]), dash(f[6]), dash(f[7]),
                        set(f[8]), f[9]));
            }
        }
        return out;
    }

    private static InputStream resource(String name) {
        InputStream in = DevSet.class.getResourceAsStream("/suggest/" + name);
        if (in == null) {
            throw new IllegalStateException("Missing test resource suggest/" + name + ".");
        }
        return in;
    }

    private static String dash(String v) {
        return v.equals("-") ? null : v;
    }

    private static Set<String> set(String v) {
        return v.equals("-") ? Set.of() : new LinkedHashSet<>(Arrays.asList(v.split(";")));
    }
}
