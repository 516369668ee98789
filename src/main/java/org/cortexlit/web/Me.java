package org.cortexlit.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Who is signed in, for the page header: {@code {inject:me.name}}. */
@Named("me")
@RequestScoped
public class Me {

    private final SecurityIdentity identity;

    public Me(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isSignedIn() {
        return identity != null && !identity.isAnonymous();
    }

    public String getName() {
        return isSignedIn() ? identity.getPrincipal().getName() : "";
    }

    public boolean isAdmin() {
        return isSignedIn() && identity.hasRole("admin");
    }

    /** Admins and reviewers change the corpus; readers only read. */
    public boolean isEditor() {
        return isSignedIn() && (identity.hasRole("admin") || identity.hasRole("reviewer"));
    }
}
