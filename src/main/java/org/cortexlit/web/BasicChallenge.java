package org.cortexlit.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.cortexlit.accounts.PasswordCheck;

/**
 * Every 401 from the JSON API names the scheme it wants ({@code WWW-Authenticate: Basic}), so scripts and
 * tools that wait for a challenge (curl --anyauth, Python requests' auth retry) know to send the account.
 * Quarkus's own challenge names no realm, or none at all when pages and the API use different
 * mechanisms. A 401 for an attempt the login
 * throttle held back says how long to wait ({@code Retry-After}, seconds).
 */
@ApplicationScoped
public class BasicChallenge {

    static final String HEADER = "Basic realm=\"CortexLit\", charset=\"UTF-8\"";

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(v -> {
                if (rc.response().getStatusCode() == 401) {
                    rc.response().putHeader("WWW-Authenticate", HEADER);
                }
                Object wait = rc.get(PasswordCheck.RETRY_AFTER);
                if (rc.response().getStatusCode() == 401 && wait != null) {
                    rc.response().putHeader("Retry-After", wait.toString());
                }
            });
            rc.next();
        });
    }
}
