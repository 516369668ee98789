package org.cortexlit.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import org.cortexlit.TestCorpus;
import org.cortexlit.web.SessionLogin;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in, roles and CSRF under the production rules (the other tests act through @TestSecurity). */
@QuarkusTest
@TestProfile(RealSecurityProfile.class)
class AccountsTest {

    private static final String CREDENTIAL = SessionLogin.COOKIE;

    @Test
    void theApiWantsBasicCredentialsAndChecksRoles() {
        given().get("/api/search?q=rTMS").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth().preemptive().basic("reader", "wrong-password").get("/api/search?q=rTMS").then().statusCode(401);
        given().auth().preemptive().basic("reader", "reader-password").get("/api/search?q=rTMS").then().statusCode(200);
        // A reader searches and reads, never imports.
        given().auth().preemptive().basic("reader", "reader-password")
                .multiPart("file", "trials.xml", TestCorpus.fixture("trials.xml"), "text/xml")
                .post("/api/imports").then().statusCode(403);
        given().auth().preemptive().basic("reviewer", "reviewer-password")
                .multiPart("file", "trials.xml", TestCorpus.fixture("trials.xml"), "text/xml")
                .post("/api/imports?wait=60s").then().statusCode(201);
        // The API never takes the page's session cookie, so a browser cannot be led to use it.
        Cookie session = signIn("admin", "admin-password");
        given().cookie(session).redirects().follow(false).get("/api/search?q=rTMS").then().statusCode(401);
    }

    @Test
    void pagesSendStrangersToTheLoginPageAndBackToWhereTheyWereGoing() {
        Response wanted = given().redirects().follow(false).get("/imports");
        assertEquals(302, wanted.statusCode());
        assertTrue(wanted.header("Location").endsWith("/login"), wanted.header("Location"));
        given().get("/login").then().statusCode(200).body(containsString("j_security_check"));

        Response login = given().redirects().follow(false).cookies(wanted.cookies())
                .formParam("j_username", "reviewer").formParam("j_password", "reviewer-password")
                .post("/j_security_check");
        assertEquals(302, login.statusCode());
        assertTrue(login.header("Location").endsWith("/imports"), "back to the page wanted: " + login.header("Location"));
        Cookie cookie = login.detailedCookie(CREDENTIAL);
        assertNotNull(cookie, "a session cookie");
        assertTrue(cookie.isHttpOnly(), "the session cookie is HttpOnly");
        assertEquals("Strict", cookie.getSameSite());
        given().cookie(CREDENTIAL, cookie.getValue()).get("/imports").then().statusCode(200)
                .body(containsString(">reviewer</a>")).body(containsString("sign out")).body(containsString("action=\"/imports\""));
    }

    @Test
    void aBrowsersFaviconRequestDoesNotReplaceThePageWanted() {
        // Browsers ask for /favicon.ico on their own; if that went through the login redirect it would become
        // the page the user "wanted" and sign-in would land on it.
        Response wanted = given().redirects().follow(false).get("/reviews");
        given().redirects().follow(false).cookies(wanted.cookies()).get("/favicon.ico").then()
                .statusCode(Matchers.not(302));
        given().redirects().follow(false).get("/js/screen.js").then().statusCode(200);
    }

    @Test
    void aWrongPasswordShowsTheLoginPageWithAnError() {
        Response login = given().redirects().follow(false)
                .formParam("j_username", "admin").formParam("j_password", "not-the-password")
                .post("/j_security_check");
        assertEquals(302, login.statusCode());
        assertTrue(login.header("Location").contains("/login?error=true"), login.header("Location"));
        assertEquals(null, login.cookie(CREDENTIAL));
        given().get("/login?error=true").then().body(containsString("The user name or the password is wrong."));
    }

    @Test
    void anAdminCreatesAUserWithAHashedPasswordAndTheRole() {
        Cookie admin = signIn("admin", "admin-password");
        given().cookie(admin).get("/users").then().statusCode(200).body(containsString("Add a user"));
        String token = tokenOf(admin);
        String name = "newrev" + System.nanoTime() % 100000;
        given().cookie(admin).redirects().follow(false).formParam("csrf-token", token)
                .formParam("username", name).formParam("password", "long-enough-1").formParam("role", "reviewer")
                .post("/users").then().statusCode(303).cookie(TestCorpus.FLASH, TestCorpus.flashNotice());

        User stored = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(name).orElseThrow());
        assertEquals("reviewer", stored.role);
        assertTrue(stored.password.startsWith("$2a$"), "bcrypt in modular crypt format: " + stored.password);
        assertFalse(stored.password.contains("long-enough-1"));
        given().auth().preemptive().basic(name, "long-enough-1").get("/api/search?q=x").then().statusCode(200);

