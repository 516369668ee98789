package org.cortexlit.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DesignRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        sham comparison is controlled              | rTMS for pain | Patients received active or sham rTMS of M1 for 10 days. | | controlled
        placebo and randomisation are controlled   | tDCS in fibromyalgia | Forty women were randomised to anodal or placebo stimulation. | | controlled
        crossover is controlled                    | A crossover study | Each patient received both real and sham rTMS in a crossover design. | | controlled
        RCT publication type is controlled         | Motor cortex rTMS | Twenty patients were treated. | Randomized Controlled Trial | controlled
        no sham arm is not controlled              | rTMS series | Twelve patients were treated with 10 Hz rTMS; there was no sham arm and the study was open-label. | | uncontrolled
        without a control group is uncontrolled    | rTMS pilot | Patients were treated without a control group in this single-arm pilot. | | uncontrolled
        non-randomized is uncontrolled             | rTMS pilot | A non-randomized study of 10 patients with neuropathic pain. | | uncontrolled
        open-label is uncontrolled                 | An open-label study of deep TMS | Patients with fibromyalgia received 20 sessions. | | uncontrolled
        case report type is uncontrolled           | Motor cortex stimulation | A 54-year-old man with post-stroke pain was implanted. | Case Reports | uncontrolled
        retrospective review of charts is uncontrolled | Outcomes of MCS | We retrospectively analysed 20 patients implanted with epidural electrodes. | | uncontrolled
        review publication type is review          | rTMS and pain | Repetitive TMS relieves neuropathic pain in trials with sham. | Review | review
        meta-analysis in title is review           | rTMS for fibromyalgia: a meta-analysis | Randomized sham-controlled trials were pooled. | | review
        searching databases is review              | rTMS for migraine | We searched PubMed and Embase; twelve randomized trials were included. | | review
        guideline type is review                   | rTMS | Recommendations for rTMS in pain. | Practice Guideline | review
        background mention of reviews stays controlled | rTMS for pain | Systematic reviews support rTMS. We randomized 40 patients to active or sham rTMS. | | controlled
        healthy volunteers even with sham are other | rTMS and experimental pain | Eighteen healthy volunteers received active and sham cTBS in random order. | | other
        rats are other                             | Motor cortex stimulation in rats | Rats with sciatic nerve injury received MCS or sham stimulation. | | other
        a study protocol is other                  | Deep TMS for pain: protocol for a randomised controlled trial | Participants will be randomised to active or sham deep TMS. | | other
        an editorial is other                      | Brain stimulation for pain | Sham-controlled trials are needed. | Editorial | other
        an opinion is other                        | Negative results in tDCS research | Here we discuss why tDCS failed to improve quality of life. | | other
        nothing said is nothing suggested          | Cortical excitability | The motor cortex was mapped. | | -
        """)
    void designFollowsTheStrongestCue(String behaviour, String title, String abstractText, String type,
                                      String expected) {
        SuggestInput in = type == null ? Inputs.text(title, abstractText) : Inputs.typed(title, abstractText, type);
        assertEquals(expected, Inputs.value(TagSuggester.suggest(in).design()), behaviour);
    }
}
