package org.cortexlit.suggest;

import org.cortexlit.formats.Citation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records per second through the suggester on one thread, over real records: the development set and, where
 * present, the shared corpus (mostly other fields, as an import of a broad search would be). The import reads
 * 2,000-3,000 records/s, so the suggester must manage 30,000/s or more to cost it under 10%.
 *
 * <p>Run: {@code ./mvnw -B -q test -Pbench -Dtest=TagSuggesterBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Writes {@code target/bench/suggester.json}.
 */
@Tag("benchmark")
class TagSuggesterBenchmark {

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Test
    void suggestionsPerSecondOnOneThread() throws IOException {
        List<Citation> records = new ArrayList<>();
        for (DevSet.Item item : DevSet.load()) {
            records.add(item.record());
        }
        int devSet = records.size();
        if (SharedCorpus.present()) {
            records.addAll(SharedCorpus.records());
        }
        List<SuggestInput> inputs = records.stream().map(SuggestInput::from).toList();
        long chars = 0;
        for (SuggestInput in : inputs) {
            chars += in.title().length() + in.abstractText().length();
        }
        long sink = 0;
        long warmUntil = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            for (SuggestInput in : inputs) {
                sink += TagSuggester.suggest(in).targets().size();
            }
            for (Citation r : records) {
                sink += TagSuggester.suggest(r).modalities().size();
            }
        }
        // Rounds alternate the two paths, and the medians are reported, so that load from other processes on a
        // shared machine falls on both alike; CPU time of this thread is the figure least moved by that load.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int rounds = 7;
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        double[] fromRecord = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long n = 0;
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            do {
                for (SuggestInput in : inputs) {
                    sink += TagSuggester.suggest(in).targets().size();
                }
                n += inputs.size();
            } while (System.nanoTime() - start < 1_000_000_000L);
            wall[round] = n / ((System.nanoTime() - start) / 1e9);
            cpu[round] = n / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            n = 0;
            start = System.nanoTime();
            do {
                for (Citation r : records) {
                    sink += TagSuggester.suggest(r).modalities().size();
                }
                n += records.size();
            } while (System.nanoTime() - start < 1_000_000_000L);
            fromRecord[round] = n / ((System.nanoTime() - start) / 1e9);
        }
        double perSecond = median(wall);
        double perCpuSecond = median(cpu);
        double fromRecordPerSecond = median(fromRecord);

        String table = String.format(Locale.ROOT, """

                Tag suggester, one thread (version %d)
                records: %d (development set %d, shared corpus %d), mean title+abstract %d chars
                suggest(SuggestInput):                  %,10.0f records/s wall, %,10.0f records per CPU second
                suggest(Citation) incl. conversion: %,10.0f records/s wall
                (medians of 7 alternating one-second rounds)
                (load average %.1f on %d cores; checksum %d)
                """, TagSuggester.VERSION, records.size(), devSet, records.size() - devSet,
                chars / Math.max(1, inputs.size()), perSecond, perCpuSecond, fromRecordPerSecond,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(), sink);
        System.out.println(table);
        Path out = Path.of("target/bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("suggester.json"), String.format(Locale.ROOT,
                "{\"version\":%d,\"records\":%d,\"recordsPerSecond\":%.0f,\"recordsPerCpuSecond\":%.0f,"
                        + "\"fromRecordPerSecond\":%.0f}%n",
                TagSuggester.VERSION, records.size(), perSecond, perCpuSecond, fromRecordPerSecond));
        assertTrue(perSecond > 0);
    }
}
