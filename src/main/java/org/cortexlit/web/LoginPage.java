package org.cortexlit.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The sign-in form (it posts to Quarkus' form authentication at /j_security_check) and signing out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    /** Quarkus' form-authentication cookie. */
    static final String COOKIE = "quarkus-credential";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error);
    }

    @GET
    @Path("login")
    public TemplateInstance login(@QueryParam("error") String error) {
        return Templates.login(error != null);
    }

    @POST
    @Path("logout")
    public Response logout() {
        return Response.seeOther(URI.create("/login"))
                .cookie(new NewCookie.Builder(COOKIE).value("").path("/").maxAge(0).httpOnly(true).build())
                .build();
    }
}
