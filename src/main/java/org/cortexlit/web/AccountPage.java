package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.cortexlit.accounts.Passwords;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;

/** One's own account: who one is, and a new password (which signs one out everywhere). */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AccountPage {

    /** The message of the POST that redirected here, if any. */
    @Inject
    Flash flash;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(String username, String role, String notice, String error);
    }

    private final SecurityIdentity identity;
    private final Passwords passwords;

    public AccountPage(SecurityIdentity identity, Passwords passwords) {
        this.identity = identity;
        this.passwords = passwords;
    }

    @GET
    public TemplateInstance show() {
        String notice = flash.notice();
        String error = flash.error();
        return Templates.account(identity.getPrincipal().getName(), String.join(", ", identity.getRoles()), notice, error);
    }

    @BackTo("/account")
    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response password(@RestForm String current, @RestForm String password, @RestForm String repeated) {
        passwords.change(identity.getPrincipal().getName(), current, password, repeated);
        return Response.seeOther(URI.create("/login?changed=true"))
                .cookie(new NewCookie.Builder(SessionLogin.COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).build())
                .build();
    }
}
