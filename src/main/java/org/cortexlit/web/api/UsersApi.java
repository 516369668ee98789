package org.cortexlit.web.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cortexlit.accounts.Accounts;
import org.cortexlit.accounts.User;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Accounts for scripts: an admin creates users ({@code POST /api/users}) and lists them. Passwords are never returned. */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(User.ADMIN)
public class UsersApi {

    @Inject
    Accounts accounts;

    @Inject
    SecurityIdentity identity;

    /** {@code {"username","password","role":"ADMIN|REVIEWER|READER"}}. */
    public record NewUser(String username, String password, String role) {
    }

    public record UserJson(String username, String role, Instant createdAt, boolean disabled) {
        static UserJson of(User u) {
            return new UserJson(u.username, u.role.toUpperCase(Locale.ROOT), u.createdAt, u.disabled);
        }
    }

    /** {@code {"role":"ADMIN|REVIEWER|READER","disabled":true|false}}; a field left out is left alone. */
    public record UserChange(String role, Boolean disabled) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewUser body) {
        if (body == null) {
            return ImportsApi.error(400, "Send JSON: {\"username\", \"password\", \"role\": \"ADMIN\"|\"REVIEWER\"|\"READER\"}.");
        }
        try {
            User u = accounts.add(body.username(), body.password(), body.role(), null);
            return Response.created(URI.create("/api/users/" + u.username)).entity(UserJson.of(u)).build();
        } catch (IllegalArgumentException e) {
            return ImportsApi.error(e.getMessage().startsWith("There is already") ? 409 : 400, e.getMessage());
        }
    }

    /** Another role, or the account disabled (it cannot sign in, its sessions end) or enabled again. */
    @PUT
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("username") String username, UserChange body) {
        if (body == null || body.role() == null && body.disabled() == null) {
            return ImportsApi.error(400, "Send JSON: {\"role\": \"ADMIN\"|\"REVIEWER\"|\"READER\", \"disabled\": true|false}.");
        }
        String me = identity.getPrincipal().getName();
        User u = null;
        if (body.role() != null) {
            u = accounts.setRole(me, username, body.role());
        }
        if (body.disabled() != null) {
            u = accounts.setDisabled(me, username, body.disabled());
        }
        return Response.ok(UserJson.of(u)).build();
    }

    @GET
    public List<UserJson> list() {
        return accounts.all().stream().map(UserJson::of).toList();
    }
}
