package org.cortexlit.web;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;
import org.cortexlit.config.CortexLitConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF tokens for the pages' forms and htmx requests: an HMAC of the signed-in user's name under a key kept in
 * the data folder ({@code csrf.key}, created on the first start), so a token survives restarts and cannot be
 * guessed by another site. Templates write it with {@code {#csrf/}} (a hidden field) and the layout hands it to
 * htmx as the {@value #HEADER} header; {@link CsrfFilter} checks it.
 */
@Named("csrf")
@ApplicationScoped
public class Csrf {

    public static final String FIELD = "csrf-token";
    public static final String HEADER = "X-CSRF-Token";

    private final SecurityIdentity identity;
    private final Path keyFile;
    private volatile byte[] key;

    public Csrf(SecurityIdentity identity, CortexLitConfig config) {
        this.identity = identity;
        this.keyFile = config.dataDir().resolve("csrf.key");
    }

    void onStart(@Observes StartupEvent event) {
        key();
    }

    /** The token for whoever is signed in (empty when nobody is). */
    public String getToken() {
        return identity.isAnonymous() ? "" : tokenFor(identity.getPrincipal().getName());
    }

    public String tokenFor(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] sig = mac.doFinal(("csrf:" + username).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** Whether {@code presented} is the token of {@code username}, in constant time. */
    public boolean matches(String username, String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(username).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = loadOrCreate(keyFile);
                }
                k = key;
            }
        }
        return k;
    }

    static byte[] loadOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) >= 32) {
                return Files.readAllBytes(file);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, fresh);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's own permissions protect it
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the CSRF key " + file.toAbsolutePath()
                    + " (is the data folder writable?): " + e.getMessage(), e);
        }
    }
}
