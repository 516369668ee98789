package org.cortexlit.importing.eutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FetchPlanTest {

    private static SearchResult found(int count) {
        return new SearchResult(count, "MCID_1", "1", List.of(), List.of());
    }

    private static List<Integer> offsets(FetchPlan plan) {
        List<Integer> l = new ArrayList<>();
        plan.forEach(l::add);
        return l;
    }

    @Test
    void everyPageInOrderCoversTheCount() throws EutilsException {
        FetchPlan plan = FetchPlan.of(found(1234), 500);

        assertEquals(List.of(0, 500, 1000), offsets(plan));
        assertEquals(3, plan.pages());
    }

    @Test
    void resumingAfterTheLastCompletedPageStartsAtTheNext() throws EutilsException {
        assertEquals(List.of(1000), offsets(FetchPlan.resumeAfter(found(1234), 500, 500)));
        assertEquals(List.of(0, 500, 1000), offsets(FetchPlan.resumeAfter(found(1234), 500, -1)));
    }

    @Test
    void aRunThatCompletedEveryPageHasNothingLeft() throws EutilsException {
        FetchPlan plan = FetchPlan.resumeAfter(found(1234), 500, 1000);

        assertTrue(plan.isEmpty());
        assertEquals(List.of(), offsets(plan));
    }

    @Test
    void anEmptySearchHasNoPages() throws EutilsException {
        assertTrue(FetchPlan.of(new SearchResult(0, null, null, List.of(), List.of()), 500).isEmpty());
    }

    @Test
    void anExactMultipleOfThePageSizeHasNoEmptyLastPage() throws EutilsException {
        assertEquals(List.of(0, 500), offsets(FetchPlan.of(found(1000), 500)));
    }

    @Test
    void anOffsetFromAnotherPageSizeIsRefusedRatherThanSkippingRecords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FetchPlan.resumeAfter(found(1234), 500, 250));
        assertTrue(e.getMessage().contains("page size"), e.getMessage());
    }

    @Test
    void moreRecordsThanNcbiHandsOutStopsBeforeTheFirstPage() {
        EutilsException e = assertThrows(EutilsException.class, () -> FetchPlan.of(found(12_345), 500));

        assertEquals(EutilsException.Kind.TOO_MANY_RECORDS, e.kind());
        assertTrue(e.getMessage().contains("12345") && e.getMessage().contains("split the date window"), e.getMessage());
    }

    @Test
    void theLastRetrievableRecordStillFits() throws EutilsException {
        List<Integer> offsets = offsets(FetchPlan.of(found(SearchResult.RETRIEVAL_LIMIT), 500));

        assertEquals(9500, offsets.get(offsets.size() - 1));
    }
}
