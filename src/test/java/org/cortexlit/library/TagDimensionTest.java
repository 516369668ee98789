package org.cortexlit.library;

import org.cortexlit.library.TagDimension;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TagDimensionTest {

    @Test
    void numbersAreNormalisedAndNonsenseIsRefusedWithTheDimensionNamed() {
        assertEquals("10", TagDimension.SESSIONS.normalise(" 010 "));
        assertEquals("80", TagDimension.INTENSITY.normalise("80% RMT"));
        assertEquals("90", TagDimension.INTENSITY.normalise("90 % of motor threshold"));
        assertEquals("110.5", TagDimension.INTENSITY.normalise("110.5%"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TagDimension.SESSIONS.normalise("ten"))
                .getMessage().startsWith("Number of sessions"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TagDimension.INTENSITY.normalise("900"))
                .getMessage().startsWith("Intensity"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TagDimension.CONDITION.normalise("  "))
                .getMessage().contains("empty"));
        assertEquals("central post-stroke pain", TagDimension.CONDITION.normalise(" central  post-stroke pain "));
        assertEquals("M1", TagDimension.TARGET.normalise("m1"));
        assertEquals("deep TMS", TagDimension.MODALITY.normalise("Deep tms"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TagDimension.CONDITION.normalise("a \"b\""))
                .getMessage().contains("double quote"));
    }

    @Test
    void dimensionsAreFoundByKeyInAnyCase() {
        assertEquals(TagDimension.TARGET, TagDimension.require("Target"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TagDimension.require("colour"))
                .getMessage().contains("design"));
    }
}
