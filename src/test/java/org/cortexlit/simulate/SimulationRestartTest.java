package org.cortexlit.simulate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.cortexlit.database.Database;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing stays RUNNING forever: a restart ends the simulations no worker is running any more. */
@QuarkusTest
class SimulationRestartTest {

    @Inject
    Simulations simulations;

    @Inject
    Database database;

    private static long running(String node, Duration age) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SimulationRun run = new SimulationRun();
            run.status = SimulationRun.Status.RUNNING;
            run.fileName = "left-running.csv";
            run.dataset = "left-running";
            run.records = 10;
            run.relevant = 2;
            run.seed = 1;
            run.model = "cortexlit-svm";
            run.node = node;
            run.createdAt = Instant.now().minus(age).truncatedTo(ChronoUnit.MILLIS);
            run.persist();
            return run.id;
        });
    }

    @Test
    void aRestartFailsThisNodesRunningSimulationsAndAnyNodesOlderThanFifteenMinutes() {
        long mine = running(database.nodeName(), Duration.ofMinutes(1));
        long othersOld = running("another-node", Duration.ofMinutes(16));
        long othersRecent = running("another-node", Duration.ofMinutes(1));
        try {
            simulations.markInterrupted();

            SimulationRun a = simulations.find(mine);
            assertEquals(SimulationRun.Status.FAILED, a.status);
            assertTrue(a.error.startsWith("interrupted: the server restarted"), a.error);
            assertEquals(SimulationRun.Status.FAILED, simulations.find(othersOld).status);
            assertEquals(SimulationRun.Status.RUNNING, simulations.find(othersRecent).status,
                    "another node may still be running it");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> SimulationRun.delete("id in ?1",
                    java.util.List.of(mine, othersOld, othersRecent)));
        }
    }
}
