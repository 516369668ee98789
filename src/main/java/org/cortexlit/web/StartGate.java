package org.cortexlit.web;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.cortexlit.concurrent.StartupWork;
import org.cortexlit.config.CortexLitConfig;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds requests while the start's work runs ({@link StartupWork}), without holding a thread: each goes on when the
 * work ends, or is answered 503 with {@code Retry-After} after {@code cortexlit.start.request-wait}. What needs none of that
 * work answers at once: the sign-in page, the style sheet and scripts, and the health checks (which say "not ready").
 */
@ApplicationScoped
public class StartGate {

    private final StartupWork work;
    private final long waitMillis;
    private final AtomicInteger held = new AtomicInteger();

    public StartGate(StartupWork work, CortexLitConfig config) {
        this.work = work;
        this.waitMillis = Math.max(1, config.start().requestWait().toMillis());
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        if (work.isDone() || needsNoStart(rc.request().method(), rc.request().path())) {
            rc.next();
            return;
        }
        Context context = Vertx.currentContext();
        AtomicBoolean answered = new AtomicBoolean();
        held.incrementAndGet();
        long timer = rc.vertx().setTimer(waitMillis, id -> {
            if (answered.compareAndSet(false, true)) {
                held.decrementAndGet();
                refuse(rc, "CortexLit is still starting; try again in a few seconds.");
            }
        });
        work.whenDone().whenComplete((ok, failure) -> context.runOnContext(v -> {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            held.decrementAndGet();
            rc.vertx().cancelTimer(timer);
            if (failure != null) {
                refuse(rc, "CortexLit could not start and is stopping: " + failure.getMessage());
            } else if (!rc.response().closed()) {
                rc.next();
            }
        }));
    }

    /** Requests waiting for the start's work now. */
    int held() {
        return held.get();
    }

    /** Pages and files that read nothing the start's work makes. */
    static boolean needsNoStart(HttpMethod method, String path) {
        if (path == null) {
            return false;
        }
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        return read && (path.equals("/login") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/q/health"));
    }

    private static void refuse(RoutingContext rc, String message) {
        if (rc.response().closed() || rc.response().ended()) {
            return;
        }
        boolean json = rc.request().path().startsWith("/api/");
        rc.response().setStatusCode(503).putHeader("Retry-After", "5")
                .putHeader("Content-Type", json ? "application/json" : "text/plain; charset=UTF-8")
                .end(json ? new JsonObject().put("error", message).encode() : message);
    }
}
