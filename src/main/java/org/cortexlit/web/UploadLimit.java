package org.cortexlit.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.cortexlit.config.CortexLitConfig;

/**
 * Refuses an upload larger than {@code cortexlit.import.max-upload-size} before a byte of it is read,
 * with a 413 that says what the limit is (the HTTP layer's own limit only closes the connection).
 */
@ApplicationScoped
public class UploadLimit {

    void install(@Observes Router router, CortexLitConfig config) {
        long limit = config.importing().maxUploadSize().asLongValue();
        router.route().order(-1000).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && isLarger(length, limit)) {
                String message = "The upload is " + length + " bytes; the limit is " + limit
                        + " bytes (setting cortexlit.import.max-upload-size).";
                boolean json = ctx.request().path().startsWith("/api/");
                ctx.response().setStatusCode(413)
                        .putHeader("Content-Type", json ? "application/json" : "text/plain; charset=utf-8")
                        .putHeader("Connection", "close")
                        .end(json ? "{\"error\":\"" + message + "\"}" : message);
                return;
            }
            ctx.next();
        });
    }

    private static boolean isLarger(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
