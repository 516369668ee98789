package org.cortexlit.search.query;

import org.cortexlit.search.Analyzers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** "What we searched" shows the reviewer how the query was understood, in the syntax they typed. */
class QueryNormalizerTest {

    private static final QueryTranslator TRANSLATOR = new QueryTranslator(Analyzers.create());

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            rtms[TIAB]  and pain                         | rtms[tiab] AND pain
            rtms[Title/Abstract] AND pain[All Fields]    | rtms[tiab] AND pain[all]
            motor cortex                                 | motor AND cortex
            motor cortex[Title]                          | "motor cortex"[ti]
            lefaucheur jp[au]                            | lefaucheur jp[au]
            "Lefaucheur JP"[Author]                      | "Lefaucheur JP"[au]
            Lefaucheur J*[au]                            | Lefaucheur J*[au]
            lefaucheur[1AU] OR smith ab[Author - Last]   | lefaucheur[1au] OR smith ab[lastau]
            "motor    cortex"                            | "motor cortex"
            a OR b AND c                                 | a OR b AND c
            a OR (b AND c)                               | a OR (b AND c)
            (a OR b)  c                                  | (a OR b) AND c
            NOT review[Publication Type]                 | NOT review[pt]
            pain AND NOT review[pt]                      | pain AND NOT review[pt]
            pain NOT review[pt]                          | pain NOT review[pt]
            2010/01/01:2020/12/31[pdat]                  | 2010:2020[dp]
            2015:2015[dp]                                | 2015[dp]
            2015/06[Date of Publication]                 | 2015[dp]
            https://doi.org/10.1000/ABC[DOI]             | 10.1000/abc[doi]
            10.1016/S0140-6736(20)30183-5[doi]           | "10.1016/s0140-6736(20)30183-5"[doi]
            00123[uid]                                   | 123[pmid]
            stimul*[TiAb]                                | stimul*[tiab]
            neuralgia[MeSH Terms]                        | neuralgia[mh]
            "neuropathic pain"[mesh]                     | "neuropathic pain"[mh]
            Müller K[AU]                                 | Müller K[au]
            rTMS                                         | ("rTMS" OR "repetitive transcranial magnetic stimulation")
            NOT rtms                                     | NOT ("rtms" OR "repetitive transcranial magnetic stimulation")
            primary motor cortex pain                    | ("primary motor cortex" OR "M1" OR "precentral gyrus") AND pain
            theta burst stimulation                      | ("theta burst stimulation" OR "TBS" OR "theta burst" OR "theta-burst stimulation")
            Randomised and stimul*                       | ("Randomised" OR "randomized") AND stimul*
            "rTMS" OR rTMS[tiab] OR rTMS[all]            | "rTMS" OR rTMS[tiab] OR rTMS[all]
            "motor  cortex pain"[TIAB:~3]                | "motor cortex pain"[tiab:~3]
            "motor cortex pain"[ti : ~ 03]               | "motor cortex pain"[ti:~3]
            English[LA] OR GER[Language]                 | eng[la] OR ger[la]
            pain[Mesh Major Topic] AND pain[mh:noexp]    | pain[majr] AND pain[mh]
            pain[MAJR:NOEXP]                             | pain[majr]
            "Brain Stimul"[Journal]                      | "Brain Stimul"[ta]
            stimul*[tw] AND pain[Text Word]              | stimul*[tw] AND pain[tw]
            2015/03:2016[dp]                             | 2015:2016[dp]
            controlled[Design] AND m1[TARGET]            | controlled[design] AND M1[target]
            deep   TMS[modality]                         | "deep TMS"[modality]
            "premotor/SMA"[target]                       | premotor/SMA[target]
            theta-burst[modality] OR tDCS[modality]      | theta-burst[modality] OR tDCS[modality]
            010[sessions] AND 90 % RMT[intensity]        | 10[sessions] AND 90[intensity]
            M1[target]                                   | M1[target]
            theta*[modality]                             | theta*[modality]
            "AND"[condition]                             | "AND"[condition]
            "a*b"[condition]                             | "a*b"[condition]
            """)
    void printsTheQueryInCanonicalForm(String query, String normalized) throws QuerySyntaxException {
        assertEquals(normalized, TRANSLATOR.translate(query).normalized());
    }
}
