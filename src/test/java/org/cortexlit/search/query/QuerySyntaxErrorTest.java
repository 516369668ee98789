package org.cortexlit.search.query;

import org.cortexlit.search.Analyzers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A mistyped query tells the reviewer what is wrong and where, instead of silently searching something else. */
class QuerySyntaxErrorTest {

    private static final QueryTranslator TRANSLATOR = new QueryTranslator(Analyzers.create());

    static Stream<Arguments> malformed() {
        return Stream.of(
                e("", "Empty query", 0),
                e("   ", "Empty query", 0),
                e("pain AND (motor OR cortex", "Unbalanced parenthesis: '(' at position 9 is never closed", 9),
                e("(pain", "'(' at position 0 is never closed", 0),
                e("pain) AND x", "Unbalanced parenthesis: ')' at position 4 has no matching '('", 4),
                e("pain AND \"motor cortex", "Unclosed quote at position 9", 9),
                e("rtms[xyz]", "Unknown field tag [xyz] at position 4; known tags: [all], [ti], [ab], [tiab], [tw], [au], "
                        + "[1au], [lastau], [mh], [majr], [pt], [ta], [la], [dp], [pmid], [doi]", 4),
                e("rtms[sh]", "Field tag [sh] at position 4 is not supported yet", 4),
                e("rtms[tiab:~3]", "Proximity search [tiab:~3] needs a quoted phrase, but 'rtms' at position 0 is not quoted", 0),
                e("pain OR motor cortex[tiab:~3]", "needs a quoted phrase, but 'motor cortex' at position 8", 8),
                e("\"motor cortex\"[mh:~3]", "Proximity search [mh:~3] at position 14 works only with [ti], [ab] and [tiab]", 14),
                e("\"motor cortex\"[au:~3]", "works only with [ti], [ab] and [tiab]", 14),
                e("\"motor cortex\"[tiab:~x]", "Invalid proximity distance in [tiab:~x] at position 14", 14),
                e("\"motor cortex\"[tiab:~]", "Invalid proximity distance in [tiab:~] at position 14", 14),
                e("\"motor cortex\"[tiab:~1000]", "give a number of words from 0 to 999", 14),
                e("\"motor cortex\"[xyz:~3]", "Unknown field tag [xyz] at position 14", 14),
                e("\"motor cort*\"[tiab:~3]", "Truncation '*' inside a phrase is not supported yet", 0),
                e("klingon[la]", "Invalid language 'klingon' for [la] at position 0; use a three-letter code", 0),
                e("pain AND en[la]", "Invalid language 'en' for [la] at position 9", 9),
                e("english french[la]", "Field tag [la] takes a single value", 0),
                e("2015/13[dp]", "Invalid date '2015/13' for [dp] at position 0", 0),
                e("2015/03/32:2016[dp]", "Invalid date '2015/03/32:2016' for [dp] at position 0", 0),
                e("pain AND &&[au]", "Nothing to search in '&&' at position 9", 9),
                e("le*[au]", "Truncation needs at least 3 letters before '*'", 0),
                e("pain AND lefaucheur j*p[1au]", "'*' is only allowed at the end of a name", 21),
                e("\"lefaucheur j*\"[au]", "Truncation '*' inside a phrase is not supported yet", 0),
                e("pain AND st*[tiab]", "Truncation needs at least 3 letters before '*': 'st*' at position 9", 9),
                e("pain AND st*m[ta]", "'*' is only allowed at the end of a word: 'st*m' at position 9", 11),
                e("pain AND st*[tw]", "Truncation needs at least 3 letters", 9),
                e("rtms AND st*", "Truncation needs at least 3 letters", 9),
                e("rtms[ti", "Unclosed field tag at position 4", 4),
                e("rtms] AND x", "Unexpected ']' at position 4", 4),
                e("rtms[]", "Empty field tag [] at position 4", 4),
                e("pain AND", "Missing term after AND at position 5", 5),
                e("pain AND OR tms", "Missing term after AND at position 5", 5),
                e("pain OR )", "Missing term after OR at position 5", 5),
                e("OR pain", "Missing term before OR at position 0", 0),
                e("(AND pain)", "Missing term before AND at position 1", 1),
                e("NOT", "Missing term after NOT at position 0", 0),
                e("pain NOT", "Missing term after NOT at position 5", 5),
                e("pain AND NOT [ti]", "Missing term after NOT at position 9", 9),
                e("pain AND ()", "Empty parentheses at position 9", 9),
                e("[ti] pain", "Field tag [ti] at position 0 has no term before it", 0),
                e("pain AND [ti]", "Field tag [ti] at position 9 has no term before it", 9),
                e("pain[ti][ab]", "Field tag [ab] at position 8 follows another tag", 8),
                e("(pain OR tms)[ti]", "Field tag [ti] at position 13 cannot apply to a group", 13),
                e("2020:2010[dp]", "Invalid year range '2020:2010' at position 0: start is after end", 0),
                e("pain AND 20x5[dp]", "Invalid date '20x5' for [dp] at position 9", 9),
                e("2010:[dp]", "Open date range '2010:' at position 0", 0),
                e("2010 2020[dp]", "Field tag [dp] takes a single value", 0),
                e("abc[pmid]", "Invalid PMID 'abc' at position 0: a PMID is digits only", 0),
                e("123 456[pmid]", "Field tag [pmid] takes a single value", 0),
                e("rtms[doi]", "Invalid DOI 'rtms' at position 0", 0),
                e("st*", "Truncation needs at least 3 letters before '*'", 0),
                e("pain AND *", "Truncation needs at least 3 letters before '*'", 9),
                e("st*m", "'*' is only allowed at the end of a word: 'st*m' at position 0", 2),
                e("rtms-ind*", "Truncation works on a single word", 0),
                e("pain AND ten[sessions]", "Invalid value 'ten' for [sessions] at position 9: Number of sessions: "
                        + "a whole number from 1 to 9999, not 'ten'.", 9),
                e("M1[target] AND 0[sessions]", "Invalid value '0' for [sessions] at position 15", 15),
                e("400[intensity]", "Invalid value '400' for [intensity] at position 0: Intensity: a percentage", 0),
                e("M1[target] AND *[modality]", "Truncation needs something before '*': '*' at position 15", 15),
                e("th*eta[modality]", "'*' is only allowed at the end of a word: 'th*eta' at position 0", 2),
                e("\"deep TMS\"[modality:~2]", "Proximity search [modality:~2] at position 10 works only with [ti], [ab] "
                        + "and [tiab]", 10),
                e("controlled[designs]", "Unknown field tag [designs] at position 10; known tags: [all], [ti], [ab], "
                        + "[tiab], [tw], [au], [1au], [lastau], [mh], [majr], [pt], [ta], [la], [dp], [pmid], [doi], "
                        + "[design], [target], [modality], [frequency], [sessions], [intensity], [condition]", 10),
                e("M1[target][design]", "Field tag [design] at position 10 follows another tag", 10),
                e("(M1 OR S1)[target]", "Field tag [target] at position 10 cannot apply to a group", 10),
                e("\"motor cort*\"[ti]", "Truncation '*' inside a phrase is not supported yet", 0),
                e("motor cort*[ti]", "Truncation '*' inside a phrase is not supported yet", 0),
                e("pain AND &&", "Nothing to search in '&&' at position 9: it has no letters or digits", 9),
                e("pain AND \"\"", "Empty phrase \"\" at position 9", 9),
                e("and", "a lower-case 'and' (position 0) is ignored; write AND", 0),
                e("x".repeat(4_001), "Query is too long: 4001 characters; the limit is 4000", 4_000),
                // over the 1,024-term limit within the 4,000-character one (an untagged word is one term)
                e(IntStream.range(0, 1_100).mapToObj(i -> Integer.toString(i, 36)).collect(Collectors.joining(" ")),
                        "Query has too many terms", 0),
                e("\"" + "a ".repeat(1_100) + "\"", "Query has too many terms", 0),
                e("(".repeat(60) + "pain" + ")".repeat(60), "Query is nested too deeply", 51),
                e("NOT ".repeat(60) + "pain", "Query is nested too deeply", 204));
    }

    private static Arguments e(String query, String messageFragment, int position) {
        return Arguments.of(query, messageFragment, position);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("malformed")
    void explainsWhatIsWrongAndWhere(String query, String messageFragment, int position) {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> TRANSLATOR.translate(query));
        assertTrue(e.getMessage().contains(messageFragment),
                () -> "message '" + e.getMessage() + "' should contain '" + messageFragment + "'");
        assertEquals(position, e.position(), () -> "position of: " + e.getMessage());
    }
}
