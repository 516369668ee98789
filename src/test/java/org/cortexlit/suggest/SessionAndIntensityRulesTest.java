package org.cortexlit.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionAndIntensityRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        daily sessions                          | Patients received 10 daily sessions of rTMS. | 10
        words for numbers                       | Five consecutive days of rTMS were given. | 5
        for N consecutive days                  | rTMS was given every day for five consecutive days. | 5
        during N days                           | 20 minutes per day, during 10 days. | 10
        a single session                        | A single session of rTMS was given after surgery. | 1
        a 20 minute session                     | Pain was scored after a 20 minute session of 10 Hz rTMS. | 1
        N daily rTMS                            | We assessed 10 daily rTMS in patients. | 10
        days a week for weeks                   | rTMS was delivered 5 consecutive days/week for 4 weeks. | 20
        twice a week for weeks                  | tDCS twice a week for 8 weeks. | 16
        an induction and maintenance total       | The protocol consisted of 14 sessions: an induction phase of 5 daily sessions and 9 maintenance sessions. | 14
        minutes are not sessions                | Three 25 min sessions of rTMS at 1 Hz, 20 Hz and sham. | 3
        at least is not a count                 | Trials with at least 10 sessions were included. | -
        a range of weeks is not a count         | TBS is delivered 5 days a week for 4-6 weeks. | -
        visits are not treatment sessions       | Volunteers underwent three experimental sessions. | -
        follow-up days are not sessions         | Pain was assessed 15 days after the last stimulation. | -
        """)
    void sessionsAreCountedFromStatedTreatments(String behaviour, String abstractText, String expected) {
        assertEquals(expected, Inputs.value(TagSuggester.suggest(Inputs.text("rTMS", abstractText)).sessions()),
                behaviour);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        of resting motor threshold              | Intensity was 80% of resting motor threshold. | 80
        RMT abbreviation                        | rTMS at 90% RMT over M1. | 90
        MT abbreviation                         | 1 Hz at 110% MT for 1800 pulses. | 110
        motor threshold of a muscle             | 10Hz @ 90% resting motor threshold of first dorsal interosseus. | 90
        a percentage of pain relief is not intensity | Pain fell by 40% after rTMS. | -
        """)
    void intensityIsAPercentageOfTheMotorThreshold(String behaviour, String abstractText, String expected) {
        assertEquals(expected, Inputs.value(TagSuggester.suggest(Inputs.text("rTMS", abstractText)).intensity()),
                behaviour);
    }
}
