package org.cortexlit.prioritise;

import java.util.List;

/** A screening data set with every record's known label, as a simulation replays it. */
public record LabelledSet(String name, String labelColumn, List<LabelledRecord> records) {

    public LabelledSet {
        records = List.copyOf(records);
    }

    public int size() {
        return records.size();
    }

    public int relevant() {
        return (int) records.stream().filter(LabelledRecord::relevant).count();
    }

    public List<RecordText> texts() {
        return records.stream().map(LabelledRecord::text).toList();
    }
}
