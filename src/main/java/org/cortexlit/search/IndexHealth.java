package org.cortexlit.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health/ready}: the index is open and answers searches. While a rebuild runs the node stays ready (searches
 * answer from the last commit) and says how far the rebuild is; behind the change log by more than a minute (it
 * follows other nodes every few seconds), it is not ready, so a load balancer sends searches elsewhere. The same
 * figures are metrics.
 */
@Readiness
@ApplicationScoped
public class IndexHealth implements HealthCheck {

    static final long MAX_LAG_SECONDS = 60;

    private final SearchIndex index;
    private final IndexFollower follower;

    public IndexHealth(SearchIndex index, IndexFollower follower, MeterRegistry registry) {
        this.index = index;
        this.follower = follower;
        Gauge.builder("cortexlit.index.documents", index, SearchIndex::numDocs)
                .description("Articles the search index holds").register(registry);
        Gauge.builder("cortexlit.index.lag.seconds", follower, f -> f.lag().toSeconds())
                .description("How long the index has not caught up with the changes of other nodes").register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("search index");
        int docs;
        try {
            docs = index.numDocs();
        } catch (RuntimeException e) {
            return r.down().withData("error", "the index is not open: " + e.getMessage()).build();
        }
        long lag = follower.lag().toSeconds();
        r.withData("documents", docs).withData("lagSeconds", lag);
        SearchIndex.RebuildProgress rebuild = index.rebuildProgress();
        if (rebuild != null) {
            r.withData("rebuilding", rebuild.done() + " of " + rebuild.total() + " (" + rebuild.reason() + ")");
        }
        return (lag > MAX_LAG_SECONDS ? r.down() : r.up()).build();
    }
}
