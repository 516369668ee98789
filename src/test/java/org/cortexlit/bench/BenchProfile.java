package org.cortexlit.bench;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Benchmarks get their own data dir, so they neither see nor disturb the tests' data. The count cache is off: the
 * benchmarks repeat their queries, and every timed search must count its hits as a first search does (the load step
 * of {@code src/bench/run-benchmarks.sh} measures with the cache on and off). The start-up index check runs before
 * the first test, not in the background. */
public class BenchProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("cortexlit.data-dir", "./target/bench-data",
                "cortexlit.index.count-cache-size", "0",
                // a rebuild left to the background would be timed as if it were the index
                "cortexlit.index.check-in-background", "false",
                "quarkus.log.category.\"org.cortexlit.importing\".level", "WARN");
    }
}
