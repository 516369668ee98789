package org.cortexlit.simulate;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The checks a labelled upload meets before anything is stored, without the server. */
class SimulationLimitsTest {

    private static final byte[] CSV = "title,label_included\nrTMS for pain,1\nmigraine,0\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void aFileOverTheByteLimitIs413NamingTheSetting() {
        SimulationRefused e = assertThrows(SimulationRefused.class,
                () -> Simulations.read("small.csv", new ByteArrayInputStream(CSV), CSV.length - 1));

        assertEquals(413, e.status());
        assertEquals("small.csv is larger than the limit of " + (CSV.length - 1) + " bytes (setting "
                + "cortexlit.simulations.max-upload-size).", e.getMessage());
    }

    @Test
    void aFileAtTheLimitIsRead() {
        assertEquals(2, Simulations.read("small.csv", new ByteArrayInputStream(CSV), CSV.length).size());
    }

    @Test
    void aSeedIsALongAndOneWhenAbsent() {
        assertEquals(1, Simulations.seed(null));
        assertEquals(1, Simulations.seed(" "));
        assertEquals(-42, Simulations.seed(" -42 "));
        assertEquals(Long.MAX_VALUE, Simulations.seed(String.valueOf(Long.MAX_VALUE)));
        assertEquals(400, assertThrows(SimulationRefused.class, () -> Simulations.seed("1.5")).status());
    }
}
