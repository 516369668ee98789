package org.cortexlit.prioritise;

/** A record of a labelled data set: its text, the reviewers' final decision, and the line of the file it starts on. */
public record LabelledRecord(RecordText text, boolean relevant, long line) {
}
