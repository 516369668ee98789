package org.cortexlit.search.query;

import org.cortexlit.search.Analyzers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Whatever a person types, the search page gets either results or a message, never a server error. */
class QueryTranslatorFuzzTest {

    private static final List<String> PIECES = List.of("AND", "OR", "NOT", "and", "(", ")", "\"", "[", "]", "[ti]",
            "[tiab]", "[au]", "[dp]", "[pmid]", "[doi]", "[mh]", "[xyz]", "[tiab:~3]", "[ti:~0]", "[mh:~2]", "[ab:~x]",
            "[1au]", "[lastau]", "[majr]", "[mh:noexp]", "[ta]", "[la]", "[tw]", "[all]", "english", "eng", "jp",
            "lefaucheur", "primary", "M1", "rTMS", "theta", "burst", "anaesthesia", "2015/03", "2015/13", "*", ":", "2010:2020", "2020",
            "10.1000/x", "https://doi.org/", "rtms", "pain", "stimul", "Müller", "é", "-", "/", "'s", "~", "&", "\\",
            "0", "12", "motor", "cortex", "\t", "\u00a0", "\uD83E\uDDE0", "\uD83E", "\u0000", "  ", " ", " ", " ");

    private static final QueryTranslator TRANSLATOR = new QueryTranslator(Analyzers.create());
    private static TestCorpus corpus;

    @BeforeAll
    static void buildIndex() {
        corpus = new TestCorpus();
    }

    @AfterAll
    static void closeIndex() throws IOException {
        corpus.close();
    }

    @Test
    void randomInputEitherSearchesOrExplains() {
        Random random = new Random(20_240_601L);
        int translated = 0;
        for (int i = 0; i < 20_000; i++) {
            String query = randomQuery(random);
            try {
                TranslatedQuery result = TRANSLATOR.translate(query);
                corpus.pmids(result.query());
                TranslatedQuery again = TRANSLATOR.translate(result.normalized());
                assertEquals(result.query(), again.query(), () -> "normalised form changes the query: " + query);
                translated++;
            } catch (QuerySyntaxException e) {
                assertTrue(e.position() >= 0 && e.position() <= query.length(),
                        () -> "position " + e.position() + " outside of: " + query);
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            } catch (RuntimeException | StackOverflowError e) {
                fail("Unchecked failure for query <" + query + ">: " + e, e);
            }
        }
        assertTrue(translated > 1_000, "the generator should also produce valid queries: " + translated);
    }

    private static String randomQuery(Random random) {
        StringBuilder sb = new StringBuilder();
        int pieces = random.nextInt(12);
        for (int p = 0; p < pieces; p++) {
            if (random.nextInt(6) == 0) {
                sb.append((char) random.nextInt(0x3000));
            } else {
                sb.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            if (random.nextBoolean()) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }
}
