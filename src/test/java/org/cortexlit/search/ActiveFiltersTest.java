package org.cortexlit.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A clicked facet is a filter the page can show as a chip and take back, and clicking it again adds nothing. */
class ActiveFiltersTest {

    private static String describe(String query) {
        List<Facets.ActiveFilter> filters = Facets.activeFilters(query);
        return String.join(" ; ", filters.stream().map(f -> f.dimension().name() + "=" + f.value() + " -> " + f.without()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            pain AND 2015[dp]                              | year=2015 -> pain
            2015[dp]                                       | year=2015 ->
            2015[dp] AND pain                              | year=2015 -> pain
            pain AND 2015[dp] AND "Review"[pt]             | year=2015 -> pain AND "Review"[pt] ; publicationType=Review -> pain AND 2015[dp]
            a OR b AND M1[target]                          | target=M1 -> a OR b
            2015[dp] OR pain                               | ''
            pain OR 2015[dp]                               | ''
            (pain AND 2015[dp])                            | ''
            "pain AND 2015[dp]"[ti]                        | ''
            pain AND "deep TMS"[modality] NOT review[pt]   | modality=deep TMS -> pain NOT review[pt]
            pain AND rTMS[ti]                              | ''
            pain AND                                       | ''
            ''                                             | ''
            """)
    void theFacetClausesAndedAtTheTopLevelAreActive(String query, String expected) {
        assertEquals(expected == null ? "" : expected.strip(), describe(query == null ? "" : query).strip());
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', textBlock = """
            pain AND 2015[dp] | 2015 | pain AND 2015[dp]
            pain              | 2015 | pain AND 2015[dp]
            pain AND 2016[dp] | 2015 | pain AND 2016[dp] AND 2015[dp]
            """)
    void narrowingToAnActiveValueAddsNothing(String query, String year, String expected) {
        assertEquals(expected, Facets.YEAR.narrow(query, year));
        assertEquals(query.replace(" AND 2015[dp]", ""), Facets.YEAR.widen(expected, year));
    }
}
