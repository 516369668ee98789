package org.cortexlit.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        the most specific stated wins           | rTMS for neuropathic pain | Patients with central post-stroke pain (CPSP) received rTMS. CPSP improved. | central post-stroke pain
        fibromyalgia                            | rTMS in fibromyalgia | Women with fibromyalgia received rTMS. | fibromyalgia
        an upper-case abbreviation counts      | rTMS | Phantom limb pain (PLP) is common. PLP fell after rTMS. | phantom limb pain
        neuropathic pain when nothing narrower  | rTMS for neuropathic pain | Patients with chronic neuropathic pain received rTMS. | neuropathic pain
        a depression inventory is an outcome    | rTMS for fibromyalgia | Beck Depression Inventory scores fell in fibromyalgia. | fibromyalgia
        depression studied for itself           | rTMS in major depression | Patients with major depressive disorder received rTMS. | depression
        spinal cord injury with pain            | tDCS | Central pain after spinal cord injury was relieved by tDCS. | spinal cord injury pain
        stroke without pain is stroke           | rTMS after stroke | Subacute stroke patients with hemiparesis received rTMS. | stroke
        tinnitus                                | 1-Hz rTMS | Chronic tinnitus was treated with rTMS. | tinnitus
        healthy volunteers have no condition    | cTBS | Healthy volunteers received cTBS. | -
        """)
    void conditionIsTheMostSpecificStated(String behaviour, String title, String abstractText, String expected) {
        assertEquals(expected, Inputs.value(TagSuggester.suggest(Inputs.text(title, abstractText)).condition()),
                behaviour);
    }
}
