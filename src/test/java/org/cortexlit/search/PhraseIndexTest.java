package org.cortexlit.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.cortexlit.library.Article;
import org.cortexlit.search.query.QueryTranslator;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The phrase index: which tokens the analyzer adds, that they find exactly what a phrase query finds, and when the
 * query side may use them. */
class PhraseIndexTest {

    private static final PhraseIndex PHRASES = PhraseIndex.standard();
    /** MeSH as the app indexes it: without norms. */
    private static final FieldType LIST = listType();

    private static FieldType listType() {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setOmitNorms(true);
        t.freeze();
        return t;
    }

    /** term@positionIncrement[start,end) for each token {@code text} analyses to in {@code field}. */
    private static List<String> tokens(String field, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (Analyzer analyzer = Analyzers.create(); TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "@" + inc.getPositionIncrement() + "[" + offset.startOffset() + "," + offset.endOffset() + ")");
            }
            ts.end();
        }
        return out;
    }

    @Test
    void aPhraseTokenIsStackedOnItsFirstWordAndSpansThePhrase() throws IOException {
        assertEquals(List.of(
                "repetitive@1[0,10)", "[repetitive transcranial magnetic stimulation]@0[0,44)",
                "transcranial@1[11,23)", "[transcranial magnetic stimulation]@0[11,44)",
                "magnetic@1[24,32)", "stimulation@1[33,44)",
                "of@1[45,47)", "the@1[48,51)",
                "motor@1[52,57)", "[motor cortex]@0[52,64)", "cortex@1[58,64)",
                "for@1[65,68)",
                "neuropathic@1[69,80)", "[neuropathic pain]@0[69,85)", "pain@1[81,85)"),
                tokens(IndexFields.ALL, "Repetitive transcranial magnetic stimulation of the motor cortex for neuropathic pain"));
    }

    @Test
    void hyphensCaseAndAccentsDoNotMatterButEveryWordMust() throws IOException {
        assertTrue(tokens(IndexFields.TITLE, "Theta-Burst stimulation").contains("[theta burst stimulation]@0[0,23)"));
        assertTrue(tokens(IndexFields.ABSTRACT, "the MOTOR\ncortex").contains("[motor cortex]@0[4,16)"));
        // a phrase cut short at the end of the value, or with a word between, is no phrase
        assertTrue(tokens(IndexFields.ALL, "stimulation of the motor").stream().noneMatch(t -> t.startsWith("[")));
        assertTrue(tokens(IndexFields.ALL, "motor and cortex").stream().noneMatch(t -> t.startsWith("[")));
        // two phrases sharing a word, and one inside another
        assertTrue(tokens(IndexFields.ALL, "chronic low back pain").containsAll(List.of(
                "[chronic low back pain]@0[0,21)", "[low back pain]@0[8,21)")));
    }

    @Test
    void onlyTitleAbstractMeshAndTheCatchAllFieldHoldPhraseTokens() throws IOException {
        for (String field : List.of(IndexFields.AUTHOR, IndexFields.KEYWORD, IndexFields.JOURNAL, IndexFields.PUBLICATION_TYPE)) {
            assertTrue(tokens(field, "Neuropathic Pain").stream().noneMatch(t -> t.startsWith("[")), field);
        }
        for (String field : IndexFields.PHRASE_FIELDS) {
            assertTrue(tokens(field, "Neuropathic Pain").contains("[neuropathic pain]@0[0,16)"), field);
        }
    }

    @Test
    void truncationNeverExpandsToAPhraseToken() {
        assertTrue(PHRASES.tokens().stream().allMatch(t -> t.startsWith("[") && t.endsWith("]") && t.contains(" ")));
    }

    @Test
    void everyMultiWordSynonymOfTermMappingIsAnIndexedPhrase() throws IOException {
        Set<String> missing = new TreeSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                PhraseIndex.class.getResourceAsStream("/search/synonyms.txt"), StandardCharsets.UTF_8));
             Analyzer text = Analyzers.text()) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
                for (String member : content.split("[|>]")) {
                    List<String> words = Analyzers.words(text, IndexFields.ALL, member);
                    if (words.size() > 1 && PHRASES.token(words).isEmpty()) {
                        missing.add(member.strip());
                    }
                }
            }
        }
        assertEquals(Set.of(), missing, "term mapping's phrases should be in search/phrases.txt");
    }

    @Test
    void aListLineOfOneWordIsRefusedWithItsLineNumber() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PhraseIndex.of(List.of("# a comment", "motor cortex", "pain")));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'pain'"), e.getMessage());
    }

    @Test
    void theVersionNamesTheListNotItsOrder() {
        assertEquals(PhraseIndex.of(List.of("motor cortex", "neuropathic pain")).version(),
                PhraseIndex.of(List.of("Neuropathic Pain", "motor cortex")).version());
        assertNotEquals(PhraseIndex.of(List.of("motor cortex")).version(),
                PhraseIndex.of(List.of("motor cortex", "neuropathic pain")).version());
    }

    /**
     * Over generated records and hand-written edge cases: for every phrase of the list and every field that holds its
     * tokens, the token finds exactly the records the phrase query finds.
     */
    @Test
    void everyPhraseTokenFindsExactlyWhatItsPhraseQueryFinds() throws Exception {
        Directory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, SearchIndex.writerConfig(Analyzers.create(), IndexWriterConfig.OpenMode.CREATE))) {
            GeneratedDocuments.add(w, 7, 2_000, 30_000_000L);
            for (String text : List.of("motor cortex", "motor", "cortex motor", "motor. Cortex", "motor-cortex",
                    "Chronic low back pain and low back pain", "the neuropathic-pain syndrome", "neuropathic\tpain",
                    "theta burst theta-burst stimulation")) {
                Document d = new Document();
                d.add(new StringField(IndexFields.KEY, "edge " + text, Field.Store.YES));
                d.add(new TextField(IndexFields.TITLE, text, Field.Store.NO));
                d.add(new TextField(IndexFields.ABSTRACT, "pain " + text, Field.Store.NO));
                d.add(new Field(IndexFields.MESH, text, LIST));
                d.add(new Field(IndexFields.MESH_MAJOR, "Pain, " + text, LIST));
                ArticleDocuments.addCatchAll(d);
                w.addDocument(d);
            }
            w.commit();
        }
        int compared = 0;
        int found = 0;
        try (DirectoryReader r = DirectoryReader.open(dir)) {
            IndexSearcher s = new IndexSearcher(r);
            for (String token : PHRASES.tokens()) {
                String[] words = token.substring(1, token.length() - 1).split(" ");
                for (String field : IndexFields.PHRASE_FIELDS) {
                    Set<Integer> byToken = docs(s, new TermQuery(new Term(field, token)));
                    Set<Integer> byPhrase = docs(s, new PhraseQuery(field, words));
                    assertEquals(byPhrase, byToken, token + " in " + field);
                    compared++;
                    found += byToken.isEmpty() ? 0 : 1;
                }
            }
        }
        assertEquals(PHRASES.tokens().size() * IndexFields.PHRASE_FIELDS.size(), compared);
        assertTrue(found > compared / 2, "most phrases should occur in the generated records: " + found + " of " + compared);
    }

    private static Set<Integer> docs(IndexSearcher s, Query q) throws IOException {
        Set<Integer> out = new TreeSet<>();
        for (ScoreDoc sd : s.search(q, Integer.MAX_VALUE / 2).scoreDocs) {
            out.add(sd.doc);
        }
        return out;
    }

    @Test
    void queriesUseThePhraseTokensOnlyWhereEveryDocumentHoldsThem() throws Exception {
        Directory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.create()))) {
            try (DirectoryReader empty = DirectoryReader.open(w)) {
                assertTrue(PHRASES.isComplete(empty), "an empty index holds every token it needs");
            }
            Article a = new Article();
            a.pmid = "1";
            a.title = "Motor cortex stimulation for neuropathic pain";
            w.addDocument(ArticleDocuments.toDocument(a));
            w.commit();
            try (DirectoryReader r = DirectoryReader.open(w)) {
                assertTrue(PHRASES.isComplete(r));
            }
            Document old = new Document(); // as an index written before this phrase list: no version term
            old.add(new TextField(IndexFields.ALL, "neuropathic pain", Field.Store.NO));
            w.addDocument(old);
            w.commit();
            try (DirectoryReader r = DirectoryReader.open(w)) {
                assertFalse(PHRASES.isComplete(r));
                assertFalse(PhraseIndex.of(List.of("motor cortex")).isComplete(r), "another list's version");
            }
        }
        QueryTranslator translator = new QueryTranslator(Analyzers.create());
        var tq = translator.translate("\"neuropathic pain\" AND \"motor cortex\"[tiab] AND \"motor cortex pain\"[tiab:~3]"
                + " AND \"Chronic Pain\"[mh] AND \"pain relief\"[ti]");
        String positions = tq.query().toString();
        String tokens = tq.withPhraseTokens().toString();
        assertTrue(positions.contains("all:\"neuropathic pain\"") && positions.contains("title:\"motor cortex\""), positions);
        assertTrue(tokens.contains("all:[neuropathic pain]") && tokens.contains("title:[motor cortex]")
                && tokens.contains("abstract:[motor cortex]") && tokens.contains("title:[pain relief]"), tokens);
        assertTrue(tokens.contains("mesh:[chronic pain]"), tokens);
        // proximity and phrases not in the list keep their positions
        assertTrue(tokens.contains("title:\"motor cortex pain\"~3"), tokens);
        assertInstanceOf(PhraseQuery.class, translator.translate("\"cortex motor\"").withPhraseTokens());
        assertEquals(tq.query(), tq.queryFor(false));
        assertEquals(tq.withPhraseTokens(), tq.queryFor(true));
    }
}
