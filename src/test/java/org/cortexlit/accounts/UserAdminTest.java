package org.cortexlit.accounts;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import org.cortexlit.TestCorpus;
import org.cortexlit.web.SessionLogin;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admins change roles and disable accounts, under the production sign-in rules; nobody locks the site out of itself. */
@QuarkusTest
@TestProfile(RealSecurityProfile.class)
class UserAdminTest {

    private static final String CREDENTIAL = SessionLogin.COOKIE;

    private static Cookie signIn(String user, String password) {
        Response login = given().redirects().follow(false)
                .formParam("j_username", user).formParam("j_password", password).post("/j_security_check");
        assertEquals(302, login.statusCode(), "signing in as " + user);
        assertTrue(login.cookie(CREDENTIAL) != null, "a session for " + user);
        return new Cookie.Builder(CREDENTIAL, login.cookie(CREDENTIAL)).build();
    }

    private static String tokenOf(Cookie session) {
        String page = given().cookie(session).get("/").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "the page carries the session's token");
        return m.group(1);
    }

    private static Response post(Cookie admin, String token, String path, String name, String value) {
        Response r = given().cookie(admin).redirects().follow(false).formParam("csrf-token", token)
                .formParam(name, value).post(path);
        assertEquals(303, r.statusCode(), path);
        return r;
    }

    @Test
    void anAdminChangesARoleAndADisabledAccountCannotSignInAnyMore() {
        String ann = "ann" + System.nanoTime() % 100000;
        given().auth().preemptive().basic("admin", "admin-password").contentType("application/json")
                .body("{\"username\":\"" + ann + "\",\"password\":\"ann-password\",\"role\":\"REVIEWER\"}")
                .post("/api/users").then().statusCode(201);
        Cookie admin = signIn("admin", "admin-password");
        String token = tokenOf(admin);
        given().cookie(admin).get("/users").then().statusCode(200)
                .body(containsString("action=\"/users/" + ann + "/role\"")).body(containsString("admin (you)"));

        Response role = post(admin, token, "/users/" + ann + "/role", "role", "reader");
        assertTrue(TestCorpus.flashMessage(role).contains(ann + " is now a reader"), TestCorpus.flashMessage(role));
        given().auth().preemptive().basic(ann, "ann-password").multiPart("file", "trials.xml",
                TestCorpus.fixture("trials.xml"), "text/xml").post("/api/imports").then().statusCode(403);

        Cookie annSession = signIn(ann, "ann-password");
        given().cookie(annSession).redirects().follow(false).get("/search").then().statusCode(200);
        Response off = post(admin, token, "/users/" + ann + "/disabled", "disabled", "true");
        assertTrue(TestCorpus.flashMessage(off).contains("Disabled " + ann), TestCorpus.flashMessage(off));
        given().cookie(annSession).redirects().follow(false).get("/search").then().statusCode(302)
                .header("Location", containsString("/login"));
        given().redirects().follow(false).formParam("j_username", ann).formParam("j_password", "ann-password")
                .post("/j_security_check").then().header("Location", containsString("error"));
        given().auth().preemptive().basic(ann, "ann-password").get("/api/search?q=x").then().statusCode(401);
        given().auth().preemptive().basic("admin", "admin-password").get("/api/users").then()
                .body("find { it.username == '" + ann + "' }.disabled", equalTo(true));

        post(admin, token, "/users/" + ann + "/disabled", "disabled", "false");
        given().auth().preemptive().basic(ann, "ann-password").get("/api/search?q=x").then().statusCode(200);
        given().auth().preemptive().basic("admin", "admin-password").contentType("application/json")
                .body("{\"role\":\"REVIEWER\"}").put("/api/users/" + ann).then().statusCode(200)
                .body("role", equalTo("REVIEWER")).body("disabled", equalTo(false));
    }

    @Test
    void anAdminCannotLockThemselvesOrTheSiteOut() {
        Cookie admin = signIn("admin", "admin-password");
        String token = tokenOf(admin);
        Response self = post(admin, token, "/users/admin/disabled", "disabled", "true");
        assertTrue(TestCorpus.flashMessage(self).contains("cannot disable your own account"), TestCorpus.flashMessage(self));
        Response demote = post(admin, token, "/users/admin/role", "role", "reader");
        assertTrue(TestCorpus.flashMessage(demote).contains("cannot change your own role"), TestCorpus.flashMessage(demote));
        given().auth().preemptive().basic("admin", "admin-password").contentType("application/json")
                .body("{\"disabled\":true}").put("/api/users/admin").then().statusCode(400)
                .body("error", containsString("own account"));
        given().cookie(admin).get("/users").then().statusCode(200); // still an admin, still signed in
    }
}
