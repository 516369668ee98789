package org.cortexlit.digest;

import org.cortexlit.digest.DigestBuilder.Digest;
import org.cortexlit.digest.DigestBuilder.NewRecord;
import org.cortexlit.digest.DigestBuilder.ReviewNews;
import org.cortexlit.digest.DigestBuilder.Section;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigestBuilderTest {

    private static final NewRecord TRIAL = new NewRecord("90000001", "rTMS of M1 for central post-stroke pain.", 2019, "Pain");

    @Test
    void aMemberWithNothingNewGetsNoDigestHoweverLongTheirQueue() {
        assertTrue(DigestBuilder.build("http://x", "ana", "ana@example.org",
                List.of(new ReviewNews(3, "MCS", 0, List.of(), 250))).isEmpty());
        assertTrue(DigestBuilder.build("http://x", "ana", "ana@example.org", List.of()).isEmpty());
    }

    @Test
    void eachReviewWithNewsIsASectionWithCountsTitlesAndLinks() {
        Digest d = DigestBuilder.build("https://cortexlit.example.org/", "ana", "ana@example.org", List.of(
                new ReviewNews(3, "MCS for neuropathic pain", 1, List.of(TRIAL), 7),
                new ReviewNews(5, "Quiet review", 0, List.of(), 40))).orElseThrow();

        assertEquals("ana@example.org", d.email());
        assertEquals("CortexLit: 1 new record to screen in MCS for neuropathic pain", d.subject());
        assertEquals(1, d.sections().size(), "a review with nothing new is left out");
        Section s = d.sections().get(0);
        assertEquals(1, s.newRecords());
        assertEquals(7, s.waiting());
        assertEquals("rTMS of M1 for central post-stroke pain.", s.items().get(0).title());
        assertEquals("Pain, 2019", s.items().get(0).citation());
        assertEquals("https://cortexlit.example.org/articles/90000001", s.items().get(0).url(), "no double slash");
        assertEquals("https://cortexlit.example.org/reviews/3/screen", s.screenUrl());
        assertEquals(0, s.more());
    }

    @Test
    void onlyTheFirstTwentyTitlesAreListedAndTheRestCounted() {
        List<NewRecord> many = IntStream.range(0, 30)
                .mapToObj(i -> new NewRecord("CL" + i, "Title " + i, null, null)).toList();
        Section s = DigestBuilder.build("http://localhost:8080", "bo", "bo@example.org",
                List.of(new ReviewNews(1, "Big", 135, many, 135))).orElseThrow().sections().get(0);

        assertEquals(DigestBuilder.MAX_TITLES, s.items().size());
        assertEquals("Title 19", s.items().get(19).title());
        assertEquals("http://localhost:8080/articles/CL0", s.items().get(0).url(), "internal ids link like PMIDs");
        assertEquals(115, s.more());
        assertEquals("", s.items().get(0).citation(), "no journal or year: nothing made up");
    }

    @Test
    void theSubjectCountsEveryReviewAndMissingTitlesAreNamed() {
        Digest d = DigestBuilder.build("http://localhost:8080", "bo", "bo@example.org", List.of(
                new ReviewNews(1, "A", 2, List.of(new NewRecord("1", " ", 2020, null), TRIAL), 2),
                new ReviewNews(2, "B", 3, List.of(TRIAL), 9))).orElseThrow();

        assertEquals("CortexLit: 5 new records to screen in 2 reviews", d.subject());
        assertEquals(5, d.newRecords());
        assertEquals("(no title)", d.sections().get(0).items().get(0).title());
        assertEquals("2020", d.sections().get(0).items().get(0).citation());
    }
}
