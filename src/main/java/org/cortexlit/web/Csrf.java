package org.cortexlit.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.cortexlit.accounts.SessionCheck;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF tokens for the pages' forms and htmx requests. A signed-in session has its own random token, made when
 * it is opened and gone when it ends, so a token never outlives its session and is never shared between two
 * sessions (the synchronizer-token pattern). An identity without a session (HTTP Basic, which pages do not take
 * in production) gets an HMAC of its name under a key made at each start. Templates write the token with
 * {@code {#csrf/}} (a hidden field) and the layout hands it to htmx as the {@value #HEADER} header;
 * {@link CsrfFilter} checks it.
 */
@Named("csrf")
@ApplicationScoped
public class Csrf {

    public static final String FIELD = "csrf-token";
    public static final String HEADER = "X-CSRF-Token";

    private final SecurityIdentity identity;
    private final byte[] key = new byte[32];

    public Csrf(SecurityIdentity identity) {
        this.identity = identity;
        new SecureRandom().nextBytes(key);
    }

    /** The token for whoever is signed in (empty when nobody is). */
    public String getToken() {
        return tokenOf(identity);
    }

    String tokenOf(SecurityIdentity who) {
        if (who == null || who.isAnonymous()) {
            return "";
        }
        String own = who.getAttribute(SessionCheck.CSRF_ATTRIBUTE);
        return own != null ? own : tokenFor(who.getPrincipal().getName());
    }

    /** The token of a signed-in identity that has no session. */
    public String tokenFor(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal(("csrf:" + username).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** Whether {@code presented} is the token of {@code who}, compared in constant time. */
    public boolean matches(SecurityIdentity who, String presented) {
        String expected = tokenOf(who);
        if (presented == null || presented.isEmpty() || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }
}
