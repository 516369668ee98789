package org.cortexlit.bench;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Benchmarks get their own data dir, so they neither see nor disturb the tests' data. */
public class BenchProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("cortexlit.data-dir", "./target/bench-data",
                "quarkus.log.category.\"org.cortexlit.importing\".level", "WARN");
    }
}
