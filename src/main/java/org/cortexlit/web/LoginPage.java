package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.cortexlit.accounts.Sessions;

import java.net.URI;

/** The sign-in form (it posts to {@link SessionLogin} at /j_security_check) and signing out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    private final Sessions sessions;

    public LoginPage(Sessions sessions) {
        this.sessions = sessions;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error, Long wait, boolean changed);
    }

    /** {@code wait}: seconds a throttled sign-in must wait before the next attempt is checked. */
    @GET
    @Path("login")
    public TemplateInstance login(@QueryParam("error") String error, @QueryParam("wait") String wait,
                                  @QueryParam("changed") String changed) {
        Long seconds = wait != null && wait.matches("\\d{1,6}") ? Long.valueOf(wait) : null;
        return Templates.login(error != null, seconds, changed != null);
    }

    /** Ends the session for good: the cookie's token no longer signs anyone in, on any node. */
    @POST
    @Path("logout")
    public Response logout(@CookieParam(SessionLogin.COOKIE) String token) {
        sessions.close(token);
        return Response.seeOther(URI.create("/login"))
                .cookie(new NewCookie.Builder(SessionLogin.COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).build())
                .build();
    }
}
