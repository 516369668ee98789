package org.cortexlit.screening;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is acting, with the account role that matters here. */
public record Actor(String name, boolean admin, boolean editor) {

    public static Actor of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Actor("anonymous", false, false);
        }
        boolean admin = identity.hasRole("admin");
        return new Actor(identity.getPrincipal().getName(), admin, admin || identity.hasRole("reviewer"));
    }
}
