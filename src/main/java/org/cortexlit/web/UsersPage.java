package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.accounts.Accounts;
import org.cortexlit.accounts.Passwords;
import org.cortexlit.accounts.User;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Admins create accounts, give each a role and an optional e-mail address (for the weekly digest). */
@Path("/users")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(User.ADMIN)
public class UsersPage {

    /** The message of the POST that redirected here, if any. */
    @Inject
    Flash flash;

    @Inject
    SecurityIdentity identity;

    private final Passwords passwords;

    private final Accounts accounts;

    public UsersPage(Passwords passwords, Accounts accounts) {
        this.passwords = passwords;
        this.accounts = accounts;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<User> users, String me, String notice, String error);
    }

    @GET
    public TemplateInstance list() {
        String notice = flash.notice();
        String error = flash.error();
        return Templates.users(accounts.all(), identity.getPrincipal().getName(), notice, error);
    }

    @BackTo("/users")
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String password, @RestForm String role,
                           @RestForm String email) {
        accounts.add(username, password, role, email);
        return Redirects.notice("/users", "Created " + username + " (" + role + ").");
    }

    /** An admin sets someone's password; every session of that person ends. */
    @BackTo("/users")
    @POST
    @Path("/{username}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setPassword(@PathParam("username") String username, @RestForm String password) {
        long ended = passwords.reset(username, password);
        return Redirects.notice("/users", "Set a new password for " + username + "; " + ended
                + " session(s) of theirs ended.");
    }

    /** Sets or clears (blank) the address the weekly digest goes to. */
    @BackTo("/users")
    @POST
    @Path("/{username}/email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setEmail(@PathParam("username") String username, @RestForm String email) {
        User u = accounts.setEmail(username, email);
        String notice = u.email == null ? "Removed " + u.username + "'s e-mail address."
                : "Set " + u.username + "'s e-mail address to " + u.email + ".";
        return Redirects.notice("/users", notice);
    }

    /** An admin gives someone another role; it takes effect at their next request. */
    @BackTo("/users")
    @POST
    @Path("/{username}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setRole(@PathParam("username") String username, @RestForm String role) {
        User u = accounts.setRole(identity.getPrincipal().getName(), username, role);
        return Redirects.notice("/users", u.username + " is now a" + (User.ADMIN.equals(u.role) ? "n " : " ") + u.role + ".");
    }

    /** An admin disables an account (it cannot sign in, its sessions end) or enables it again. */
    @BackTo("/users")
    @POST
    @Path("/{username}/disabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setDisabled(@PathParam("username") String username, @RestForm String disabled) {
        boolean off = "true".equals(disabled);
        User u = accounts.setDisabled(identity.getPrincipal().getName(), username, off);
        return Redirects.notice("/users", off ? "Disabled " + u.username + ": they cannot sign in, and their sessions "
                + "have ended." : "Enabled " + u.username + " again: they can sign in.");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
