package org.cortexlit.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** The accounts, for the users page and the API: listed, added, given an e-mail address. */
@ApplicationScoped
public class Accounts {

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
}
