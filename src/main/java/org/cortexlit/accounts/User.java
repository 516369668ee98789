package org.cortexlit.accounts;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
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

/** A person with one role: admin (everything), reviewer (imports, searches, screening) or reader (reads). */
@Entity
@Table(name = "app_user")
@UserDefinition
public class User extends PanacheEntityBase {

    public static final String ADMIN = "admin";
    public static final String REVIEWER = "reviewer";
    public static final String READER = "reader";
    public static final Set<String> ROLES = Set.of(ADMIN, REVIEWER, READER);

    @Id
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    public Long id;
    @Username
    public String username;
    /** bcrypt, in modular crypt format. */
    @Password
    public String password;
    @Roles
    public String role;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static List<User> all() {
        return listAll(Sort.ascending("username"));
    }

    /** Checks and stores a new account; the message of the exception says what to fix. */
    public static User add(String username, String password, String role) {
        String name = username == null ? "" : username.trim();
        if (!name.matches("[A-Za-z0-9._@-]{2,100}")) {
            throw new IllegalArgumentException("A user name needs 2-100 letters, digits or . _ @ - (no spaces).");
        }
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("A password needs at least 8 characters.");
        }
        String r = role == null ? "" : role.trim().toLowerCase(Locale.ROOT);
        if (!ROLES.contains(r)) {
            throw new IllegalArgumentException("The role must be admin, reviewer or reader, not '" + role + "'.");
        }
        if (findByUsername(name).isPresent()) {
            throw new IllegalArgumentException("There is already a user called '" + name + "'.");
        }
        User u = new User();
        u.username = name;
        u.password = BcryptUtil.bcryptHash(password);
        u.role = r;
        u.createdAt = Instant.now();
        u.persist();
        return u;
    }
}
