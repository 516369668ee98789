package org.cortexlit.search.query;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.cortexlit.search.Analyzers;
import org.cortexlit.search.IndexFields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Twelve hand-written records in an in-memory index with the real field names and analyzer. A tiny
 * document builder stands in for the real one, which lives in the indexing code. */
final class TestCorpus implements AutoCloseable {

    static final int SIZE = 12;

    private final Directory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    TestCorpus() {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Analyzers.create()))) {
            writer.addDocument(doc(1001, 2012, "10.1000/cortex.2012.001",
                    "Repetitive transcranial magnetic stimulation of the motor cortex for neuropathic pain",
                    "rTMS-induced analgesia was assessed in 40 patients receiving 10-Hz stimulation.",
                    "Pain",
                    List.of("Lefaucheur JP", "Nguyen JP"),
                    List.of("Neuralgia", "Transcranial Magnetic Stimulation", "Motor Cortex"),
                    List.of("Randomized Controlled Trial", "Journal Article"),
                    List.of("rTMS")));
            writer.addDocument(doc(1002, 2015, "10.1000/REV.2015.7",
                    "Motor cortex stimulation: a review",
                    "We review invasive motor cortex stimulation for chronic pain.",
                    "Neuromodulation",
                    List.of("Müller K", "Smith AB"),
                    List.of("Motor Cortex", "Chronic Pain"),
                    List.of("Review"),
                    List.of()));
            writer.addDocument(doc(1003, 2010, null,
                    "Cortex motor mapping with navigated TMS",
                    "Mapping the cortex of the motor system in healthy volunteers.",
                    "Brain Topography",
                    List.of("Muller K"),
                    List.of("Brain Mapping"),
                    List.of("Journal Article"),
                    List.of()));
            writer.addDocument(doc(1004, 2020, null,
                    "Deep brain stimulation in Parkinson's disease",
                    "Stimulated patients improved after surgery.",
                    "Movement Disorders",
                    List.of("Lefaucheur A"),
                    List.of("Parkinson Disease", "Deep Brain Stimulation"),
                    List.of("Clinical Trial"),
                    List.of()));
            writer.addDocument(doc(1005, 2021, null,
                    "Pain and depression after stroke",
                    "Depression is common after stroke; pain too.",
                    "Stroke",
                    List.of("Jones P"),
                    List.of("Depression", "Stroke"),
                    List.of("Review", "Systematic Review"),
                    List.of()));
            writer.addDocument(doc(1006, 2018, null,
                    "Cognitive effects of tDCS",
                    "Transcranial direct current stimulation improved memory.",
                    "Brain Stimulation",
                    List.of("Smith J"),
                    List.of("Transcranial Direct Current Stimulation"),
                    List.of("Randomized Controlled Trial"),
                    List.of()));
            writer.addDocument(doc(1007, 2009, null,
                    "Neuropathic pain: mechanisms",
                    "A narrative overview of neuropathic pain mechanisms in the spinal cord.",
                    "Lancet Neurology",
                    List.of("Baron R"),
                    List.of("Neuralgia"),
                    List.of("Review"),
                    List.of()));
            writer.addDocument(doc(1008, 2016, null,
                    "Migraine and cortical excitability",
                    "Cortical excitability measured with TMS in migraine.",
                    "Cephalalgia",
                    List.of("Brighina F"),
                    List.of("Migraine Disorders"),
                    List.of("Journal Article"),
                    List.of("excitability")));
            writer.addDocument(doc(1009, 2005, null,
                    "Stimulus timing in motor learning",
                    "Learning depends on stimulus timing.",
                    "Journal of Neuroscience",
                    List.of("Nguyen T"),
                    List.of("Learning"),
                    List.of("Journal Article"),
                    List.of()));
            writer.addDocument(doc(1010, 2019, null,
                    "Erratum: motor cortex stimulation for pain",
                    null,
                    "Pain",
                    List.of("Lefaucheur JP"),
                    List.of(),
                    List.of("Published Erratum"),
                    List.of()));
            writer.addDocument(doc(1011, 2013, null,
                    "Dépression et douleur chronique",
                    null,
                    "Neurophysiologie Clinique",
                    List.of("Garcia-Larrea L"),
                    List.of("Depression", "Chronic Pain"),
                    List.of("Journal Article"),
                    List.of()));
            writer.addDocument(doc(1012, 2017, "10.1016/S0140-6736(20)30183-5",
                    "Placebo effects in rTMS trials",
                    "Sham stimulation and placebo response in pain trials.",
                    "Brain Stimulation",
                    List.of("Smith AB", "Lefaucheur JP"),
                    List.of("Placebo Effect"),
                    List.of("Meta-Analysis"),
                    List.of()));
            writer.commit();
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searcher = new IndexSearcher(reader);
    }

    private static Document doc(int pmid, int year, String doi, String title, String abstractText, String journal,
                                List<String> authors, List<String> mesh, List<String> publicationTypes,
                                List<String> keywords) {
        Document d = new Document();
        d.add(new StringField(IndexFields.PMID, Integer.toString(pmid), Field.Store.YES));
        if (doi != null) {
            d.add(new StringField(IndexFields.DOI, doi.toLowerCase(Locale.ROOT), Field.Store.YES));
        }
        d.add(new TextField(IndexFields.TITLE, title, Field.Store.YES));
        if (abstractText != null) {
            d.add(new TextField(IndexFields.ABSTRACT, abstractText, Field.Store.YES));
        }
        d.add(new TextField(IndexFields.JOURNAL, journal, Field.Store.YES));
        authors.forEach(a -> d.add(new TextField(IndexFields.AUTHOR, a, Field.Store.NO)));
        mesh.forEach(m -> d.add(new TextField(IndexFields.MESH, m, Field.Store.NO)));
        publicationTypes.forEach(p -> d.add(new TextField(IndexFields.PUBLICATION_TYPE, p, Field.Store.NO)));
        keywords.forEach(k -> d.add(new TextField(IndexFields.KEYWORD, k, Field.Store.NO)));
        d.add(new IntPoint(IndexFields.YEAR, year));
        d.add(new StoredField(IndexFields.YEAR, year));
        return d;
    }

    /** PMIDs of all matching records, ascending. */
    List<Integer> pmids(Query query) {
        try {
            ScoreDoc[] hits = searcher.search(query, SIZE + 1).scoreDocs;
            int[] pmids = new int[hits.length];
            for (int i = 0; i < hits.length; i++) {
                pmids[i] = Integer.parseInt(searcher.storedFields().document(hits[i].doc).get(IndexFields.PMID));
            }
            return Arrays.stream(pmids).sorted().boxed().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
