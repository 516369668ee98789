package org.cortexlit.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuthorKeysTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Lefaucheur JP|lefaucheur jp",
            "Müller A|muller a",
            "Ciampi de Andrade D|ciampi de andrade d",
            "Garcia-Larrea L|garcia larrea l",
            "O'Connell NE|o connell ne",
            "Smith J.P.|smith jp",
            "  Łukasz  Ø |lukasz o",
            "Cortical Stimulation Study Group|cortical stimulation study group",
            "---|''",
    })
    void namesHaveOneNormalForm(String name, String key) {
        assertEquals(key, AuthorKeys.key(name));
    }
}
