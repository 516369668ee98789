package org.cortexlit.accounts;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a session token into the signed-in person, with their current role and the session's CSRF token as the
 * identity's {@value #CSRF_ATTRIBUTE} attribute. An unknown, expired or signed-out token fails.
 */
@ApplicationScoped
public class SessionCheck implements IdentityProvider<SessionRequest> {

    public static final String CSRF_ATTRIBUTE = "cortexlit.csrf";

    private final Sessions sessions;

    public SessionCheck(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionRequest> getRequestType() {
        return SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.find(request.token())
                .map(s -> (SecurityIdentity) QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(s.username()))
                        .addRole(s.role()).addAttribute(CSRF_ATTRIBUTE, s.csrfToken()).build())
                .orElseThrow(AuthenticationFailedException::new));
    }
}
