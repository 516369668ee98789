package org.cortexlit.screening;

import org.cortexlit.library.TagDimension;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.cortexlit.screening.Decision.EXCLUDE;
import static org.cortexlit.screening.Decision.INCLUDE;
import static org.cortexlit.screening.Decision.MAYBE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScreeningRulesTest {

    @Test
    void singleModeTakesTheOneDecision() {
        assertEquals(Status.UNSCREENED, ScreeningRules.status(Review.Mode.SINGLE, List.of(), null));
        assertEquals(Status.INCLUDED, ScreeningRules.status(Review.Mode.SINGLE, List.of(INCLUDE), null));
        assertEquals(Status.EXCLUDED, ScreeningRules.status(Review.Mode.SINGLE, List.of(EXCLUDE), null));
        assertEquals(Status.MAYBE, ScreeningRules.status(Review.Mode.SINGLE, List.of(MAYBE), null));
    }

    @Test
    void dualModeWaitsForTwoAndCallsIncludeOrMaybeAgainstExcludeAConflict() {
        assertEquals(Status.AWAITING_SECOND, ScreeningRules.status(Review.Mode.DUAL, List.of(EXCLUDE), null));
        assertEquals(Status.INCLUDED, ScreeningRules.status(Review.Mode.DUAL, List.of(INCLUDE, INCLUDE), null));
        assertEquals(Status.EXCLUDED, ScreeningRules.status(Review.Mode.DUAL, List.of(EXCLUDE, EXCLUDE), null));
        assertEquals(Status.MAYBE, ScreeningRules.status(Review.Mode.DUAL, List.of(INCLUDE, MAYBE), null));
        assertEquals(Status.MAYBE, ScreeningRules.status(Review.Mode.DUAL, List.of(MAYBE, MAYBE), null));
        assertEquals(Status.CONFLICT, ScreeningRules.status(Review.Mode.DUAL, List.of(INCLUDE, EXCLUDE), null));
        assertEquals(Status.CONFLICT, ScreeningRules.status(Review.Mode.DUAL, List.of(EXCLUDE, MAYBE), null));
    }

    @Test
    void theLeadsResolutionWins() {
        assertEquals(Status.EXCLUDED, ScreeningRules.status(Review.Mode.DUAL, List.of(INCLUDE, EXCLUDE), EXCLUDE));
        assertEquals(Status.INCLUDED, ScreeningRules.status(Review.Mode.SINGLE, List.of(EXCLUDE), INCLUDE));
    }

    @Test
    void blindDualModeHidesOthersUntilBothDecidedOrUnblinded() {
        Review r = new Review();
        r.mode = Review.Mode.DUAL;
        r.blind = true;
        assertFalse(ScreeningRules.othersVisible(r, 1));
        assertTrue(ScreeningRules.othersVisible(r, 2));
        r.blind = false;
        assertTrue(ScreeningRules.othersVisible(r, 1));
        r.mode = Review.Mode.SINGLE;
        r.blind = true;
        assertTrue(ScreeningRules.othersVisible(r, 1));
    }

    @Test
    void decisionsParseInAnyCaseAndSayWhatIsAllowed() {
        assertEquals(MAYBE, Decision.parse(" Maybe "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Decision.parse("perhaps"));
        assertTrue(e.getMessage().contains("include, exclude or maybe"));
    }

    @Test
    void reviewListsSplitOnLinesAndCommasAndTheVocabularyFallsBackToDefaults() {
        Review r = new Review();
        r.includeWords = "sham, placebo\nrandom*\n\n double blind ";
        assertEquals(List.of("sham", "placebo", "random*", "double blind"), r.includeWordList());
        r.tagVocabulary = "target: M1, DLPFC\nnonsense line";
        assertEquals(List.of("M1", "DLPFC"), r.vocabulary().get(TagDimension.TARGET));
        assertEquals(TagDimension.DESIGN.defaults, r.vocabulary().get(TagDimension.DESIGN));
    }
}
