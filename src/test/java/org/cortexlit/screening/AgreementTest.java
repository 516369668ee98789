package org.cortexlit.screening;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AgreementTest {

    @Test
    void kappaOfATextbookTable() {
        // 50 records: both include 20, A in B out 5, A out B in 10, both out 15.
        // p_o = 35/50 = 0.70; p_e = 0.5*0.6 + 0.5*0.4 = 0.50; kappa = 0.40
        assertEquals(0.40, Agreement.kappa(20, 5, 10, 15), 1e-9);
        assertEquals(1.0, Agreement.kappa(10, 0, 0, 5), 1e-9);
        assertEquals(-1.0, Agreement.kappa(0, 5, 5, 0), 1e-9);
    }

    @Test
    void undefinedWhenThereIsNothingToCompareOrChanceAgreementIsCertain() {
        assertNull(Agreement.kappa(0, 0, 0, 0));
        assertNull(Agreement.kappa(7, 0, 0, 0));
    }

    @Test
    void pairsCountMaybeAsIncludeAndOnlySharedRecords() {
        Map<Long, Map<String, Decision>> votes = new HashMap<>();
        long id = 0;
        for (int i = 0; i < 20; i++) {
            votes.put(id++, Map.of("ann", Decision.INCLUDE, "bob", i % 2 == 0 ? Decision.MAYBE : Decision.INCLUDE));
        }
        for (int i = 0; i < 5; i++) {
            votes.put(id++, Map.of("ann", Decision.INCLUDE, "bob", Decision.EXCLUDE));
        }
        for (int i = 0; i < 10; i++) {
            votes.put(id++, Map.of("ann", Decision.EXCLUDE, "bob", Decision.MAYBE));
        }
        for (int i = 0; i < 15; i++) {
            votes.put(id++, Map.of("ann", Decision.EXCLUDE, "bob", Decision.EXCLUDE));
        }
        votes.put(id++, Map.of("ann", Decision.EXCLUDE, "cat", Decision.EXCLUDE));
        List<Agreement.Pair> pairs = Agreement.pairs(votes);
        assertEquals(2, pairs.size());
        Agreement.Pair annBob = pairs.get(0);
        assertEquals("ann", annBob.first());
        assertEquals("bob", annBob.second());
        assertEquals(50, annBob.shared());
        assertEquals(35, annBob.agreed());
        assertEquals(0.40, annBob.kappa(), 1e-9);
        assertEquals("0.40", annBob.kappaText());
        assertEquals("n/a", pairs.get(1).kappaText()); // ann & cat: one record, both exclude: chance agreement is 1
    }
}
