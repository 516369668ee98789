package org.cortexlit.accounts;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A person with one role: admin (everything), reviewer (imports, searches, screening) or reader (reads). */
@Entity
@Table(name = User.TABLE)
public class User extends PanacheEntityBase {

    static final String TABLE = "app_user";

    public static final String ADMIN = "admin";
    public static final String REVIEWER = "reviewer";
    public static final String READER = "reader";
    public static final Set<String> ROLES = Set.of(ADMIN, REVIEWER, READER);

    @Id
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    public Long id;
    public String username;
    /** bcrypt, in modular crypt format. */
    public String password;
    public String role;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Where the weekly digest goes; null when the person has not given one (they are then not mailed). */
    public String email;
    /** A disabled account cannot sign in (form or HTTP Basic) and has no session; an admin enables it again. */
    public boolean disabled;

    /** Deliberately loose (one {@code @}, a dot in the domain, no spaces): the mail server is the real judge. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    public static Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static List<User> all() {
        return listAll(Sort.ascending("username"));
    }

    /** Checks and stores a new account; the message of the exception says what to fix. */
    public static User add(String username, String password, String role) {
        return add(username, password, role, null);
    }

    /** As {@link #add(String, String, String)}, with an optional e-mail address (blank for none). */
    public static User add(String username, String password, String role, String email) {
        String name = username == null ? "" : username.trim();
        if (!name.matches("[A-Za-z0-9._@-]{2,100}")) {
            throw new IllegalArgumentException("A user name needs 2-100 letters, digits or . _ @ - (no spaces).");
        }
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("A password needs at least 8 characters.");
        }
        String r = checkRole(role);
        if (findByUsername(name).isPresent()) {
            throw new IllegalArgumentException("There is already a user called '" + name + "'.");
        }
        User u = new User();
        u.username = name;
        u.password = BcryptUtil.bcryptHash(password);
        u.role = r;
        u.createdAt = Instant.now();
        u.email = checkEmail(email);
        u.persist();
        return u;
    }

    /** Gives an existing account a new password (at least 8 characters); the caller ends its sessions. */
    public static User setPassword(String username, String password) {
        User u = findByUsername(username == null ? "" : username.trim())
                .orElseThrow(() -> new IllegalArgumentException("There is no user called '" + username + "'."));
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("A password needs at least 8 characters.");
        }
        if (password.length() > 1000) {
            throw new IllegalArgumentException("A password has at most 1,000 characters.");
        }
        u.password = BcryptUtil.bcryptHash(password);
        return u;
    }

    /** The role as stored ({@code admin}, {@code reviewer}, {@code reader}), from any case; the message says what to fix. */
    static String checkRole(String role) {
        String r = role == null ? "" : role.trim().toLowerCase(Locale.ROOT);
        if (!ROLES.contains(r)) {
            throw new IllegalArgumentException("The role must be admin, reviewer or reader, not '" + role + "'.");
        }
        return r;
    }

    /** Sets or (blank) clears the address of an existing account. */
    public static User setEmail(String username, String email) {
        User u = findByUsername(username == null ? "" : username.trim())
                .orElseThrow(() -> new IllegalArgumentException("There is no user called '" + username + "'."));
        u.email = checkEmail(email);
        return u;
    }

    /** The address trimmed, null when blank; the exception's message says what is wrong with it. */
    static String checkEmail(String email) {
        String e = email == null ? "" : email.trim();
        if (e.isEmpty()) {
            return null;
        }
        if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
            throw new IllegalArgumentException("'" + e + "' does not look like an e-mail address (name@example.org).");
        }
        return e;
    }
}
