package org.cortexlit.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.cortexlit.concurrent.StartupWork;
import org.cortexlit.config.CortexLitConfig;
import org.cortexlit.database.Database;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * Creates the first admin on the first start, from CORTEXLIT_ADMIN_PASSWORD. Outside dev and test mode a
 * start with no account and no password is refused, so no instance ever runs open; dev and test mode get
 * the documented dev accounts instead.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    /** The accounts dev and test mode create when no password is set (README, "Accounts"). */
    static final List<String[]> DEV_ACCOUNTS = List.of(
            new String[]{"admin", "admin-password", User.ADMIN},
            new String[]{"reviewer", "reviewer-password", User.REVIEWER},
            new String[]{"reader", "reader-password", User.READER});

    private final CortexLitConfig config;
    private final Database database;
    private final StartupWork work;

    public FirstAdmin(CortexLitConfig config, Database database, StartupWork work) {
        this.config = config;
        this.database = database;
        this.work = work;
    }

    /**
     * A start that would run open is refused here, before the server answers (one JDBC query); the accounts are made
     * with the start's other work, as their hashing and Hibernate's first query take a second or more.
     */
    void onStart(@Observes @Priority(5) StartupEvent event) {
        Optional<String> password = config.admin().password().filter(p -> !p.isBlank());
        LaunchMode mode = LaunchMode.current();
        if (password.isEmpty() && !database.hasRows(User.TABLE)) {
            plan(password, config.admin().username(), mode); // refuses outside dev and test mode
        }
        work.then("creating the first admin", () -> QuarkusTransaction.requiringNew().run(() -> {
            if (User.count() > 0) {
                return;
            }
            for (String[] account : plan(password, config.admin().username(), mode)) {
                User.add(account[0], account[1], account[2]);
                LOG.infof("Created the %s account '%s'", account[2], account[0]);
            }
        }));
    }

    /**
     * The accounts to create in an empty database.
     *
     * @throws IllegalStateException outside dev/test mode without a password, with a message saying what to set
     */
    static List<String[]> plan(Optional<String> password, String username, LaunchMode mode) {
        if (password.isPresent()) {
            return List.<String[]>of(new String[]{username, password.get(), User.ADMIN});
        }
        if (mode == LaunchMode.DEVELOPMENT || mode == LaunchMode.TEST) {
            return DEV_ACCOUNTS;
        }
        throw new IllegalStateException("CortexLit has no account yet and no password for the first admin. Set "
                + "CORTEXLIT_ADMIN_PASSWORD (at least 8 characters; user name 'admin', or CORTEXLIT_ADMIN_USERNAME) "
                + "and start again.");
    }
}
