package org.cortexlit.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/** Changing a password: one's own (knowing the current one) or anyone's as an admin. Either ends every session. */
@ApplicationScoped
public class Passwords {

    private final Sessions sessions;

    public Passwords(Sessions sessions) {
        this.sessions = sessions;
    }

    /** {@code username} changes their own password; the exception's message says what is wrong. */
    public void change(String username, String current, String fresh, String repeated) {
        User u = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username).orElse(null));
        if (u == null || current == null || !PasswordCheck.verify(u.password, current.toCharArray())) {
            throw new IllegalArgumentException("The current password is not right; nothing was changed.");
        }
        if (fresh == null || !fresh.equals(repeated)) {
            throw new IllegalArgumentException("The new password and its repetition differ; nothing was changed.");
        }
        reset(username, fresh);
    }

    /** Sets {@code username}'s password and signs them out everywhere; returns how many sessions ended. */
    public long reset(String username, String fresh) {
        QuarkusTransaction.requiringNew().run(() -> User.setPassword(username, fresh));
        return sessions.closeAll(username);
    }
}
