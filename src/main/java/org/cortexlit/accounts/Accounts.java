package org.cortexlit.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** The accounts, for the users page and the API: listed, added, given an e-mail address, a role, disabled. */
@ApplicationScoped
public class Accounts {

    private final Sessions sessions;

    public Accounts(Sessions sessions) {
        this.sessions = sessions;
    }

    @Transactional
    public List<User> all() {
        return User.all();
    }

    /** Adds an account; the exception's message says what to fix (a name taken, a short password, a wrong role). */
    @Transactional
    public User add(String username, String password, String role, String email) {
        return User.add(username, password, role, email);
    }

    @Transactional
    public User setEmail(String username, String email) {
        return User.setEmail(username, email);
    }

    /**
     * An admin gives {@code username} another role, taking effect at their next request (roles are read fresh). An
     * admin cannot change their own role, nor take the role of the last enabled admin: someone must manage users.
     */
    @Transactional
    public User setRole(String actor, String username, String role) {
        User u = require(username);
        String r = User.checkRole(role);
        if (u.username.equals(actor) && !r.equals(u.role)) {
            throw new IllegalArgumentException("You cannot change your own role; another admin can.");
        }
        if (User.ADMIN.equals(u.role) && !r.equals(User.ADMIN)) {
            requireAnotherAdmin(u);
        }
        u.role = r;
        return u;
    }

    /**
     * Disables (or enables again) {@code username}: a disabled account cannot sign in, and every session it has
     * ends. An admin cannot disable themselves, nor the last enabled admin.
     */
    public User setDisabled(String actor, String username, boolean disabled) {
        User u = QuarkusTransaction.requiringNew().call(() -> {
            User x = require(username);
            if (disabled && x.username.equals(actor)) {
                throw new IllegalArgumentException("You cannot disable your own account; another admin can.");
            }
            if (disabled && User.ADMIN.equals(x.role)) {
                requireAnotherAdmin(x);
            }
            x.disabled = disabled;
            return x;
        });
        if (disabled) {
            sessions.closeAll(u.username);
        }
        return u;
    }

    private static User require(String username) {
        return User.findByUsername(username == null ? "" : username.trim())
                .orElseThrow(() -> new IllegalArgumentException("There is no user called '" + username + "'."));
    }

    private static void requireAnotherAdmin(User u) {
        long others = User.count("role = ?1 and disabled = false and id <> ?2", User.ADMIN, u.id);
        if (others == 0) {
            throw new IllegalArgumentException(u.username + " is the last admin; make someone else an admin first.");
        }
    }
}
