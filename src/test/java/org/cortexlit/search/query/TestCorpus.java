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
import org.cortexlit.library.Tag;
import org.cortexlit.search.Analyzers;
import org.cortexlit.search.ArticleDocuments;
import org.cortexlit.search.AuthorKeys;
import org.cortexlit.search.Facets;
import org.cortexlit.search.IndexFields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Hand-written records in an in-memory index with the real field names and analyzer. {@link Rec#toDocument}
 * mirrors {@code ArticleDocuments.toDocument} field by field (that one needs the JPA
 * entities; these tests stay plain Lucene). Authors are written as the index sees them, "Lastname Initials" or
 * a collective name; a MeSH heading starting with '*' is a major topic. Reviewers' tags are written
 * {@code "dimension=value"} and indexed by {@link ArticleDocuments#addTags} itself, so tag indexing cannot drift. */
final class TestCorpus implements AutoCloseable {

    static final int SIZE = 17;

    private final Directory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    TestCorpus() {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Analyzers.create()))) {
            for (Rec rec : records()) {
                writer.addDocument(rec.toDocument());
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searcher = new IndexSearcher(reader);
    }

    private static List<Rec> records() {
        return List.of(
                rec(1001, 2012).doi("10.1000/cortex.2012.001")
                        .title("Repetitive transcranial magnetic stimulation of the motor cortex for neuropathic pain")
                        .abstractText("rTMS-induced analgesia was assessed in 40 patients receiving 10-Hz stimulation.")
                        .journal("Pain", "Pain")
                        .authors("Lefaucheur JP", "Nguyen JP")
                        .mesh("*Neuralgia", "Transcranial Magnetic Stimulation", "Motor Cortex")
                        .types("Randomized Controlled Trial", "Journal Article")
                        .keywords("rTMS")
                        .tags("design=controlled", "target=M1", "modality=rTMS", "frequency=high", "sessions=10",
                                "intensity=80", "condition=neuropathic pain"),
                rec(1002, 2015).doi("10.1000/REV.2015.7")
                        .title("Motor cortex stimulation: a review")
                        .abstractText("We review invasive motor cortex stimulation for chronic pain.")
                        .journal("Neuromodulation", "Neuromodulation")
                        .authors("Müller K", "Smith AB")
                        .mesh("*Motor Cortex", "Chronic Pain")
                        .types("Review")
                        .tags("design=review", "target=M1", "modality=epidural MCS"),
                rec(1003, 2010)
                        .title("Cortex motor mapping with navigated TMS")
                        .abstractText("Mapping the cortex of the motor system in healthy volunteers.")
                        .journal("Brain Topography", "Brain Topogr")
                        .authors("Muller K")
                        .mesh("*Brain Mapping")
                        .types("Journal Article"),
                rec(1004, 2020)
                        .title("Deep brain stimulation in Parkinson's disease")
                        .abstractText("Stimulated patients improved after surgery.")
                        .journal("Movement Disorders", "Mov Disord")
                        .authors("Lefaucheur A")
                        .mesh("Parkinson Disease", "*Deep Brain Stimulation")
                        .types("Clinical Trial"),
                rec(1005, 2021)
                        .title("Pain and depression after stroke")
                        .abstractText("Depression is common after stroke; pain too.")
                        .journal("Stroke", "Stroke")
                        .authors("Jones P")
                        .mesh("*Depression", "Stroke")
                        .types("Review", "Systematic Review"),
                rec(1006, 2018)
                        .title("Cognitive effects of tDCS")
                        .abstractText("Transcranial direct current stimulation improved memory.")
                        .journal("Brain Stimulation", "Brain Stimul")
                        .authors("Smith J")
                        .mesh("*Transcranial Direct Current Stimulation")
                        .types("Randomized Controlled Trial")
                        .tags("design=controlled", "target=DLPFC", "modality=tDCS"),
                rec(1007, 2009)
                        .title("Neuropathic pain: mechanisms")
                        .abstractText("A narrative overview of neuropathic pain mechanisms in the spinal cord.")
                        .journal("Lancet Neurology", "Lancet Neurol")
                        .authors("Baron R")
                        .mesh("Neuralgia")
                        .types("Review"),
                rec(1008, 2016)
                        .title("Migraine and cortical excitability")
                        .abstractText("Cortical excitability measured with TMS in migraine.")
                        .journal("Cephalalgia", "Cephalalgia")
                        .authors("Brighina F")
                        .mesh("*Migraine Disorders")
                        .types("Journal Article")
                        .keywords("excitability"),
                rec(1009, 2005)
                        .title("Stimulus timing in motor learning")
                        .abstractText("Learning depends on stimulus timing.")
                        .journal("Journal of Neuroscience", "J Neurosci")
                        .authors("Nguyen T")
                        .mesh("Learning")
                        .types("Journal Article"),
                rec(1010, 2019)
                        .title("Erratum: motor cortex stimulation for pain")
                        .journal("Pain", "Pain")
                        .authors("Lefaucheur JP")
                        .types("Published Erratum"),
                rec(1011, 2013)
                        .title("Dépression et douleur chronique")
                        .journal("Neurophysiologie Clinique", "Neurophysiol Clin")
                        .authors("Garcia-Larrea L")
                        .mesh("Depression", "Chronic Pain")
                        .types("Journal Article")
                        .languages("fre"),
                rec(1012, 2017).doi("10.1016/S0140-6736(20)30183-5")
                        .title("Placebo effects in rTMS trials")
                        .abstractText("Sham stimulation and placebo response in pain trials.")
                        .journal("Brain Stimulation", "Brain Stimul")
                        .authors("Smith AB", "Lefaucheur JP")
                        .mesh("*Placebo Effect")
                        .types("Meta-Analysis")
                        .tags("design=review", "modality=rTMS"),
                // British spelling; the MeSH headings carry no spelling variant, so only term mapping finds it
                rec(1013, 2014)
                        .title("Randomised sham-controlled trial of motor cortex stimulation under general anaesthesia")
                        .abstractText("Behaviour and oedema were monitored; no haemorrhage occurred in this paediatric series.")
                        .journal("European Journal of Pain", "Eur J Pain")
                        .authors("Lefaucheux A", "Hosomi K")
                        .mesh("*Motor Cortex", "Pain Management")
                        .types("Randomized Controlled Trial")
                        .tags("design=controlled", "target=M1", "modality=epidural MCS",
                                "condition=central post-stroke pain"),
                // only the long forms: found by rTMS, TMS and DLPFC through term mapping alone
                rec(1014, 2016)
                        .title("Repetitive transcranial magnetic stimulation of the dorsolateral prefrontal cortex in fibromyalgia")
                        .abstractText("Stimulation over the left hemisphere reduced widespread pain in a crossover design.")
                        .journal("Clinical Neurophysiology", "Clin Neurophysiol")
                        .authors("Lefaucheur", "Attal N")
                        .mesh("*Fibromyalgia", "Prefrontal Cortex")
                        .types("Randomized Controlled Trial")
                        .tags("design=controlled", "target=DLPFC", "modality=rTMS", "frequency=high", "sessions=5",
                                "intensity=90", "condition=fibromyalgia"),
                // British spelling again; "motor cortex in pain" is one word off "motor cortex pain"
                rec(1015, 2011)
                        .title("Central post-stroke pain treated with M1 stimulation")
                        .abstractText("Behaviour of the motor cortex in pain was assessed; the randomisation was stratified by tumour size.")
                        .journal("Journal of Pain Research", "J Pain Res")
                        .authors("Hosomi K", "Saitoh Y")
                        .mesh("*Stroke", "Pain")
                        .types("Clinical Trial")
                        .tags("design=uncontrolled", "target=M1", "target=premotor/SMA", "modality=deep TMS",
                                "sessions=10", "intensity=110", "condition=central post-stroke pain"),
                rec(1016, 2008)
                        .title("Precentral gyrus stimulation: a consensus statement")
                        .abstractText("Theta burst and tDCS protocols for complex regional pain syndrome and spinal cord injury.")
                        .journal("Neurology", "Neurology")
                        .authors("Finnerup NB", "Neuropathic Pain Special Interest Group")
                        .mesh("*Neuralgia")
                        .types("Practice Guideline")
                        .tags("design=other", "modality=theta-burst", "modality=tDCS"),
                rec(1017, 2019)
                        .title("[Motor cortex stimulation for chronic pain]")
                        .vernacularTitle("Motorkortexstimulation bei chronischen Schmerzen")
                        .journal("Der Schmerz", "Schmerz")
                        .authors("Maier C")
                        .mesh("Chronic Pain")
                        .types("Journal Article", "English Abstract")
                        .languages("ger", "eng"));
    }

    private static Rec rec(int pmid, int year) {
        return new Rec(pmid, year);
    }

    /** One test record; defaults: no DOI, no abstract, English. */
    static final class Rec {
        private final int pmid;
        private final int year;
        private String doi;
        private String title = "";
        private String vernacularTitle;
        private String abstractText;
        private String journal;
        private String journalAbbrev;
        private List<String> authors = List.of();
        private List<String> mesh = List.of();
        private List<String> types = List.of();
        private List<String> keywords = List.of();
        private List<String> languages = List.of("eng");
        private List<Tag> tags = List.of();

        private Rec(int pmid, int year) {
            this.pmid = pmid;
            this.year = year;
        }

        Rec doi(String v) {
            doi = v;
            return this;
        }

        Rec title(String v) {
            title = v;
            return this;
        }

        Rec vernacularTitle(String v) {
            vernacularTitle = v;
            return this;
        }

        Rec abstractText(String v) {
            abstractText = v;
            return this;
        }

        Rec journal(String full, String abbrev) {
            journal = full;
            journalAbbrev = abbrev;
            return this;
        }

        Rec authors(String... v) {
            authors = List.of(v);
            return this;
        }

        Rec mesh(String... v) {
            mesh = List.of(v);
            return this;
        }

        Rec types(String... v) {
            types = List.of(v);
            return this;
        }

        Rec keywords(String... v) {
            keywords = List.of(v);
            return this;
        }

        Rec tags(String... dimensionIsValue) {
            tags = Arrays.stream(dimensionIsValue).map(t -> t.split("=", 2)).map(t -> new Tag(t[0], t[1])).toList();
            return this;
        }

        Rec languages(String... v) {
            languages = List.of(v);
            return this;
        }

        /** The same fields, in the same way, as ArticleDocuments.toDocument (sort-only doc values left out). */
        Document toDocument() {
            Document d = new Document();
            d.add(new StringField(IndexFields.PMID, Integer.toString(pmid), Field.Store.YES));
            if (doi != null) {
                d.add(new StringField(IndexFields.DOI, ArticleDocuments.normaliseDoi(doi), Field.Store.YES));
            }
            d.add(new TextField(IndexFields.TITLE, title, Field.Store.YES));
            if (vernacularTitle != null) {
                d.add(new TextField(IndexFields.TITLE, vernacularTitle, Field.Store.NO));
            }
            if (abstractText != null) {
                d.add(new TextField(IndexFields.ABSTRACT, abstractText, Field.Store.YES));
            }
            String firstKey = null;
            String lastKey = null;
            for (String name : authors) {
                d.add(new TextField(IndexFields.AUTHOR, name, Field.Store.NO));
                String key = AuthorKeys.key(name);
                d.add(new StringField(IndexFields.AUTHOR_KEY, key, Field.Store.NO));
                firstKey = firstKey == null ? key : firstKey;
                lastKey = key;
            }
            if (firstKey != null) {
                d.add(new StringField(IndexFields.FIRST_AUTHOR_KEY, firstKey, Field.Store.NO));
                d.add(new StringField(IndexFields.LAST_AUTHOR_KEY, lastKey, Field.Store.NO));
            }
            for (String heading : mesh) {
                boolean major = heading.startsWith("*");
                String descriptor = major ? heading.substring(1) : heading;
                d.add(new TextField(IndexFields.MESH, descriptor, Field.Store.NO));
                if (major) {
                    d.add(new TextField(IndexFields.MESH_MAJOR, descriptor, Field.Store.NO));
                }
            }
            keywords.forEach(k -> d.add(new TextField(IndexFields.KEYWORD, k, Field.Store.NO)));
            types.forEach(p -> d.add(new TextField(IndexFields.PUBLICATION_TYPE, p, Field.Store.NO)));
            d.add(new TextField(IndexFields.JOURNAL, journal, Field.Store.YES));
            d.add(new TextField(IndexFields.JOURNAL, journalAbbrev, Field.Store.NO));
            d.add(new TextField(IndexFields.JOURNAL_ABBREV, journalAbbrev, Field.Store.NO));
            d.add(new TextField(IndexFields.JOURNAL_ABBREV, journal, Field.Store.NO));
            languages.forEach(l -> d.add(new StringField(IndexFields.LANGUAGE, l.toLowerCase(Locale.ROOT), Field.Store.NO)));
            d.add(new IntPoint(IndexFields.YEAR, year));
            d.add(new StoredField(IndexFields.YEAR, year));
            ArticleDocuments.addCatchAll(d);
            ArticleDocuments.addTags(d, tags);
            try {
                return Facets.CONFIG.build(d);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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
