package org.cortexlit.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every 401 from the JSON API names the scheme it wants ({@code WWW-Authenticate: Basic}), so scripts and
 * tools that wait for a challenge (curl --anyauth, Python requests' auth retry) know to send the account.
 * Quarkus leaves the header out when pages and the API use different mechanisms.
 */
@ApplicationScoped
public class BasicChallenge {

    static final String HEADER = "Basic realm=\"CortexLit\", charset=\"UTF-8\"";

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(v -> {
                if (rc.response().getStatusCode() == 401 && !rc.response().headers().contains("WWW-Authenticate")) {
                    rc.response().putHeader("WWW-Authenticate", HEADER);
                }
            });
            rc.next();
        });
    }
}
