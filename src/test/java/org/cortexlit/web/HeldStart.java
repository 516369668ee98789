package org.cortexlit.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.cortexlit.concurrent.StartupWork;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * With {@code test.hold-start=true} ({@link StartGateTest}), the start's work does not end until the test lets it: a
 * task after all the application's own that waits for {@link #RELEASE}. Other tests leave the property unset, and the
 * bean does nothing.
 */
@ApplicationScoped
public class HeldStart {

    static final CountDownLatch RELEASE = new CountDownLatch(1);

    void onStart(@Observes @Priority(50_000) StartupEvent event, StartupWork work,
                 @ConfigProperty(name = "test.hold-start", defaultValue = "false") boolean hold) {
        if (hold) {
            work.then("a start a test holds", () -> {
                try {
                    if (!RELEASE.await(2, TimeUnit.MINUTES)) {
                        throw new IllegalStateException("the test never released the start");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
