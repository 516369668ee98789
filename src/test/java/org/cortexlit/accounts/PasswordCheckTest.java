package org.cortexlit.accounts;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stand-in hash an unknown user name is checked against. */
class PasswordCheckTest {

    @Test
    void theStandInHashCostsWhatARealOneCosts() {
        String real = BcryptUtil.bcryptHash("a real password");
        // modular crypt: $2a$<cost>$<salt and hash>; the same scheme and cost take the same time to check
        assertEquals(real.substring(0, 7), PasswordCheck.DUMMY.substring(0, 7));
        assertEquals(real.length(), PasswordCheck.DUMMY.length());
        assertTrue(PasswordCheck.verify(real, "a real password".toCharArray()), "the check itself works");
        assertFalse(PasswordCheck.verify(PasswordCheck.DUMMY, "admin-password".toCharArray()));
        assertFalse(PasswordCheck.verify(PasswordCheck.DUMMY, "".toCharArray()));
    }
}
