package org.cortexlit.accounts;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstAdminTest {

    @Test
    void aProductionStartWithoutAPasswordIsRefusedWithAMessageSayingWhatToSet() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FirstAdmin.plan(Optional.empty(), "admin", LaunchMode.NORMAL));
        assertTrue(e.getMessage().contains("CORTEXLIT_ADMIN_PASSWORD"), e.getMessage());
    }

    @Test
    void thePasswordMakesOneAdminUnderTheConfiguredName() {
        List<String[]> plan = FirstAdmin.plan(Optional.of("s3cret-pass"), "chief", LaunchMode.NORMAL);
        assertEquals(1, plan.size());
        assertEquals(List.of("chief", "s3cret-pass", "admin"), List.of(plan.get(0)));
    }

    @Test
    void devAndTestModeGetTheDocumentedAccounts() {
        for (LaunchMode mode : new LaunchMode[]{LaunchMode.DEVELOPMENT, LaunchMode.TEST}) {
            List<String[]> plan = FirstAdmin.plan(Optional.empty(), "admin", mode);
            assertEquals(List.of("admin", "reviewer", "reader"), plan.stream().map(a -> a[0]).toList());
        }
    }
}
