package org.cortexlit.importing;

/** A batch of import run {@code runId} is committed: {@code recordsRead} records of its file are read so far. */
public record BatchWritten(long runId, int recordsRead) {
}