        // Bad input comes back as a message on the page; nothing is created.
        given().cookie(admin).redirects().follow(false).formParam("csrf-token", token)
                .formParam("username", name).formParam("password", "short").formParam("role", "reader")
                .post("/users").then().statusCode(303).cookie(TestCorpus.FLASH, TestCorpus.flashError());
        given().cookie(admin).redirects().follow(false).formParam("csrf-token", token)
                .formParam("username", "someone").formParam("password", "long-enough-2").formParam("role", "boss")
                .post("/users").then().statusCode(303).cookie(TestCorpus.FLASH, TestCorpus.flashError());
    }

    @Test
    void readersCannotManageUsersOrImport() {
        Cookie reader = signIn("reader", "reader-password");
        given().cookie(reader).get("/users").then().statusCode(403);
        given().cookie(reader).get("/imports").then().statusCode(200)
                .body(not(containsString("action=\"/imports\""))).body(not(containsString("Add a user")));
        given().cookie(reader).redirects().follow(false).multiPart("csrf-token", tokenOf(reader))
                .multiPart("file", "trials.xml", TestCorpus.fixture("trials.xml"), "text/xml")
                .post("/imports").then().statusCode(403);
    }

    @Test
    void aFormWithoutTheTokenOrFromAnotherSiteChangesNothing() {
        Cookie admin = signIn("admin", "admin-password");
        String token = tokenOf(admin);
        String page = given().cookie(admin).get("/users").then().statusCode(200).extract().asString();
        assertTrue(page.contains("name=\"csrf-token\" value=\"" + token + "\""), "the form carries the session's token");
        Map<String, String> user = Map.of("username", "forged", "password", "long-enough-3", "role", "admin");

        given().cookie(admin).redirects().follow(false).formParams(user).post("/users").then().statusCode(403)
                .body(containsString("expired or did not come from CortexLit"));
        given().cookie(admin).redirects().follow(false).formParams(user).formParam("csrf-token", tokenOf(signIn("reader", "reader-password")))
                .post("/users").then().statusCode(403);
        given().cookie(admin).redirects().follow(false).header("Origin", "https://evil.example")
                .formParams(user).formParam("csrf-token", token)
                .post("/users").then().statusCode(403).body(containsString("another site"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> User.findByUsername("forged").isEmpty()));
        // htmx sends the token as a header instead of a field.
        given().cookie(admin).redirects().follow(false).header("X-CSRF-Token", token)
                .formParams(Map.of("username", "viaheader", "password", "long-enough-4", "role", "reader"))
                .post("/users").then().statusCode(303);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> User.findByUsername("viaheader").isPresent()));
    }

    @Test
    void pageDownloadsWorkWithTheSessionCookie() {
        Cookie reader = signIn("reader", "reader-password");
        given().cookie(reader).redirects().follow(false).get("/search/export?format=csv&q=pain").then().statusCode(200)
                .header("Content-Disposition", containsString("cortexlit-pain-" + LocalDate.now(ZoneOffset.UTC) + ".csv"));
        // and the page links point there, not at the Basic-only API
        given().cookie(reader).get("/search?q=pain").then().statusCode(200)
                .body(not(containsString("href=\"/api/search/export")));
    }

    @Test
    void aRememberedPasswordStillFailsWhenWrong() {
        for (int i = 0; i < 3; i++) {
            given().auth().preemptive().basic("reviewer", "reviewer-password").get("/api/search?q=x").then().statusCode(200);
        }
        given().auth().preemptive().basic("reviewer", "reviewer-passwordX").get("/api/search?q=x").then().statusCode(401);
        given().auth().preemptive().basic("nobody", "reviewer-password").get("/api/search?q=x").then().statusCode(401);
    }

    @Test
    void signingOutEndsTheSessionForGood() {
        Cookie admin = signIn("admin", "admin-password");
        String token = tokenOf(admin);
        Response out = given().cookie(admin).redirects().follow(false).formParam("csrf-token", token).post("/logout");
        assertEquals(303, out.statusCode());
        assertTrue(out.header("Location").endsWith("/login"));
        assertEquals(0, out.detailedCookie(CREDENTIAL).getMaxAge());
        given().get("/login").then().body(not(containsString("sign out")));
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", endsWith("/login"));
        // The old cookie, kept by whoever copied it, no longer loads a page nor changes anything.
        given().cookie(admin).redirects().follow(false).get("/users").then().statusCode(302)
                .header("Location", endsWith("/login"));
        given().cookie(admin).redirects().follow(false).formParam("csrf-token", token)
                .formParams(Map.of("username", "afterlogout", "password", "long-enough-5", "role", "admin"))
                .post("/users").then().statusCode(Matchers.not(303));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> User.findByUsername("afterlogout").isEmpty()));
    }

    @Test
    void eachSessionHasItsOwnCsrfTokenAndTheCookieHoldsNothingButARandomToken() {
        Cookie one = signIn("reviewer", "reviewer-password");
        Cookie two = signIn("reviewer", "reviewer-password");
        assertFalse(tokenOf(one).equals(tokenOf(two)), "a new sign-in, a new token");
        given().cookie(one).redirects().follow(false).header("X-CSRF-Token", tokenOf(two)).formParam("q", "pain")
                .formParam("name", "x").post("/my-searches").then().statusCode(403);
        // 256 random bits, base64url: no user name, no expiry, nothing to decrypt or edit
        assertTrue(one.getValue().matches("[A-Za-z0-9_-]{43}"), one.getValue());
        assertFalse(new String(Base64.getUrlDecoder().decode(one.getValue()), StandardCharsets.ISO_8859_1)
                .contains("reviewer"));
        // and a made-up token signs nobody in
        given().cookie(CREDENTIAL, one.getValue().substring(1) + "A").redirects().follow(false).get("/reviews").then()
                .statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void aSessionSurvivesARestartBecauseItLivesInTheDatabase() {
        Cookie reader = signIn("reader", "reader-password");
        // what a restart keeps: the row; a fresh Sessions (as after a restart) finds it
        long rows = QuarkusTransaction.requiringNew().call(() -> UserSession.count("username", "reader"));
        assertTrue(rows >= 1);
        Sessions fresh = new Sessions(Duration.ofHours(2), Duration.ofHours(12), Clock.systemUTC());
        assertEquals("reader", fresh.find(reader.getValue()).orElseThrow().username());
        assertTrue(fresh.find("not-a-token").isEmpty());
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefused() {
        // login CSRF: another site's page that auto-submits the attacker's account into the victim's browser
        Response forged = given().redirects().follow(false).header("Origin", "https://evil.example")
                .formParam("j_username", "reviewer").formParam("j_password", "reviewer-password").post("/j_security_check");
        assertEquals(403, forged.statusCode());
        assertEquals(null, forged.cookie(CREDENTIAL));
        // a sandboxed frame sends Origin: null
        given().redirects().follow(false).header("Origin", "null")
                .formParam("j_username", "reviewer").formParam("j_password", "reviewer-password").post("/j_security_check")
                .then().statusCode(403);
        // the same host on another port is another site
        Response otherPort = given().redirects().follow(false).header("Origin", "http://localhost:1")
                .formParam("j_username", "reviewer").formParam("j_password", "reviewer-password").post("/j_security_check");
        assertEquals(403, otherPort.statusCode());
        // CortexLit's own page (its Origin) signs in
        int port = RestAssured.port;
        Response own = given().redirects().follow(false).header("Origin", "http://localhost:" + port)
                .formParam("j_username", "reviewer").formParam("j_password", "reviewer-password").post("/j_security_check");
        assertEquals(302, own.statusCode());
        assertNotNull(own.cookie(CREDENTIAL));
    }

    @Test
    void changingOnesPasswordEndsEverySessionAndTheOldPasswordNoLongerWorks() {
        String name = "changer" + System.nanoTime() % 100000;
        QuarkusTransaction.requiringNew().run(() -> User.add(name, "first-password", "reviewer"));
        Cookie here = signIn(name, "first-password");
        Cookie elsewhere = signIn(name, "first-password");
        given().cookie(here).redirects().follow(false).formParam("csrf-token", tokenOf(here)).formParam("current", "wrong-one")
                .formParam("password", "second-password").formParam("repeated", "second-password").post("/account/password")
                .then().statusCode(303).cookie(TestCorpus.FLASH, TestCorpus.flashError());
        Response changed = given().cookie(here).redirects().follow(false).formParam("csrf-token", tokenOf(here))
                .formParam("current", "first-password").formParam("password", "second-password")
                .formParam("repeated", "second-password").post("/account/password");
        assertEquals(303, changed.statusCode());
        assertTrue(changed.header("Location").endsWith("/login?changed=true"));
        for (Cookie old : new Cookie[]{here, elsewhere}) {
            given().cookie(old).redirects().follow(false).get("/account").then().statusCode(302);
        }
        given().auth().preemptive().basic(name, "first-password").get("/api/search?q=x").then().statusCode(401);
        given().auth().preemptive().basic(name, "second-password").get("/api/search?q=x").then().statusCode(200);
    }

    @Test
    void anAdminsPasswordResetSignsThatPersonOutEverywhere() {
        String name = "forgetful" + System.nanoTime() % 100000;
        QuarkusTransaction.requiringNew().run(() -> User.add(name, "old-password", "reader"));
        Cookie theirs = signIn(name, "old-password");
        Cookie admin = signIn("admin", "admin-password");
        given().cookie(admin).redirects().follow(false).formParam("csrf-token", tokenOf(admin))
                .formParam("password", "fresh-password").post("/users/" + name + "/password").then().statusCode(303)
                .cookie(TestCorpus.FLASH, TestCorpus.flashNotice());
        given().cookie(theirs).redirects().follow(false).get("/search").then().statusCode(302);
        signIn(name, "fresh-password");
    }

    @Test
    void everyAnswerForbidsFramingAndSniffingAndForeignScripts() {
        Response login = given().get("/login");
        assertEquals("DENY", login.header("X-Frame-Options"));
        assertEquals("nosniff", login.header("X-Content-Type-Options"));
        String csp = login.header("Content-Security-Policy");
        assertNotNull(csp);
        assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), csp);
        given().auth().preemptive().basic("reader", "reader-password").get("/api/search?q=x").then()
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void guessingPasswordsSoonHasToWaitAndEvenTheRightOneIsHeldBackMeanwhile() {
        String name = "throttled" + System.nanoTime() % 100000;
        QuarkusTransaction.requiringNew().run(() -> User.add(name, "the-right-one", "reader"));
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic(name, "guess-" + i).get("/api/search?q=x").then().statusCode(401);
        }
        // the sixth attempt waits, right password or not, and says for how long
        given().auth().preemptive().basic(name, "the-right-one").get("/api/search?q=x").then().statusCode(401)
                .header("Retry-After", Matchers.matchesPattern("\\d+"));
        Response form = given().redirects().follow(false)
                .formParam("j_username", name).formParam("j_password", "the-right-one").post("/j_security_check");
        assertEquals(302, form.statusCode());
        assertTrue(form.header("Location").contains("/login?error=true&wait="), form.header("Location"));
        assertEquals(null, form.cookie(CREDENTIAL));
        given().get(form.header("Location").replaceFirst("^https?://[^/]+", "")).then()
                .body(containsString("Too many failed sign-ins"));
        // a name nobody has gets the very same answers
        String ghost = "ghost" + System.nanoTime() % 100000;
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic(ghost, "guess-" + i).get("/api/search?q=x").then().statusCode(401);
        }
        given().auth().preemptive().basic(ghost, "guess").get("/api/search?q=x").then().statusCode(401)
                .header("Retry-After", Matchers.matchesPattern("\\d+"));
    }

    private static Cookie signIn(String user, String password) {
        Response login = given().redirects().follow(false)
                .formParam("j_username", user).formParam("j_password", password).post("/j_security_check");
        assertEquals(302, login.statusCode(), "signing in as " + user);
        return new Cookie.Builder(CREDENTIAL, login.cookie(CREDENTIAL)).build();
    }

    /** The session's CSRF token, as the layout hands it to htmx. */
    static String tokenOf(Cookie session) {
        String page = given().cookie(session).get("/").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "the page carries the session's token");
        return m.group(1);
    }
}
