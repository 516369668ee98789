package org.cortexlit.prioritise;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoppingEstimateTest {

    /** {@code relevant} relevant records spread over the first {@code steep} screened, none in the next {@code flat}. */
    private static boolean[] steepThenFlat(int relevant, int steep, int flat) {
        boolean[] order = new boolean[steep + flat];
        for (int i = 0; i < relevant; i++) {
            order[i * steep / relevant] = true;
        }
        return order;
    }

    @Test
    void aLongFlatRunAfterASteepStartSuggestsStopping() {
        // 20 found in the first 20, then 380 without one: knee at 20, rho = (20/20) / ((0 + 1) / 380) = 380 >= 156 - 20
        StoppingEstimate e = StoppingEstimate.of(steepThenFlat(20, 20, 380), 1000);

        assertEquals(400, e.screened());
        assertEquals(20, e.found());
        assertEquals(380, e.sinceLastRelevant());
        assertEquals(20, e.knee());
        assertEquals(20, e.foundAtKnee());
        assertEquals(380.0, e.slopeRatio(), 1e-9);
        assertEquals(136.0, e.ratioNeeded(), 0.0);
        assertTrue(e.stopSuggested());
        assertEquals(0.0, e.estimatedRemaining(), 0.0);
    }

    @Test
    void aShortFlatRunIsNotEnough() {
        // knee at 20 again, rho = 1 / (1 / 100) = 100 < 136
        StoppingEstimate e = StoppingEstimate.of(steepThenFlat(20, 20, 100), 1000);

        assertEquals(100.0, e.slopeRatio(), 1e-9);
        assertFalse(e.stopSuggested());
    }

    @Test
    void theFirstSuggestionComesWhenTheRatioReachesItsThreshold() {
        // 20 found in the first 20: rho = screened - 20, the threshold 156 - 20 = 136, first met at 156 screened
        assertFalse(StoppingEstimate.of(steepThenFlat(20, 20, 135), 1000).stopSuggested());
        assertTrue(StoppingEstimate.of(steepThenFlat(20, 20, 136), 1000).stopSuggested());
    }

    @Test
    void theRemainingEstimateCarriesThePostKneeRateOverTheUnscreened() {
        // 30 found in the first 60 (every other record), then 2 in the next 200: knee at 59, where the 30th was found
        boolean[] order = new boolean[260];
        for (int i = 0; i < 30; i++) {
            order[2 * i] = true;
        }
        order[100] = true;
        order[200] = true;
        StoppingEstimate e = StoppingEstimate.of(order, 1260);

        assertEquals(32, e.found());
        assertEquals(59, e.sinceLastRelevant());
        assertEquals(59, e.knee());
        assertEquals(30, e.foundAtKnee());
        // rho = (30 / 59) / ((2 + 1) / 201)
        assertEquals((30 / 59.0) / (3 / 201.0), e.slopeRatio(), 1e-9);
        // 2 relevant in the 201 records after the knee, over 1000 unscreened
        assertEquals(2 / 201.0 * 1000, e.estimatedRemaining(), 1e-9);
        assertFalse(e.stopSuggested());
    }

    @Test
    void nothingFoundYetHasNoKnee() {
        StoppingEstimate e = StoppingEstimate.of(new boolean[200], 500);

        assertEquals(0, e.knee());
        assertEquals(200, e.sinceLastRelevant());
        assertFalse(e.stopSuggested());
        assertEquals(0.0, e.estimatedRemaining(), 0.0);
    }

    @Test
    void theMethodAndItsReferenceAreNamed() {
        StoppingEstimate e = StoppingEstimate.of(new boolean[]{true, false}, 10);

        assertTrue(e.method().contains("knee method"));
        assertTrue(e.reference().contains("10.1145/2911451.2911510"));
    }

    @Test
    void moreScreenedThanRecordsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StoppingEstimate.of(new boolean[5], 4));
    }
}
