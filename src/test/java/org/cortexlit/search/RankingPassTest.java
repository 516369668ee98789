package org.cortexlit.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.cortexlit.bench.CorpusGenerator;
import org.cortexlit.library.Article;
import org.cortexlit.pubmed.ReadEvent;
import org.cortexlit.pubmed.RecordReader;
import org.cortexlit.pubmed.RecordReaders;
import org.cortexlit.search.query.QueryTranslator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ranking pass over documents made as the import makes them, in an index written with the app's writer settings
 * (sorted by rank bonus). A word nearly every record holds must not make the pass score every hit: block-max WAND
 * has to skip most of them, and the page it returns must be the one exhaustive scoring gives.
 */
class RankingPassTest {

    private static final int RECORDS = 5_000;
    private static Directory directory;
    private static DirectoryReader reader;
    private static IndexSearcher searcher;
    private static final QueryTranslator TRANSLATOR = new QueryTranslator(Analyzers.create());

    @BeforeAll
    static void index() throws IOException {
        Path xml = Files.createTempFile("ranking", ".xml");
        directory = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(directory, SearchIndex.writerConfig(Analyzers.create(), IndexWriterConfig.OpenMode.CREATE))) {
            new CorpusGenerator(11).writePubmedXml(xml, RECORDS, 70_000_000L, false);
            try (RecordReader records = RecordReaders.open(xml)) {
                ReadEvent e;
                while ((e = records.next()) != null) {
                    if (e instanceof ReadEvent.Parsed p) {
                        Article a = new Article();
                        a.apply(p.record(), "test");
                        w.addDocument(ArticleDocuments.toDocument(a));
                    }
                }
            }
            w.forceMerge(1);
            w.commit();
        } finally {
            Files.deleteIfExists(xml);
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader); // one thread: the counts below are exact
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pain", "stimulation AND pain", "\"motor cortex\"", "\"Transcranial Magnetic Stimulation\"[mh]"})
    void aCommonWordIsRankedWithoutScoringEveryHitAndGivesTheExhaustivePage(String q) throws Exception {
        Query base = TRANSLATOR.translate(q).query();
        int hits = searcher.count(base);
        assertTrue(hits > RECORDS / 3, q + " should be common in the generated corpus, it matched " + hits);

        LongAdder scored = new LongAdder();
        TopDocs fast = searcher.search(SearchService.ranked(base, SearchService.Order.RELEVANCE),
                counting(SearchService.ranker(SearchService.Order.RELEVANCE, 20), scored));
        TopDocs exhaustive = searcher.search(SearchService.ranked(base, SearchService.Order.RELEVANCE),
                new TopScoreDocCollectorManager(20, null, Integer.MAX_VALUE));

        assertArrayEquals(docs(exhaustive), docs(fast), "skipping must not change the page");
        assertArrayEquals(docs(exhaustive), docs(SearchService.rank(searcher, base, SearchService.Order.RELEVANCE, 20)));
        assertTrue(scored.sum() < hits / 2, q + ": the ranking pass collected " + scored.sum() + " of " + hits
                + " hits; with the index sorted by rank bonus it should skip most of them");
    }

    @Test
    void anUntaggedWordInTheTitleRanksAboveTheSameWordOnlyInTheAbstract() throws Exception {
        Directory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, SearchIndex.writerConfig(Analyzers.create(), IndexWriterConfig.OpenMode.CREATE))) {
            w.addDocument(doc("1", "Placebo response in chronic pain", "Patients with chronic pain received sessions."));
            w.addDocument(doc("2", "Sessions in chronic pain patients", "Patients with chronic pain received placebo."));
            w.commit();
        }
        try (DirectoryReader r = DirectoryReader.open(dir)) {
            IndexSearcher s = new IndexSearcher(r);
            TopDocs top = SearchService.rank(s, TRANSLATOR.translate("placebo").query(), SearchService.Order.RELEVANCE, 10);
            assertEquals(2, top.scoreDocs.length);
            assertEquals("1", s.storedFields().document(top.scoreDocs[0].doc).get(IndexFields.KEY));
        }
    }

    private static Document doc(String pmid, String title, String abstractText) {
        Article a = new Article();
        a.pmid = pmid;
        a.title = title;
        a.year = 2015;
        a.abstractSections = List.of(new org.cortexlit.library.AbstractSection(null, null, abstractText, null));
        return ArticleDocuments.toDocument(a);
    }

    private static int[] docs(TopDocs top) {
        int[] d = new int[top.scoreDocs.length];
        for (int i = 0; i < d.length; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            d[i] = sd.doc;
        }
        return d;
    }

    /** The manager's collectors, counting the documents the scorer hands them (those it could not skip). */
    private static <C extends Collector, T> CollectorManager<Collector, T> counting(CollectorManager<C, T> inner, LongAdder collected) {
        List<C> made = new ArrayList<>();
        return new CollectorManager<>() {
            @Override
            public Collector newCollector() throws IOException {
                C c = inner.newCollector();
                synchronized (made) {
                    made.add(c);
                }
                return new FilterCollector(c) {
                    @Override
                    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                        return new FilterLeafCollector(super.getLeafCollector(context)) {
                            @Override
                            public void collect(int doc) throws IOException {
                                collected.increment();
                                super.collect(doc);
                            }
                        };
                    }
                };
            }

            @Override
            public T reduce(Collection<Collector> collectors) throws IOException {
                return inner.reduce(made);
            }
        };
    }
}
