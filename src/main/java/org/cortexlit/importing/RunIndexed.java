package org.cortexlit.importing;

/** An import run's records are in the database and searchable (fired before the run is marked finished). */
public record RunIndexed(long runId) {
}
