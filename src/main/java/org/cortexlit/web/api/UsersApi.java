package org.cortexlit.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

    /** {@code {"username","password","role":"ADMIN|REVIEWER|READER"}}. */
    public record NewUser(String username, String password, String role) {
    }

    public record UserJson(String username, String role, Instant createdAt) {
        static UserJson of(User u) {
            return new UserJson(u.username, u.role.toUpperCase(Locale.ROOT), u.createdAt);
        }
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

    @GET
    public List<UserJson> list() {
        return accounts.all().stream().map(UserJson::of).toList();
    }
}
