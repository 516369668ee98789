package org.cortexlit.accounts;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The production rules for who may sign in how: the API takes HTTP Basic only, pages the login form only. */
public class RealSecurityProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.auth.permission.api.auth-mechanism", "basic",
                "quarkus.http.auth.permission.pages.auth-mechanism", "form",
                // every test comes from 127.0.0.1: the per-address throttle is LoginThrottleTest's to test
                "cortexlit.login.free-attempts-per-address", "100000");
    }
}
