package org.cortexlit.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankBoostTest {

    @Test
    void newerRecordsAndTrialsRankALittleHigherButNeverMuch() {
        float old = ArticleDocuments.rankBoost(1995, List.of("Journal Article"));
        float recent = ArticleDocuments.rankBoost(2024, List.of("Journal Article"));
        float trial = ArticleDocuments.rankBoost(1995, List.of("Journal Article", "Randomized Controlled Trial"));
        assertTrue(recent > old);
        assertTrue(trial > old);
        assertEquals(1f, ArticleDocuments.rankBoost(null, List.of()));
        assertTrue(ArticleDocuments.rankBoost(2030, List.of("Review")) <= 1.25f + 1e-6);
        assertEquals(ArticleDocuments.rankBoost(1950, List.of()), 1f, "years before 1990 get no recency boost");
    }
}
