package org.cortexlit.accounts;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A request carrying a session cookie's token, for {@link SessionCheck}. */
public class SessionRequest extends BaseAuthenticationRequest {

    private final String token;

    public SessionRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
