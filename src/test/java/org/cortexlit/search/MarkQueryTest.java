package org.cortexlit.search;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.cortexlit.search.query.QueryTranslator;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a search marks: each clause that finds words in title, abstract or the catch-all field, outside any NOT. */
class MarkQueryTest {

    private static final QueryTranslator TRANSLATOR = new QueryTranslator(Analyzers.create());

    private static Set<String> marked(String q, boolean phraseTokens) throws Exception {
        Query marks = SearchService.markQuery(TRANSLATOR.translate(q).queryFor(phraseTokens));
        BooleanQuery any = (BooleanQuery) marks;
        assertTrue(any.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD));
        return any.clauses().stream().map(c -> c.getQuery().toString()).collect(Collectors.toSet());
    }

    @Test
    void everyPositiveTextClauseIsAnAlternativeAndNothingUnderNot() throws Exception {
        assertEquals(Set.of("all:rtms", "all:\"repetitive transcranial magnetic stimulation\"",
                        "all:\"neuropathic pain\"", "title:sham", "abstract:sham", "all:stimul*"),
                marked("rTMS AND \"neuropathic pain\" AND sham[tiab] AND stimul* NOT placebo NOT (migraine OR tdcs)", false));
        assertEquals(Set.of("all:rtms", "all:[neuropathic pain]"),
                marked("\"rTMS\" AND (\"neuropathic pain\" NOT \"low back pain\")", true));
    }

    @Test
    void clausesOnOtherFieldsMarkNothing() throws Exception {
        assertEquals(Set.of("all:pain"),
                marked("pain AND \"Randomized Controlled Trial\"[pt] AND 2010:2020[dp] AND lefaucheur[au] AND neuralgia[mh]"
                        + " AND controlled[design]", true));
        assertEquals(Set.of(), marked("2015[dp] NOT review[pt]", true));
    }
}
