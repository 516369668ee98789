package org.cortexlit.search;

import org.cortexlit.library.TagDimension;
import org.cortexlit.search.query.QuerySyntaxException;
import org.cortexlit.search.query.QueryTranslator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Clicking a facet value adds a clause the query language reads back as exactly that value. */
class FacetClauseTest {

    private static final QueryTranslator TRANSLATOR = new QueryTranslator(Analyzers.create());

    private static Facets.Dimension dimension(String name) {
        return Facets.ALL.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{1} in {0} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            target          | M1                         | M1[target]
            target          | premotor/SMA               | premotor/SMA[target]
            modality        | theta-burst                | theta-burst[modality]
            modality        | deep TMS                   | "deep TMS"[modality]
            condition       | central post-stroke pain   | "central post-stroke pain"[condition]
            condition       | pain (chronic)             | "pain (chronic)"[condition]
            condition       | NOT                        | "NOT"[condition]
            condition       | a*                         | "a*"[condition]
            sessions        | 10                         | 10[sessions]
            year            | 2019                       | 2019[dp]
            language        | eng                        | eng[la]
            publicationType | Review                     | "Review"[pt]
            """)
    void aValueIsQuotedOnlyWhenItWouldNotReadBackAsOneTerm(String dimension, String value, String clause)
            throws QuerySyntaxException {
        assertEquals(clause, dimension(dimension).clause(value));
        assertEquals("pain AND " + clause, TRANSLATOR.translate(dimension(dimension).narrow("pain", value)).normalized());
    }

    @Test
    void everyTagDimensionIsAFacetNamedByItsKey() {
        for (TagDimension d : TagDimension.values()) {
            Facets.Dimension f = dimension(d.key);
            assertEquals(d.key, f.tag());
            assertEquals(d.label, f.label());
        }
    }
}
