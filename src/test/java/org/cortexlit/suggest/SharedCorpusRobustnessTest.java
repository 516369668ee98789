package org.cortexlit.suggest;

import org.cortexlit.formats.Citation;
import org.cortexlit.library.TagDimension;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Hundreds of real records from other fields (ADHD, statins, genetics, books, odd markup) go through the suggester
 * without an exception, every span is the record's text, every value is in the vocabulary, and records about
 * other things get few cortical-stimulation tags. Skipped where the shared corpus is absent.
 */
class SharedCorpusRobustnessTest {

    @Test
    void realRecordsFromOtherFieldsGiveValidAndSparseSuggestions() throws IOException {
        assumeTrue(SharedCorpus.present(), "no shared corpus at " + SharedCorpus.CORPUS.toAbsolutePath());
        List<Citation> records = SharedCorpus.records();
        assertTrue(records.size() > 300, "the corpus yields records: " + records.size());
        int withModality = 0;
        int withDesign = 0;
        int withCondition = 0;
        for (Citation r : records) {
            SuggestInput in = SuggestInput.from(r);
            Suggestions s = TagSuggester.suggest(in);
            for (Suggestion g : DevSetScoringTest.all(s)) {
                for (Evidence e : g.evidence()) {
                    assertEquals(DevSetScoringTest.fieldText(in, e).substring(e.start(), e.end()), e.text(),
                            r.pmid() + " " + e);
                }
            }
            s.targets().forEach(t -> assertTrue(TagDimension.TARGET.defaults.contains(t.value())));
            s.modalities().forEach(m -> assertTrue(TagDimension.MODALITY.defaults.contains(m.value())));
            if (s.design() != null) {
                assertTrue(TagDimension.DESIGN.defaults.contains(s.design().value()));
            }
            if (!s.modalities().isEmpty()) {
                withModality++;
            }
            withDesign += s.design() == null ? 0 : 1;
            withCondition += s.condition() == null ? 0 : 1;
        }
        System.out.printf("%nShared corpus: %d records; a modality on %d, a design on %d, a condition on %d%n",
                records.size(), withModality, withDesign, withCondition);
        // none of these files is about brain stimulation: a modality on more than a few would be noise
        assertTrue(withModality < records.size() / 20, withModality + " of " + records.size() + " got a modality");
    }
}
