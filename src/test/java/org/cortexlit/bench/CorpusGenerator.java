package org.cortexlit.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Deterministic synthetic PubMed corpus for benchmarks: PubMed XML (plain or gzip, optionally with a
 * trailing {@code DeleteCitation} like an update file) and the same records as MEDLINE text.
 *
 * <p>Each record is drawn from its own random stream seeded by (seed, PMID), so the XML and MEDLINE
 * files of the same arguments hold the same records, and output is byte-identical for the same seed
 * and arguments. Records are generated and written one at a time: memory does not grow with the
 * record count. Title and abstract words follow a Zipf law (exponent 1.0) over a vocabulary of
 * {@value #VOCAB_SIZE} entries: real abstract words (resource {@code /bench/words.txt}), the field's terms
 * spread over the high ranks, and seed-derived pseudo-words for the long tail.
 *
 * <p>Not real data: journals are real titles, but ISSNs, NLM ids, DOIs, PMC ids and piis are synthetic
 * (ISSNs have valid check digits); MeSH and publication-type {@code UI} attributes are left out rather
 * than invented.
 */
public final class CorpusGenerator {

    static final int VOCAB_SIZE = 50_000;
    private static final double ZIPF_EXPONENT = 1.0;
    private static final int WRAP = 80;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private final long seed;
    private final String[] vocab;
    private final double[] vocabCdf;
    private final int[] vocabGuide;
    private final double[] journalCdf;
    private final double[] lastNameCdf;
    private final double[] meshCdf;

    public CorpusGenerator(long seed) {
        this.seed = seed;
        this.vocab = buildVocabulary(seed);
        this.vocabCdf = zipfCdf(vocab.length, ZIPF_EXPONENT);
        this.vocabGuide = guide(vocabCdf, 1 << 16);
        this.journalCdf = zipfCdf(Journal.ALL.length, 0.8);
        this.lastNameCdf = zipfCdf(Names.LAST.length, 0.9);
        this.meshCdf = zipfCdf(Mesh.TOPICAL.length, 0.9);
    }

    /** Writes {@code records} PubmedArticle elements in a PubmedArticleSet (PMIDs firstPmid, firstPmid+1, ...). */
    public void writePubmedXml(Path out, int records, long firstPmid, boolean gzip) throws IOException {
        writePubmedXml(out, records, firstPmid, gzip, new long[0]);
    }

    /** As {@link #writePubmedXml(Path, int, long, boolean)}, then a {@code DeleteCitation} with these PMIDs (none: no element). */
    public void writePubmedXml(Path out, int records, long firstPmid, boolean gzip, long[] deletedPmids) throws IOException {
        try (Writer w = open(out, gzip)) {
            w.write("<?xml version=\"1.0\" ?>\n"
                    + "<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2025//EN\" "
                    + "\"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n"
                    + "<PubmedArticleSet>\n");
            for (int i = 0; i < records; i++) {
                writeXmlRecord(w, record(firstPmid + i));
            }
            if (deletedPmids != null && deletedPmids.length > 0) {
                w.write("<DeleteCitation>\n");
                for (long pmid : deletedPmids) {
                    w.write("  <PMID Version=\"1\">");
                    w.write(Long.toString(pmid));
                    w.write("</PMID>\n");
                }
                w.write("</DeleteCitation>\n");
            }
            w.write("</PubmedArticleSet>\n");
        }
    }

    /** The same records in MEDLINE text (.nbib) format. */
    public void writeMedline(Path out, int records, long firstPmid) throws IOException {
        try (Writer w = open(out, false)) {
            for (int i = 0; i < records; i++) {
                if (i > 0) {
                    w.write('\n');
                }
                writeMedlineRecord(w, record(firstPmid + i));
            }
        }
    }

    private static Writer open(Path out, boolean gzip) throws IOException {
        OutputStream os = Files.newOutputStream(out);
        if (gzip) {
            // GZIPOutputStream writes MTIME 0 and no file name: the bytes depend on the content only (and on the
            // JDK's zlib). Fastest level: deflate at the default level costs more than generating the records.
            os = new GZIPOutputStream(os, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
        }
        return new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
    }

    // ------------------------------------------------------------------------------------------------
    // The record model

    static final class Author {
        String lastName, foreName, initials, collectiveName;
        String[] affiliations = new String[0];
    }

    static final class Heading {
        String descriptor;
        boolean major;
        String[] qualifiers = new String[0];
        boolean[] qualifierMajor = new boolean[0];
    }

    static final class Rec {
        long pmid;
        int year, month, day; // month 1-12 or 0, day or 0
        String medlineDate;   // "2006 May-Jun" instead of year/month when set
        Journal journal;
        String volume, issue, pages, doi, pii, pmc, copyright;
        String titleXml, titlePlain;
        String[] labels, categories, sectionXml, sectionPlain; // labels null: unlabelled; sectionXml empty: no abstract
        List<Author> authors = new ArrayList<>();
        String language;
        List<String> publicationTypes = new ArrayList<>();
        List<Heading> mesh = new ArrayList<>();
        List<String> keywords = new ArrayList<>();
        int completedYear, completedMonth, completedDay, revisedYear, revisedMonth, revisedDay;
    }

    /** Text built twice at once: escaped XML with inline markup, and the plain form (markup flattened). */
    private static final class Text {
        final StringBuilder xml = new StringBuilder(512);
        final StringBuilder plain = new StringBuilder(512);
        int words;

        void clear() {
            xml.setLength(0);
            plain.setLength(0);
            words = 0;
        }

        void space() {
            if (plain.length() > 0) {
                xml.append(' ');
                plain.append(' ');
            }
        }

        void token(String s) {
            space();
            escape(xml, s);
            plain.append(s);
            words++;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == ' ') {
                    words++;
                }
            }
        }

        /** A word carrying markup: {@code before} is wrapped in tag, then {@code after} follows without a space. */
        void marked(String tag, String inner, String after) {
            space();
            xml.append('<').append(tag).append('>');
            escape(xml, inner);
            xml.append("</").append(tag).append('>');
            escape(xml, after);
            plain.append(inner).append(after);
            words++;
        }

        void punct(char c) {
            xml.append(c);
            plain.append(c);
        }

        /** Makes the first letter of the text from {@code from} upper case, unless the word is like rTMS or tDCS. */
        void capitalize(int xmlFrom, int plainFrom) {
            if (plainFrom < plain.length() && xmlFrom < xml.length()) {
                char c = plain.charAt(plainFrom);
                boolean mixed = plain.length() > plainFrom + 1 && Character.isUpperCase(plain.charAt(plainFrom + 1));
                if (Character.isLowerCase(c) && !mixed && xml.charAt(xmlFrom) == c) {
                    plain.setCharAt(plainFrom, Character.toUpperCase(c));
                    xml.setCharAt(xmlFrom, Character.toUpperCase(c));
                }
            }
        }
    }

    private final Text text = new Text();

    Rec record(long pmid) {
        SplittableRandom r = new SplittableRandom(mix64(seed * 0x9E3779B97F4A7C15L + mix64(pmid)));
        Rec rec = new Rec();
        rec.pmid = pmid;

        // Years 1975-2025, skewed toward recent ones (median around 2014).
        rec.year = Math.max(1975, 2025 - (int) (51 * Math.pow(r.nextDouble(), 2.2)));
        rec.language = language(r);
        rec.journal = journal(r, rec.year, rec.language);
        double d = r.nextDouble();
        if (d < 0.03) {
            int m = r.nextInt(11);
            rec.medlineDate = rec.year + " " + MONTHS[m] + "-" + MONTHS[m + 1];
        } else if (d < 0.12) {
            rec.month = 0;
        } else {
            rec.month = 1 + r.nextInt(12);
            rec.day = r.nextDouble() < 0.3 ? 1 + r.nextInt(28) : 0;
        }
        rec.volume = Integer.toString(Math.max(1, rec.year - rec.journal.startYear + 1));
        rec.issue = rec.journal.electronic || r.nextDouble() < 0.15 ? null : Integer.toString(1 + r.nextInt(12));
        rec.pages = pages(r, rec);
        if (r.nextDouble() < 0.8) {
            rec.doi = "10." + rec.journal.doiPrefix + "/" + rec.journal.doiStem + "." + rec.year + "." + pmid;
        }
        if (!rec.journal.electronic && r.nextDouble() < 0.35) {
            rec.pii = "S" + rec.journal.issn + "(" + twoDigits(rec.year % 100) + ")" + (10000 + pmid % 90000) + "-" + (pmid % 10);
        }
        if (rec.year >= 2005 && r.nextDouble() < 0.25) {
            rec.pmc = "PMC" + (1_000_000 + pmid);
        }

        int design = publicationTypes(r, rec);
        title(r, rec, design);
        abstractText(r, rec, design);
        authors(r, rec);
        mesh(r, rec, design);
        keywords(r, rec);

        rec.completedYear = Math.min(2025, rec.year + (r.nextDouble() < 0.7 ? 0 : 1));
        rec.completedMonth = 1 + r.nextInt(12);
        rec.completedDay = 1 + r.nextInt(28);
        rec.revisedYear = Math.min(2025, rec.completedYear + r.nextInt(8));
        rec.revisedMonth = 1 + r.nextInt(12);
        rec.revisedDay = 1 + r.nextInt(28);
        if (rec.revisedYear == rec.completedYear && rec.revisedMonth * 32 + rec.revisedDay < rec.completedMonth * 32 + rec.completedDay) {
            rec.revisedMonth = rec.completedMonth;
            rec.revisedDay = rec.completedDay;
        }
        return rec;
    }

    private static String language(SplittableRandom r) {
        double u = r.nextDouble();
        if (u < 0.92) return "eng";
        if (u < 0.94) return "ger";
        if (u < 0.955) return "fre";
        if (u < 0.967) return "chi";
        if (u < 0.977) return "jpn";
        if (u < 0.985) return "spa";
        if (u < 0.990) return "ita";
        if (u < 0.995) return "rus";
        return "por";
    }

    private Journal journal(SplittableRandom r, int year, String language) {
        if (!language.equals("eng") && r.nextDouble() < 0.7) {
            for (int attempt = 0; attempt < 20; attempt++) {
                Journal j = Journal.ALL[r.nextInt(Journal.ALL.length)];
                if (j.language.equals(language) && j.startYear <= year) {
                    return j;
                }
            }
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            Journal j = Journal.ALL[sample(journalCdf, r)];
            if (j.startYear <= year) {
                return j;
            }
        }
        return Journal.ALL[0];
    }

    private static String pages(SplittableRandom r, Rec rec) {
        if (rec.journal.electronic) {
            return rec.journal.doiPrefix.equals("1371") ? "e0" + (100000 + r.nextInt(900000)) : "e" + (1 + r.nextInt(9999));
        }
        if (r.nextDouble() < 0.08) {
            return null;
        }
        int start = 1 + r.nextInt(2400);
        int end = start + 2 + r.nextInt(14);
        String s = Integer.toString(start);
        String e = Integer.toString(end);
        if (rec.year < 2012 && e.length() == s.length()) {
            // MEDLINE's old short form: 1116-22
            int common = 0;
            while (common < s.length() - 1 && s.charAt(common) == e.charAt(common)) {
                common++;
            }
            e = e.substring(common);
        }
        return s + "-" + e;
    }

    /** Design: 0 other, 1 RCT, 2 clinical trial, 3 case report, 4 review. */
    private static int publicationTypes(SplittableRandom r, Rec rec) {
        List<String> pt = rec.publicationTypes;
        double k = r.nextDouble();
        if (k < 0.01) {
            pt.add("Letter");
        } else if (k < 0.015) {
            pt.add("Editorial");
        } else if (k < 0.02) {
            pt.add("Comment");
            pt.add("Letter");
        } else {
            pt.add("Journal Article");
        }
        int design;
        double u = r.nextDouble();
        if (u < 0.10) {
            design = 1;
            pt.add("Randomized Controlled Trial");
        } else if (u < 0.15) {
            design = 2;
            pt.add("Clinical Trial");
        } else if (u < 0.20) {
            design = 3;
            pt.add("Case Reports");
        } else if (u < 0.35) {
            design = 4;
            if (u < 0.22) {
                pt.add("Systematic Review");
            } else if (u < 0.24) {
                pt.add("Meta-Analysis");
                if (r.nextBoolean()) {
                    pt.add("Systematic Review");
                }
            }
            pt.add("Review");
        } else {
            design = 0;
        }
        if (design <= 2 && r.nextDouble() < 0.1) {
            pt.add("Comparative Study");
        }
        if (r.nextDouble() < 0.22) {
            pt.add("Research Support, Non-U.S. Gov't");
        }
        if (r.nextDouble() < 0.05) {
            pt.add("Research Support, N.I.H., Extramural");
        }
        return design;
    }

    // ------------------------------------------------------------------------------------------------
    // Titles and abstracts

    private static final String[][] DESIGN_TITLE_TAIL = {
            {},
            {": a randomized, double-blind, sham-controlled trial", ": a randomized sham-controlled crossover study", ": a randomized controlled trial"},
            {": an open-label pilot study", ": a prospective clinical trial", ": a single-arm feasibility study"},
            {": a case report", ": case report and review of the literature", ": report of two cases"},
            {": a systematic review and meta-analysis", ": a review", ": a narrative review", ": an update"},
    };

    private static final String[][] DESIGN_CUES = {
            {"retrospective", "case series", "healthy volunteers", "cohort", "observational study", "open-label"},
            {"randomized", "double-blind", "sham-controlled", "sham stimulation", "crossover design", "placebo", "allocation concealment"},
            {"open-label", "single-arm", "prospective", "uncontrolled", "pilot study"},
            {"we report a case", "case report", "a patient with", "the patient", "year-old woman", "year-old man"},
            {"systematic review", "meta-analysis", "we searched PubMed, Embase and the Cochrane Library", "randomized controlled trials", "pooled analysis", "risk of bias"},
    };

    private static final String[] TOPIC_PHRASES = {
            "high-frequency rTMS over the primary motor cortex", "10 Hz rTMS of the left M1", "20 Hz rTMS",
            "1 Hz rTMS", "80% of resting motor threshold", "90% RMT", "110% of motor threshold", "10 daily sessions",
            "five consecutive days", "epidural motor cortex stimulation", "implanted epidural electrodes",
            "anodal tDCS over M1", "2 mA anodal tDCS", "intermittent theta burst stimulation", "deep TMS with an H-coil",
            "neuronavigated rTMS", "the dorsolateral prefrontal cortex", "the posterior insula", "the operculo-insular cortex",
            "the anterior cingulate cortex", "the premotor cortex", "the supplementary motor area", "the precentral gyrus",
            "the hand motor area", "central post-stroke pain", "spinal cord injury pain", "trigeminal neuropathic pain",
            "phantom limb pain", "complex regional pain syndrome", "painful polyneuropathy", "post-herpetic neuralgia",
            "fibromyalgia", "chronic migraine", "chronic low back pain", "the visual analogue scale (VAS)",
            "the numeric rating scale (NRS)", "the Brief Pain Inventory", "motor evoked potentials", "short-interval intracortical inhibition",
    };

    private static final String[][] LABEL_SCHEMES = {
            {"BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"},
            {"OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS"},
            {"BACKGROUND", "OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS"},
            {"INTRODUCTION", "PATIENTS AND METHODS", "RESULTS", "CONCLUSION"},
    };
    private static final String[][] CATEGORY_SCHEMES = {
            {"BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"},
            {"OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS"},
            {"BACKGROUND", "OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS"},
            {"BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"},
    };

    private static double share(String category) {
        return switch (category) {
            case "BACKGROUND" -> 0.18;
            case "OBJECTIVE" -> 0.10;
            case "METHODS" -> 0.30;
            case "RESULTS" -> 0.32;
            default -> 0.12;
        };
    }

    private void title(SplittableRandom r, Rec rec, int design) {
        Text t = text;
        t.clear();
        int target = (int) Math.round(12 + 3.6 * r.nextGaussian());
        target = Math.max(6, Math.min(25, target));
        String tail = null;
        String[] tails = DESIGN_TITLE_TAIL[design];
        if (tails.length > 0 && r.nextDouble() < 0.5) {
            tail = tails[r.nextInt(tails.length)];
        }
        int tailWords = tail == null ? 0 : countWords(tail);
        int body = Math.max(3, target - tailWords);
        boolean markup = r.nextDouble() < 0.03;
        int markupAt = markup ? r.nextInt(body) : -1;
        if (r.nextDouble() < 0.5) {
            t.token(TOPIC_PHRASES[r.nextInt(TOPIC_PHRASES.length)]);
            if (t.words < body) {
                t.token(r.nextBoolean() ? "in" : "for");
            }
        }
        while (t.words < body) {
            if (t.words >= markupAt && markupAt >= 0) {
                inlineMarkup(r, t);
                markupAt = -1;
            } else {
                t.token(word(r));
            }
        }
        t.capitalize(0, 0);
        if (tail != null) {
            t.xml.append(tail);
            t.plain.append(tail);
            t.words += tailWords;
        }
        t.punct('.');
        String xml = t.xml.toString();
        String plain = t.plain.toString();
        if (!rec.language.equals("eng") && r.nextDouble() < 0.9) {
            // PubMed's convention for translated titles.
            xml = "[" + xml.substring(0, xml.length() - 1) + "].";
            plain = "[" + plain.substring(0, plain.length() - 1) + "].";
        }
        rec.titleXml = xml;
        rec.titlePlain = plain;
    }

    private static void inlineMarkup(SplittableRandom r, Text t) {
        switch (r.nextInt(6)) {
            case 0 -> t.marked("i", "in vivo", "");
            case 1 -> t.marked("i", "BDNF", "");
            case 2 -> t.marked("i", "SCN9A", "");
            case 3 -> t.marked("sup", "18", "F-FDG");
            case 4 -> t.marked("sup", "11", "C-diprenorphine");
            default -> t.marked("i", "COMT", "");
        }
    }

    private void abstractText(SplittableRandom r, Rec rec, int design) {
        double kind = r.nextDouble();
        if (kind >= 0.90) {
            rec.sectionXml = new String[0];
            rec.sectionPlain = new String[0];
            return;
        }
        int target = (int) Math.round(Math.exp(Math.log(240) + 0.35 * r.nextGaussian()));
        target = Math.max(40, Math.min(800, target));
        String topic = TOPIC_PHRASES[r.nextInt(TOPIC_PHRASES.length)];
        if (kind < 0.60) {
            double s = r.nextDouble();
            int scheme = s < 0.70 ? 0 : s < 0.85 ? 1 : s < 0.95 ? 2 : 3;
            String[] labels = LABEL_SCHEMES[scheme];
            String[] cats = CATEGORY_SCHEMES[scheme];
            double total = 0;
            for (String c : cats) {
                total += share(c);
            }
            rec.labels = labels;
            rec.categories = cats;
            rec.sectionXml = new String[labels.length];
            rec.sectionPlain = new String[labels.length];
            for (int i = 0; i < labels.length; i++) {
                int words = Math.max(8, (int) Math.round(target * share(cats[i]) / total));
                paragraph(r, words, design, topic, cats[i].equals("RESULTS"));
                rec.sectionXml[i] = text.xml.toString();
                rec.sectionPlain[i] = text.plain.toString();
            }
        } else {
            paragraph(r, target, design, topic, false);
            rec.sectionXml = new String[]{text.xml.toString()};
            rec.sectionPlain = new String[]{text.plain.toString()};
        }
        if (r.nextDouble() < 0.15) {
            rec.copyright = "Copyright \u00a9 " + rec.year + " " + rec.journal.publisher + ". All rights reserved.";
        }
    }

    /** Sentences into {@link #text} until it holds at least {@code words} words. */
    private void paragraph(SplittableRandom r, int words, int design, String topic, boolean results) {
        Text t = text;
        t.clear();
        String[] cues = DESIGN_CUES[design];
        double statRate = results ? 0.10 : 0.025;
        while (t.words < words) {
            int sentence = 8 + r.nextInt(20);
            int end = Math.min(t.words + sentence, Math.max(words, t.words + 5));
            int xmlStart = t.xml.length() + (t.plain.length() > 0 ? 1 : 0);
            int plainStart = t.plain.length() + (t.plain.length() > 0 ? 1 : 0);
            boolean markup = r.nextDouble() < 0.006;
            while (t.words < end) {
                double u = r.nextDouble();
                if (u < statRate) {
                    t.token(statistic(r));
                } else if (u < statRate + 0.02) {
                    t.token(cues[r.nextInt(cues.length)]);
                } else if (u < statRate + 0.035) {
                    t.token(topic);
                } else if (markup) {
                    inlineMarkup(r, t);
                    markup = false;
                } else {
                    t.token(word(r));
                    if (r.nextDouble() < 0.05 && t.words < end - 1) {
                        t.punct(',');
                    }
                }
            }
            t.capitalize(xmlStart, plainStart);
            t.punct('.');
        }
    }

    private static String statistic(SplittableRandom r) {
        return switch (r.nextInt(9)) {
            case 0 -> "(p < 0.0" + (1 + r.nextInt(5)) + ")";
            case 1 -> "p = 0." + twoDigits(r.nextInt(100));
            case 2 -> "(n = " + (6 + r.nextInt(300)) + ")";
            case 3 -> (1 + r.nextInt(99)) + "%";
            case 4 -> "(95% CI " + (r.nextInt(3)) + "." + r.nextInt(10) + "-" + (3 + r.nextInt(5)) + "." + r.nextInt(10) + ")";
            case 5 -> (5 + r.nextInt(200)) + " patients";
            case 6 -> "mean age " + (25 + r.nextInt(50)) + " years";
            case 7 -> "SMD = -0." + twoDigits(r.nextInt(100));
            default -> (1 + r.nextInt(30)) + " sessions";
        };
    }

    private String word(SplittableRandom r) {
        return vocab[sample(vocabCdf, vocabGuide, r)];
    }

    // ------------------------------------------------------------------------------------------------
    // Authors, MeSH, keywords

    private void authors(SplittableRandom r, Rec rec) {
        int n = 1 + (int) (-Math.log(1 - r.nextDouble()) * 4.2);
        n = Math.min(15, n);
        boolean collective = r.nextDouble() < 0.02;
        int persons = collective ? Math.max(0, Math.min(n, 14) - (r.nextDouble() < 0.3 ? n : 0)) : n;
        boolean allAffiliated = rec.year >= 2014;
        for (int i = 0; i < persons; i++) {
            Author a = new Author();
            a.lastName = Names.LAST[sample(lastNameCdf, r)];
            String fore = Names.FIRST[r.nextInt(Names.FIRST.length)];
            String initials = initials(fore);
            if (r.nextDouble() < 0.25) {
                char middle = (char) ('A' + r.nextInt(26));
                fore = fore + " " + middle;
                initials = initials + middle;
            }
            a.foreName = fore;
            a.initials = initials;
            if ((allAffiliated || i == 0) && r.nextDouble() < 0.8) {
                int k = r.nextDouble() < 0.12 ? 2 : 1;
                a.affiliations = new String[k];
                for (int j = 0; j < k; j++) {
                    a.affiliations[j] = Names.affiliation(r);
                }
            }
            rec.authors.add(a);
        }
        if (collective) {
            Author a = new Author();
            a.collectiveName = Names.GROUPS[r.nextInt(Names.GROUPS.length)];
            rec.authors.add(a);
        }
    }

    static String initials(String foreName) {
        StringBuilder b = new StringBuilder(3);
        boolean start = true;
        for (int i = 0; i < foreName.length(); i++) {
            char c = foreName.charAt(i);
            if (c == ' ' || c == '-') {
                start = true;
            } else if (start) {
                b.append(Character.toUpperCase(c));
                start = false;
            }
        }
        return b.toString();
    }

    private void mesh(SplittableRandom r, Rec rec, int design) {
        int count = 5 + r.nextInt(11);
        List<String> chosen = new ArrayList<>(count);
        Set<String> seen = new HashSet<>();
        if (r.nextDouble() < 0.88) {
            add(chosen, seen, "Humans");
            if (r.nextDouble() < 0.55) add(chosen, seen, "Male");
            if (r.nextDouble() < 0.6) add(chosen, seen, "Female");
            if (r.nextDouble() < 0.45) add(chosen, seen, "Adult");
            if (r.nextDouble() < 0.4) add(chosen, seen, "Middle Aged");
            if (r.nextDouble() < 0.3) add(chosen, seen, "Aged");
            if (r.nextDouble() < 0.12) add(chosen, seen, "Young Adult");
            if (r.nextDouble() < 0.06) add(chosen, seen, "Aged, 80 and over");
        } else {
            add(chosen, seen, "Animals");
            add(chosen, seen, r.nextBoolean() ? "Rats" : "Mice");
        }
        while (chosen.size() > count - 2) {
            seen.remove(chosen.remove(chosen.size() - 1));
        }
        int checkTags = chosen.size();
        switch (design) {
            case 1 -> {
                if (r.nextDouble() < 0.7) add(chosen, seen, "Double-Blind Method");
                if (r.nextDouble() < 0.3) add(chosen, seen, "Cross-Over Studies");
            }
            case 4 -> {
                if (r.nextDouble() < 0.2) add(chosen, seen, "Randomized Controlled Trials as Topic");
            }
            default -> {
            }
        }
        while (chosen.size() < count) {
            add(chosen, seen, Mesh.TOPICAL[sample(meshCdf, r)]);
        }
        boolean anyMajor = false;
        List<Heading> headings = rec.mesh;
        for (int i = 0; i < chosen.size(); i++) {
            Heading h = new Heading();
            h.descriptor = chosen.get(i);
            if (i >= checkTags) {
                int q = r.nextDouble() < 0.5 ? 0 : r.nextDouble() < 0.7 ? 1 : 2;
                boolean major = r.nextDouble() < 0.3;
                if (q > 0) {
                    int a = r.nextInt(Mesh.QUALIFIERS.length);
                    int b = (a + 1 + r.nextInt(Mesh.QUALIFIERS.length - 1)) % Mesh.QUALIFIERS.length;
                    String qa = Mesh.QUALIFIERS[a];
                    String qb = Mesh.QUALIFIERS[b];
                    h.qualifiers = q == 1 ? new String[]{qa} : qa.compareTo(qb) < 0 ? new String[]{qa, qb} : new String[]{qb, qa};
                    h.qualifierMajor = new boolean[q];
                    if (major) {
                        h.qualifierMajor[r.nextInt(q)] = true;
                    }
                } else {
                    h.major = major;
                }
                anyMajor |= major;
            }
            headings.add(h);
        }
        if (!anyMajor && headings.size() > checkTags) {
            Heading h = headings.get(checkTags);
            if (h.qualifiers.length > 0) {
                h.qualifierMajor[0] = true;
            } else {
                h.major = true;
            }
        }
        headings.sort((x, y) -> x.descriptor.compareTo(y.descriptor));
    }

    private static void add(List<String> list, Set<String> seen, String s) {
        if (seen.add(s)) {
            list.add(s);
        }
    }

    private void keywords(SplittableRandom r, Rec rec) {
        if (r.nextDouble() >= 0.4) {
            return;
        }
        int n = 3 + r.nextInt(5);
        Set<String> seen = new HashSet<>();
        for (int guard = 0; rec.keywords.size() < n && guard < 50; guard++) {
            String k;
            if (r.nextDouble() < 0.6) {
                k = Vocabulary.KEYWORDS[r.nextInt(Vocabulary.KEYWORDS.length)];
            } else {
                int i = sample(vocabCdf, vocabGuide, r);
                if (i < 300) {
                    continue;
                }
                k = vocab[i];
            }
            if (seen.add(k.toLowerCase(Locale.ROOT))) {
                rec.keywords.add(k);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // PubMed XML

    private static void writeXmlRecord(Writer w, Rec rec) throws IOException {
        Journal j = rec.journal;
        String pmid = Long.toString(rec.pmid);
        w.write("<PubmedArticle>\n  <MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\">\n    <PMID Version=\"1\">");
        w.write(pmid);
        w.write("</PMID>\n");
        date(w, "    ", "DateCompleted", rec.completedYear, rec.completedMonth, rec.completedDay);
        date(w, "    ", "DateRevised", rec.revisedYear, rec.revisedMonth, rec.revisedDay);
        w.write(j.electronic ? "    <Article PubModel=\"Electronic\">\n" : "    <Article PubModel=\"Print-Electronic\">\n");
        w.write("      <Journal>\n        <ISSN IssnType=\"");
        w.write(j.electronic ? "Electronic" : "Print");
        w.write("\">");
        w.write(j.issn);
        w.write("</ISSN>\n        <JournalIssue CitedMedium=\"");
        w.write(j.electronic ? "Internet" : "Print");
        w.write("\">\n");
        element(w, "          ", "Volume", rec.volume);
        if (rec.issue != null) {
            element(w, "          ", "Issue", rec.issue);
        }
        w.write("          <PubDate>\n");
        if (rec.medlineDate != null) {
            element(w, "            ", "MedlineDate", rec.medlineDate);
        } else {
            element(w, "            ", "Year", Integer.toString(rec.year));
            if (rec.month > 0) {
                element(w, "            ", "Month", MONTHS[rec.month - 1]);
                if (rec.day > 0) {
                    element(w, "            ", "Day", twoDigits(rec.day));
                }
            }
        }
        w.write("          </PubDate>\n        </JournalIssue>\n");
        element(w, "        ", "Title", j.title);
        element(w, "        ", "ISOAbbreviation", j.abbreviation);
        w.write("      </Journal>\n      <ArticleTitle>");
        w.write(rec.titleXml);
        w.write("</ArticleTitle>\n");
        if (rec.pages != null) {
            w.write("      <Pagination>\n");
            element(w, "        ", "MedlinePgn", rec.pages);
            w.write("      </Pagination>\n");
        }
        if (rec.doi != null) {
            w.write("      <ELocationID EIdType=\"doi\" ValidYN=\"Y\">");
            escape(w, rec.doi);
            w.write("</ELocationID>\n");
        }
        if (rec.pii != null) {
            w.write("      <ELocationID EIdType=\"pii\" ValidYN=\"Y\">");
            escape(w, rec.pii);
            w.write("</ELocationID>\n");
        }
        if (rec.sectionXml.length > 0) {
            w.write("      <Abstract>\n");
            for (int i = 0; i < rec.sectionXml.length; i++) {
                if (rec.labels == null) {
                    w.write("        <AbstractText>");
                } else {
                    w.write("        <AbstractText Label=\"");
                    w.write(rec.labels[i]);
                    w.write("\" NlmCategory=\"");
                    w.write(rec.categories[i]);
                    w.write("\">");
                }
                w.write(rec.sectionXml[i]);
                w.write("</AbstractText>\n");
            }
            if (rec.copyright != null) {
                element(w, "        ", "CopyrightInformation", rec.copyright);
            }
            w.write("      </Abstract>\n");
        }
        if (!rec.authors.isEmpty()) {
            w.write("      <AuthorList CompleteYN=\"Y\">\n");
            for (Author a : rec.authors) {
                w.write("        <Author ValidYN=\"Y\">\n");
                if (a.collectiveName != null) {
                    element(w, "          ", "CollectiveName", a.collectiveName);
                } else {
                    element(w, "          ", "LastName", a.lastName);
                    element(w, "          ", "ForeName", a.foreName);
                    element(w, "          ", "Initials", a.initials);
                    for (String aff : a.affiliations) {
                        w.write("          <AffiliationInfo>\n");
                        element(w, "            ", "Affiliation", aff);
                        w.write("          </AffiliationInfo>\n");
                    }
                }
                w.write("        </Author>\n");
            }
            w.write("      </AuthorList>\n");
        }
        element(w, "      ", "Language", rec.language);
        w.write("      <PublicationTypeList>\n");
        for (String pt : rec.publicationTypes) {
            element(w, "        ", "PublicationType", pt);
        }
        w.write("      </PublicationTypeList>\n    </Article>\n    <MedlineJournalInfo>\n");
        element(w, "      ", "Country", j.country);
        element(w, "      ", "MedlineTA", j.abbreviation);
        element(w, "      ", "NlmUniqueID", j.nlmId);
        element(w, "      ", "ISSNLinking", j.issn);
        w.write("    </MedlineJournalInfo>\n    <CitationSubset>IM</CitationSubset>\n    <MeshHeadingList>\n");
        for (Heading h : rec.mesh) {
            w.write("      <MeshHeading>\n        <DescriptorName MajorTopicYN=\"");
            w.write(h.major ? "Y" : "N");
            w.write("\">");
            escape(w, h.descriptor);
            w.write("</DescriptorName>\n");
            for (int q = 0; q < h.qualifiers.length; q++) {
                w.write("        <QualifierName MajorTopicYN=\"");
                w.write(h.qualifierMajor[q] ? "Y" : "N");
                w.write("\">");
                escape(w, h.qualifiers[q]);
                w.write("</QualifierName>\n");
            }
            w.write("      </MeshHeading>\n");
        }
        w.write("    </MeshHeadingList>\n");
        if (!rec.keywords.isEmpty()) {
            w.write("    <KeywordList Owner=\"NOTNLM\">\n");
            for (String k : rec.keywords) {
                w.write("      <Keyword MajorTopicYN=\"N\">");
                escape(w, k);
                w.write("</Keyword>\n");
            }
            w.write("    </KeywordList>\n");
        }
        w.write("  </MedlineCitation>\n  <PubmedData>\n    <History>\n");
        int month = rec.month > 0 ? rec.month : 1;
        int day = rec.day > 0 ? rec.day : 1;
        historyDate(w, "pubmed", rec.year, month, day);
        historyDate(w, "medline", rec.completedYear, rec.completedMonth, rec.completedDay);
        historyDate(w, "entrez", rec.year, month, day);
        w.write("    </History>\n    <PublicationStatus>");
        w.write(j.electronic ? "epublish" : "ppublish");
        w.write("</PublicationStatus>\n    <ArticleIdList>\n      <ArticleId IdType=\"pubmed\">");
        w.write(pmid);
        w.write("</ArticleId>\n");
        if (rec.doi != null) {
            w.write("      <ArticleId IdType=\"doi\">");
            escape(w, rec.doi);
            w.write("</ArticleId>\n");
        }
        if (rec.pii != null) {
            w.write("      <ArticleId IdType=\"pii\">");
            escape(w, rec.pii);
            w.write("</ArticleId>\n");
        }
        if (rec.pmc != null) {
            w.write("      <ArticleId IdType=\"pmc\">");
            w.write(rec.pmc);
            w.write("</ArticleId>\n");
        }
        w.write("    </ArticleIdList>\n  </PubmedData>\n</PubmedArticle>\n");
    }

    private static void element(Writer w, String indent, String name, String value) throws IOException {
        w.write(indent);
        w.write('<');
        w.write(name);
        w.write('>');
        escape(w, value);
        w.write("</");
        w.write(name);
        w.write(">\n");
    }

    private static void date(Writer w, String indent, String name, int y, int m, int d) throws IOException {
        w.write(indent);
        w.write('<');
        w.write(name);
        w.write(">\n");
        element(w, indent + "  ", "Year", Integer.toString(y));
        element(w, indent + "  ", "Month", twoDigits(m));
        element(w, indent + "  ", "Day", twoDigits(d));
        w.write(indent);
        w.write("</");
        w.write(name);
        w.write(">\n");
    }

    private static void historyDate(Writer w, String status, int y, int m, int d) throws IOException {
        w.write("      <PubMedPubDate PubStatus=\"");
        w.write(status);
        w.write("\">\n");
        element(w, "        ", "Year", Integer.toString(y));
        element(w, "        ", "Month", Integer.toString(m));
        element(w, "        ", "Day", Integer.toString(d));
        w.write("      </PubMedPubDate>\n");
    }

    static void escape(Writer w, String s) throws IOException {
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' ? "&quot;" : null;
            if (rep != null) {
                w.write(s, start, i - start);
                w.write(rep);
                start = i + 1;
            }
        }
        w.write(s, start, s.length() - start);
    }

    static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> b.append(c);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // MEDLINE text

    private static void writeMedlineRecord(Writer w, Rec rec) throws IOException {
        Journal j = rec.journal;
        tag(w, "PMID", Long.toString(rec.pmid));
        tag(w, "OWN", "NLM");
        tag(w, "STAT", "MEDLINE");
        tag(w, "DCOM", rec.completedYear + twoDigits(rec.completedMonth) + twoDigits(rec.completedDay));
        tag(w, "LR", rec.revisedYear + twoDigits(rec.revisedMonth) + twoDigits(rec.revisedDay));
        tag(w, "IS", j.issn + (j.electronic ? " (Electronic)" : " (Print)"));
        tag(w, "IS", j.issn + " (Linking)");
        tag(w, "VI", rec.volume);
        if (rec.issue != null) {
            tag(w, "IP", rec.issue);
        }
        String dp = dp(rec);
        tag(w, "DP", dp);
        tag(w, "TI", rec.titlePlain);
        if (rec.pages != null) {
            tag(w, "PG", rec.pages);
        }
        if (rec.doi != null) {
            tag(w, "LID", rec.doi + " [doi]");
        }
        if (rec.pii != null) {
            tag(w, "LID", rec.pii + " [pii]");
        }
        if (rec.sectionPlain.length > 0) {
            String ab;
            if (rec.labels == null) {
                ab = rec.sectionPlain[0];
            } else {
                StringBuilder b = new StringBuilder(2048);
                for (int i = 0; i < rec.labels.length; i++) {
                    if (i > 0) {
                        b.append(' ');
                    }
                    b.append(rec.labels[i]).append(": ").append(rec.sectionPlain[i]);
                }
                ab = b.toString();
            }
            tag(w, "AB", ab);
            if (rec.copyright != null) {
                tag(w, "CI", rec.copyright);
            }
        }
        for (Author a : rec.authors) {
            if (a.collectiveName != null) {
                tag(w, "CN", a.collectiveName);
            } else {
                tag(w, "FAU", a.lastName + ", " + a.foreName);
                tag(w, "AU", a.lastName + " " + a.initials);
                for (String aff : a.affiliations) {
                    tag(w, "AD", aff);
                }
            }
        }
        tag(w, "LA", rec.language);
        for (String pt : rec.publicationTypes) {
            tag(w, "PT", pt);
        }
        tag(w, "PL", j.country);
        tag(w, "TA", j.abbreviation);
        tag(w, "JT", j.title);
        tag(w, "JID", j.nlmId);
        tag(w, "SB", "IM");
        StringBuilder mh = new StringBuilder(80);
        for (Heading h : rec.mesh) {
            mh.setLength(0);
            if (h.major) {
                mh.append('*');
            }
            mh.append(h.descriptor);
            for (int q = 0; q < h.qualifiers.length; q++) {
                mh.append('/');
                if (h.qualifierMajor[q]) {
                    mh.append('*');
                }
                mh.append(h.qualifiers[q]);
            }
            tag(w, "MH", mh.toString());
        }
        if (rec.pmc != null) {
            tag(w, "PMC", rec.pmc);
        }
        if (!rec.keywords.isEmpty()) {
            tag(w, "OTO", "NOTNLM");
            for (String k : rec.keywords) {
                tag(w, "OT", k);
            }
        }
        int month = rec.month > 0 ? rec.month : 1;
        int day = rec.day > 0 ? rec.day : 1;
        String entrez = rec.year + "/" + twoDigits(month) + "/" + twoDigits(day) + " 00:00";
        tag(w, "EDAT", entrez);
        tag(w, "MHDA", rec.completedYear + "/" + twoDigits(rec.completedMonth) + "/" + twoDigits(rec.completedDay) + " 00:01");
        tag(w, "CRDT", entrez);
        if (rec.doi != null) {
            tag(w, "AID", rec.doi + " [doi]");
        }
        if (rec.pii != null) {
            tag(w, "AID", rec.pii + " [pii]");
        }
        tag(w, "PST", j.electronic ? "epublish" : "ppublish");
        StringBuilder so = new StringBuilder(120);
        so.append(j.abbreviation).append(". ").append(dp).append(';').append(rec.volume);
        if (rec.issue != null) {
            so.append('(').append(rec.issue).append(')');
        }
        if (rec.pages != null) {
            so.append(':').append(rec.pages);
        }
        so.append('.');
        if (rec.doi != null) {
            so.append(" doi: ").append(rec.doi).append('.');
        }
        tag(w, "SO", so.toString());
    }

    private static String dp(Rec rec) {
        if (rec.medlineDate != null) {
            return rec.medlineDate;
        }
        if (rec.month == 0) {
            return Integer.toString(rec.year);
        }
        String s = rec.year + " " + MONTHS[rec.month - 1];
        return rec.day > 0 ? s + " " + rec.day : s;
    }

    private static final String[] TAG_PREFIX = new String[5];

    static {
        for (int n = 1; n <= 4; n++) {
            TAG_PREFIX[n] = "    ".substring(n);
        }
    }

    /** "TAG - value", wrapped at spaces to lines of at most {@value #WRAP} characters, continuation indented six spaces. */
    static void tag(Writer w, String tag, String value) throws IOException {
        w.write(tag);
        w.write(TAG_PREFIX[tag.length()]);
        w.write("- ");
        int width = WRAP - 6;
        int start = 0;
        int len = value.length();
        while (len - start > width) {
            int cut = value.lastIndexOf(' ', start + width);
            if (cut <= start) {
                cut = value.indexOf(' ', start + width);
                if (cut < 0) {
                    break;
                }
            }
            w.write(value, start, cut - start);
            w.write("\n      ");
            start = cut + 1;
        }
        w.write(value, start, len - start);
        w.write('\n');
    }

    // ------------------------------------------------------------------------------------------------
    // Vocabulary and sampling

    private static String[] buildVocabulary(long seed) {
        List<String> common = readWords();
        String[] field = Vocabulary.FIELD_TERMS;
        LinkedHashSet<String> ranked = new LinkedHashSet<>(VOCAB_SIZE * 2);
        Set<String> fieldLower = new HashSet<>();
        for (String f : field) {
            fieldLower.add(f.toLowerCase(Locale.ROOT));
        }
        int fi = 0;
        int ci = 0;
        while (fi < field.length || ci < common.size()) {
            // Field term i goes to rank 12 + 6i + i^2/4: rank 12 for "pain", ~1000 for the 50th, ~4300 for the 120th.
            int due = 12 + 6 * fi + fi * fi / 4;
            if (fi < field.length && (ranked.size() >= due || ci >= common.size())) {
                ranked.add(field[fi++]);
            } else {
                String c = common.get(ci++);
                if (!fieldLower.contains(c)) {
                    ranked.add(c);
                }
            }
        }
        SplittableRandom r = new SplittableRandom(mix64(seed ^ 0x5DEECE66DL));
        Set<String> lower = new HashSet<>(VOCAB_SIZE * 2);
        for (String s : ranked) {
            lower.add(s.toLowerCase(Locale.ROOT));
        }
        while (ranked.size() < VOCAB_SIZE) {
            String p = pseudoWord(r);
            if (lower.add(p.toLowerCase(Locale.ROOT))) {
                ranked.add(p);
            }
        }
        return ranked.toArray(new String[0]);
    }

    private static List<String> readWords() {
        try (InputStream in = CorpusGenerator.class.getResourceAsStream("/bench/words.txt")) {
            if (in == null) {
                throw new IllegalStateException("Missing resource /bench/words.txt");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> words = new ArrayList<>(5000);
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line);
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
            "br", "cl", "dr", "fl", "gr", "kr", "pl", "pr", "sk", "st", "tr", "th", "ph", "ch", "", ""};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "e", "i", "o", "ae", "io", "ou", "y"};
    private static final String[] CODAS = {"", "", "", "", "n", "r", "s", "l", "x", "m", "t", "st", "nd"};
    private static final String[] SUFFIXES = {"", "", "", "", "ase", "ine", "itis", "osis", "al", "ic", "ergic", "ide",
            "one", "amine", "ology", "ectomy", "ium", "ation", "ous", "oid"};
    private static final String LETTERS = "ABCDEFGHIKLMNPRSTVWXZ";

    private static String pseudoWord(SplittableRandom r) {
        StringBuilder b = new StringBuilder(14);
        if (r.nextDouble() < 0.08) {
            // gene/protein-like symbols: KRT14, NAV3B
            int n = 2 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                b.append(LETTERS.charAt(r.nextInt(LETTERS.length())));
            }
            b.append(1 + r.nextInt(30));
            if (r.nextDouble() < 0.2) {
                b.append(LETTERS.charAt(r.nextInt(4)));
            }
            return b.toString();
        }
        int syllables = 2 + r.nextInt(3);
        for (int i = 0; i < syllables; i++) {
            b.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
            if (i == syllables - 1 || r.nextDouble() < 0.3) {
                b.append(CODAS[r.nextInt(CODAS.length)]);
            }
        }
        b.append(SUFFIXES[r.nextInt(SUFFIXES.length)]);
        return b.toString();
    }

    static double[] zipfCdf(int n, double exponent) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += exponent == 1.0 ? 1.0 / (i + 1) : Math.pow(i + 1, -exponent);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        cdf[n - 1] = 1.0;
        return cdf;
    }

    /** guide[k] = the first index whose cumulative probability reaches k / guide.length. */
    static int[] guide(double[] cdf, int size) {
        int[] g = new int[size];
        int i = 0;
        for (int k = 0; k < size; k++) {
            double u = (double) k / size;
            while (cdf[i] < u) {
                i++;
            }
            g[k] = i;
        }
        return g;
    }

    /** The same draw as {@link #sample(double[], SplittableRandom)}, in a step or two instead of a binary search. */
    static int sample(double[] cdf, int[] guide, SplittableRandom r) {
        double u = r.nextDouble();
        int i = guide[(int) (u * guide.length)];
        while (cdf[i] < u) {
            i++;
        }
        return i;
    }

    static int sample(double[] cdf, SplittableRandom r) {
        int i = Arrays.binarySearch(cdf, r.nextDouble());
        return i >= 0 ? i : Math.min(cdf.length - 1, -i - 1);
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static int countWords(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean ws = s.charAt(i) == ' ';
            if (!ws && !in) {
                n++;
            }
            in = !ws;
        }
        return n;
    }

    private static String twoDigits(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    // ------------------------------------------------------------------------------------------------
    // Fixed lists

    static final class Journal {
        final String title, abbreviation, country, publisher, doiPrefix, doiStem, language, issn, nlmId;
        final int startYear;
        final boolean electronic;

        private Journal(int index, String title, String abbreviation, String country, int startYear, String publisher,
                        String doiPrefix, String doiStem, boolean electronic, String language) {
            this.title = title;
            this.abbreviation = abbreviation;
            this.country = country;
            this.startYear = startYear;
            this.publisher = publisher;
            this.doiPrefix = doiPrefix;
            this.doiStem = doiStem;
            this.electronic = electronic;
            this.language = language;
            this.issn = syntheticIssn(index);
            this.nlmId = Integer.toString(7_500_000 + index * 104_729 % 2_000_000) + (index % 3 == 0 ? "R" : "");
        }

        private static String syntheticIssn(int index) {
            int base = 1_000_000 + (int) ((index * 7_368_787L) % 8_999_999);
            String digits = Integer.toString(base);
            int sum = 0;
            for (int i = 0; i < 7; i++) {
                sum += (digits.charAt(i) - '0') * (8 - i);
            }
            int check = (11 - sum % 11) % 11;
            return digits.substring(0, 4) + "-" + digits.substring(4) + (check == 10 ? "X" : Integer.toString(check));
        }

        private static Journal j(String title, String abbreviation, String country, int start, String publisher,
                                 String prefix, String stem, boolean electronic, String language) {
            return new Journal(counter++, title, abbreviation, country, start, publisher, prefix, stem, electronic, language);
        }

        private static int counter;

        static final Journal[] ALL = {
                j("Pain", "Pain", "United States", 1975, "International Association for the Study of Pain", "1097", "j.pain", false, "eng"),
                j("Brain stimulation", "Brain Stimul", "United States", 2008, "Elsevier Inc", "1016", "j.brs", false, "eng"),
                j("Clinical neurophysiology : official journal of the International Federation of Clinical Neurophysiology", "Clin Neurophysiol", "Netherlands", 1999, "International Federation of Clinical Neurophysiology", "1016", "j.clinph", false, "eng"),
                j("European journal of pain (London, England)", "Eur J Pain", "England", 1997, "European Pain Federation - EFIC\u00ae", "1002", "ejp", false, "eng"),
                j("The journal of pain", "J Pain", "United States", 2000, "United States Association for the Study of Pain, Inc", "1016", "j.jpain", false, "eng"),
                j("Neuromodulation : journal of the International Neuromodulation Society", "Neuromodulation", "United States", 1998, "International Neuromodulation Society", "1016", "j.neurom", false, "eng"),
                j("Neurophysiologie clinique = Clinical neurophysiology", "Neurophysiol Clin", "France", 1988, "Elsevier Masson SAS", "1016", "j.neucli", false, "fre"),
                j("The Clinical journal of pain", "Clin J Pain", "United States", 1985, "Wolters Kluwer Health, Inc", "1097", "AJP", false, "eng"),
                j("Pain medicine (Malden, Mass.)", "Pain Med", "England", 2000, "American Academy of Pain Medicine", "1093", "pm", false, "eng"),
                j("Pain physician", "Pain Physician", "United States", 1998, "American Society of Interventional Pain Physicians", "36076", "ppj", false, "eng"),
                j("Journal of pain research", "J Pain Res", "New Zealand", 2008, "Dove Medical Press", "2147", "JPR", true, "eng"),
                j("Neurology", "Neurology", "United States", 1951, "American Academy of Neurology", "1212", "WNL", false, "eng"),
                j("Brain : a journal of neurology", "Brain", "England", 1878, "Oxford University Press", "1093", "brain", false, "eng"),
                j("Journal of neurosurgery", "J Neurosurg", "United States", 1944, "American Association of Neurological Surgeons", "3171", "jns", false, "eng"),
                j("Neurosurgery", "Neurosurgery", "United States", 1977, "Congress of Neurological Surgeons", "1227", "neu", false, "eng"),
                j("Stereotactic and functional neurosurgery", "Stereotact Funct Neurosurg", "Switzerland", 1976, "S. Karger AG, Basel", "1159", "sfn", false, "eng"),
                j("Acta neurochirurgica", "Acta Neurochir (Wien)", "Austria", 1950, "Springer-Verlag", "1007", "s00701", false, "eng"),
                j("Frontiers in neurology", "Front Neurol", "Switzerland", 2010, "Frontiers Media SA", "3389", "fneur", true, "eng"),
                j("Frontiers in human neuroscience", "Front Hum Neurosci", "Switzerland", 2007, "Frontiers Media SA", "3389", "fnhum", true, "eng"),
                j("Frontiers in neuroscience", "Front Neurosci", "Switzerland", 2007, "Frontiers Media SA", "3389", "fnins", true, "eng"),
                j("PloS one", "PLoS One", "United States", 2006, "PLOS", "1371", "journal.pone", true, "eng"),
                j("Scientific reports", "Sci Rep", "England", 2011, "Springer Nature Limited", "1038", "s41598", true, "eng"),
                j("NeuroImage", "Neuroimage", "United States", 1992, "Elsevier Inc", "1016", "j.neuroimage", false, "eng"),
                j("Human brain mapping", "Hum Brain Mapp", "United States", 1993, "Wiley Periodicals, Inc", "1002", "hbm", false, "eng"),
                j("Journal of neurology, neurosurgery, and psychiatry", "J Neurol Neurosurg Psychiatry", "England", 1944, "BMJ Publishing Group Ltd", "1136", "jnnp", false, "eng"),
                j("Journal of neurology", "J Neurol", "Germany", 1974, "Springer-Verlag GmbH Germany", "1007", "s00415", false, "eng"),
                j("European journal of neurology", "Eur J Neurol", "England", 1994, "European Academy of Neurology", "1111", "ene", false, "eng"),
                j("Neuroscience letters", "Neurosci Lett", "Ireland", 1975, "Elsevier B.V", "1016", "j.neulet", false, "eng"),
                j("Experimental brain research", "Exp Brain Res", "Germany", 1966, "Springer-Verlag", "1007", "s00221", false, "eng"),
                j("The Journal of physiology", "J Physiol", "England", 1878, "The Physiological Society", "1113", "jphysiol", false, "eng"),
                j("Journal of neurophysiology", "J Neurophysiol", "United States", 1938, "the American Physiological Society", "1152", "jn", false, "eng"),
                j("Cortex; a journal devoted to the study of the nervous system and behavior", "Cortex", "Italy", 1964, "Elsevier Ltd", "1016", "j.cortex", false, "eng"),
                j("Cerebral cortex (New York, N.Y. : 1991)", "Cereb Cortex", "United States", 1991, "Oxford University Press", "1093", "cercor", false, "eng"),
                j("Stroke", "Stroke", "United States", 1970, "American Heart Association, Inc", "1161", "STROKEAHA", false, "eng"),
                j("Archives of physical medicine and rehabilitation", "Arch Phys Med Rehabil", "United States", 1975, "American Congress of Rehabilitation Medicine", "1016", "j.apmr", false, "eng"),
                j("American journal of physical medicine & rehabilitation", "Am J Phys Med Rehabil", "United States", 1988, "Wolters Kluwer Health, Inc", "1097", "PHM", false, "eng"),
                j("Neurorehabilitation and neural repair", "Neurorehabil Neural Repair", "United States", 1999, "The Author(s)", "1177", "1545968", false, "eng"),
                j("Journal of neuroengineering and rehabilitation", "J Neuroeng Rehabil", "England", 2004, "The Author(s)", "1186", "s12984", true, "eng"),
                j("Arthritis and rheumatism", "Arthritis Rheum", "United States", 1958, "American College of Rheumatology", "1002", "art", false, "eng"),
                j("Rheumatology (Oxford, England)", "Rheumatology (Oxford)", "England", 1999, "The Author(s)", "1093", "rheumatology", false, "eng"),
                j("Clinical and experimental rheumatology", "Clin Exp Rheumatol", "Italy", 1983, "Clinical and Experimental Rheumatology", "55563", "cer", false, "eng"),
                j("Cephalalgia : an international journal of headache", "Cephalalgia", "England", 1981, "International Headache Society", "1177", "0333102", false, "eng"),
                j("Headache", "Headache", "United States", 1961, "American Headache Society", "1111", "head", false, "eng"),
                j("The journal of headache and pain", "J Headache Pain", "England", 2000, "The Author(s)", "1186", "s10194", true, "eng"),
                j("Spinal cord", "Spinal Cord", "England", 1996, "International Spinal Cord Society", "1038", "sc", false, "eng"),
                j("Journal of neurotrauma", "J Neurotrauma", "United States", 1988, "Mary Ann Liebert, Inc", "1089", "neu", false, "eng"),
                j("Biological psychiatry", "Biol Psychiatry", "United States", 1969, "Society of Biological Psychiatry", "1016", "j.biopsych", false, "eng"),
                j("The American journal of psychiatry", "Am J Psychiatry", "United States", 1975, "American Psychiatric Association", "1176", "appi.ajp", false, "eng"),
                j("Journal of affective disorders", "J Affect Disord", "Netherlands", 1979, "Elsevier B.V", "1016", "j.jad", false, "eng"),
                j("Depression and anxiety", "Depress Anxiety", "United States", 1997, "Wiley Periodicals, Inc", "1002", "da", false, "eng"),
                j("Neuropsychopharmacology : official publication of the American College of Neuropsychopharmacology", "Neuropsychopharmacology", "England", 1987, "American College of Neuropsychopharmacology", "1038", "s41386", false, "eng"),
                j("The Lancet. Neurology", "Lancet Neurol", "England", 2002, "Elsevier Ltd", "1016", "S1474-4422", false, "eng"),
                j("The Cochrane database of systematic reviews", "Cochrane Database Syst Rev", "England", 1996, "The Cochrane Collaboration", "1002", "14651858.CD", true, "eng"),
                j("BMJ open", "BMJ Open", "England", 2011, "BMJ Publishing Group Ltd", "1136", "bmjopen", true, "eng"),
                j("Trials", "Trials", "England", 2000, "The Author(s)", "1186", "s13063", true, "eng"),
                j("Neural plasticity", "Neural Plast", "United States", 1998, "Hindawi", "1155", "np", true, "eng"),
                j("Brain sciences", "Brain Sci", "Switzerland", 2011, "MDPI", "3390", "brainsci", true, "eng"),
                j("Journal of clinical medicine", "J Clin Med", "Switzerland", 2012, "MDPI", "3390", "jcm", true, "eng"),
                j("Pain reports", "Pain Rep", "United States", 2016, "International Association for the Study of Pain", "1097", "PR9", true, "eng"),
                j("Somatosensory & motor research", "Somatosens Mot Res", "England", 1984, "Taylor & Francis", "1080", "08990220", false, "eng"),
                j("Revue neurologique", "Rev Neurol (Paris)", "France", 1893, "Elsevier Masson SAS", "1016", "j.neurol", false, "fre"),
                j("Der Schmerz", "Schmerz", "Germany", 1987, "Springer Medizin Verlag GmbH", "1007", "s00482", false, "ger"),
                j("Der Nervenarzt", "Nervenarzt", "Germany", 1928, "Springer Medizin Verlag GmbH", "1007", "s00115", false, "ger"),
                j("Zhonghua yi xue za zhi", "Zhonghua Yi Xue Za Zhi", "China", 1950, "Chinese Medical Association", "3760", "cma.j.issn.0376-2491", false, "chi"),
                j("No shinkei geka. Neurological surgery", "No Shinkei Geka", "Japan", 1973, "Igaku-Shoin", "11477", "NSG", false, "jpn"),
                j("Revista de neurologia", "Rev Neurol", "Spain", 1974, "Revista de Neurolog\u00eda", "33588", "rn", false, "spa"),
                j("Recenti progressi in medicina", "Recenti Prog Med", "Italy", 1946, "Il Pensiero Scientifico Editore", "1701", "rpm", false, "ita"),
                j("Zhurnal nevrologii i psikhiatrii imeni S.S. Korsakova", "Zh Nevrol Psikhiatr Im S S Korsakova", "Russia (Federation)", 1952, "Media Sphera", "17116", "jnevro", false, "rus"),
                j("Arquivos de neuro-psiquiatria", "Arq Neuropsiquiatr", "Brazil", 1943, "Academia Brasileira de Neurologia", "1590", "0004-282X", false, "por"),
        };
    }

    static final class Names {
        /** Surnames, most frequent first (sampled with a Zipf law); the field's prolific authors among them. */
        static final String[] LAST = {
                "Wang", "Li", "Zhang", "Lefaucheur", "Liu", "Chen", "Smith", "Garcia-Larrea", "Kim", "Nguyen", "Yang",
                "M\u00fcller", "Andr\u00e9-Obadia", "Fregni", "Lee", "Hosomi", "Saitoh", "Attal", "Ayache", "Johnson",
                "Rossi", "Martin", "Brown", "Leung", "Galhardoni", "Pommier", "Mylius", "Lima", "Tanaka", "Yamamoto",
                "Garc\u00eda", "Fern\u00e1ndez", "Rodr\u00edguez", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
                "Dubois", "Bernard", "Moreau", "Laurent", "Peyron", "Bouhassira", "Nuti", "Mertens", "Khedr",
                "Passard", "Picarelli", "Lindholm", "Ahmed", "Singh", "Kumar", "Patel", "Sato", "Suzuki", "Takahashi",
                "Watanabe", "Ito", "Nakamura", "O'Brien", "O'Connell", "Murphy", "Kelly", "Williams", "Jones", "Davis",
                "Miller", "Wilson", "Moore", "Taylor", "Anderson", "Thomas", "Jackson", "White", "Harris", "Thompson",
                "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker",
                "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner",
                "Torres", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Rogers", "Reed", "Cook", "Morgan",
                "Bell", "Cooper", "Richardson", "Cox", "Howard", "Ward", "Peterson", "Gray", "Ramirez", "James",
                "Watson", "Brooks", "Sanders", "Price", "Bennett", "Wood", "Barnes", "Ross", "Henderson", "Coleman",
                "Jenkins", "Perry", "Powell", "Long", "Patterson", "Hughes", "Flores", "Washington", "Butler", "Simmons",
                "Foster", "Gonzales", "Bryant", "Alexander", "Russell", "Griffin", "Diaz", "Hayes", "Hansen", "Jensen",
                "Nielsen", "Pedersen", "Andersen", "Larsen", "S\u00f8rensen", "Johansson", "Karlsson", "Nilsson",
                "Eriksson", "Virtanen", "Korhonen", "M\u00e4kinen", "Nowak", "Kowalski", "Wi\u015bniewski", "Novak",
                "Horv\u00e1th", "Ivanov", "Smirnov", "Popescu", "Papadopoulos", "Yilmaz", "Kaya", "Demir", "Cohen",
                "Levi", "Mizrahi", "Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Ferreira", "Almeida",
                "Carvalho", "Gomes", "Ribeiro", "Martins", "Rocha", "Romano", "Colombo", "Ricci", "Marino", "Greco",
                "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
                "Van der Berg", "De Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "De Jong", "Mulder",
                "Peeters", "Maes", "Claes", "Wouters", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu",
                "Guo", "He", "Lin", "Luo", "Gao", "Zheng", "Liang", "Xie", "Tang", "Han", "Cao", "Deng", "Feng",
                "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Shin", "Han", "Oh", "Seo", "Kwon",
                "Hwang", "Song", "Ahn", "Yoo", "Hong", "Jeon", "Moon", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu",
                "Mohammadi", "Hosseini", "Ahmadi", "Rezaei", "Hassan", "Ali", "Ibrahim", "Mahmoud", "Sharma", "Gupta",
                "Das", "Reddy", "Rao", "Mehta", "Shah", "Joshi", "Iyer", "Nair", "Menon", "Bose", "Sen", "Chatterjee",
        };

        static final String[] FIRST = {
                "Jean-Pascal", "Luis", "Felipe", "Koichi", "Youichi", "Nadine", "Samar", "Caroline", "Xavier", "Roland",
                "Didier", "Alaa", "Ana", "Julie", "David", "Michael", "John", "Robert", "James", "William", "Mary",
                "Jennifer", "Linda", "Elizabeth", "Susan", "Maria", "Anna", "Laura", "Sarah", "Emma", "Sophie",
                "Thomas", "Peter", "Paul", "Mark", "Daniel", "Matthew", "Andrew", "Christopher", "Joseph", "Richard",
                "Yu", "Wei", "Jing", "Li", "Ming", "Xiaoyu", "Hui", "Yan", "Jun", "Lei", "Zhi Rong", "Min-Jung",
                "Ji-Hoon", "Seung", "Hyun", "Hiroshi", "Takashi", "Yuki", "Kenji", "Akira", "Satoshi", "Naoki",
                "Giovanni", "Marco", "Francesca", "Chiara", "Alessandro", "Luca", "Giulia", "Matteo", "Andrea",
                "Fran\u00e7ois", "Fran\u00e7oise", "J\u00e9r\u00f4me", "C\u00e9line", "H\u00e9l\u00e8ne", "Ren\u00e9",
                "Jos\u00e9", "Mar\u00eda", "Jes\u00fas", "Luc\u00eda", "Javier", "Carmen", "Pablo", "Jo\u00e3o",
                "Gon\u00e7alo", "In\u00eas", "Rafael", "Fernanda", "Beatriz", "Klaus", "J\u00fcrgen", "Stefan",
                "Andreas", "Katrin", "Birgit", "Ulrike", "Lars", "Nils", "Ingrid", "Bj\u00f6rn", "Sigrid", "Mikko",
                "Aino", "Piotr", "Katarzyna", "Tom\u00e1\u0161", "Ivan", "Olga", "Dmitry", "Ahmed", "Mohamed",
                "Fatima", "Omar", "Reza", "Ali", "Priya", "Rahul", "Anil", "Sunita", "Deepak", "Avi", "Noa", "Yael",
                "Mehmet", "Ay\u015fe", "Elif", "Nikos", "Eleni", "Hans-Peter", "Karl-Heinz", "Marie-Claire",
                "Anne-Sophie", "Jan", "Pieter", "Sanne", "Bram", "Minh", "Thi Thu", "Quang", "Lin", "Kai",
        };

        static final String[] GROUPS = {
                "NeuPSIG", "European Academy of Neurology", "French Society of Neurophysiology",
                "International Federation of Clinical Neurophysiology", "CortexPain Study Group",
                "Neuromodulation Appropriateness Consensus Committee", "rTMS in Chronic Pain Consortium",
                "EFIC Task Force on Neuromodulation", "Stroke Pain Research & Outcomes Network",
        };

        private static final String[] DEPARTMENTS = {
                "Department of Neurology", "Department of Neurosurgery", "Department of Physiology",
                "Department of Anesthesiology", "Pain Center", "Department of Psychiatry", "Department of Neuroscience",
                "Department of Physical Medicine & Rehabilitation", "Service de Physiologie, Explorations Fonctionnelles",
                "Department of Clinical Neurophysiology", "Laboratory of Neuromodulation", "Department of Rheumatology",
                "Division of Pain Medicine", "Institute of Neurology", "Department of Radiology",
        };

        private static final String[] INSTITUTIONS = {
                "Henri Mondor Hospital, Assistance Publique - H\u00f4pitaux de Paris, Cr\u00e9teil, France",
                "Lyon Neuroscience Research Center, Inserm U1028, Lyon, France",
                "Osaka University Graduate School of Medicine, Osaka, Japan",
                "University of S\u00e3o Paulo, S\u00e3o Paulo, Brazil",
                "Spaulding Rehabilitation Hospital, Harvard Medical School, Boston, MA, USA",
                "University College London, London, UK",
                "Charit\u00e9 - Universit\u00e4tsmedizin Berlin, Berlin, Germany",
                "Karolinska Institutet, Stockholm, Sweden",
                "University of Toronto, Toronto, ON, Canada",
                "Peking University, Beijing, China",
                "Sun Yat-sen University, Guangzhou, China",
                "Seoul National University College of Medicine, Seoul, Korea",
                "University of Melbourne, Melbourne, Australia",
                "Assiut University Hospital, Assiut, Egypt",
                "Universit\u00e9 de Bordeaux, Bordeaux, France",
                "University of Milan, Milan, Italy",
                "Radboud University Medical Center, Nijmegen, The Netherlands",
                "Aarhus University Hospital, Aarhus, Denmark",
                "University of California, San Francisco, CA, USA",
                "Mayo Clinic, Rochester, MN, USA",
                "McGill University, Montreal, QC, Canada",
                "Hospital Universitario La Paz, Madrid, Spain",
                "All India Institute of Medical Sciences, New Delhi, India",
                "Tehran University of Medical Sciences, Tehran, Iran",
                "Hacettepe University, Ankara, Turkey",
                "University of Helsinki, Helsinki, Finland",
                "Medical University of Vienna, Vienna, Austria",
                "University of Z\u00fcrich, Z\u00fcrich, Switzerland",
                "National Taiwan University Hospital, Taipei, Taiwan",
                "Monash University, Melbourne, Australia",
        };

        static String affiliation(SplittableRandom r) {
            return DEPARTMENTS[r.nextInt(DEPARTMENTS.length)] + ", " + INSTITUTIONS[r.nextInt(INSTITUTIONS.length)] + ".";
        }
    }

    static final class Mesh {
        static final String[] QUALIFIERS = {
                "therapy", "methods", "physiopathology", "physiology", "drug therapy", "etiology", "diagnosis",
                "adverse effects", "psychology", "complications", "surgery", "diagnostic imaging", "instrumentation",
                "rehabilitation", "epidemiology", "pathology", "metabolism", "standards", "statistics & numerical data",
                "trends", "blood supply", "innervation",
        };

        /** Non-check-tag descriptors, most frequent first (sampled with a Zipf law). */
        static final String[] TOPICAL = {
                "Transcranial Magnetic Stimulation", "Chronic Pain", "Neuralgia", "Motor Cortex", "Treatment Outcome",
                "Pain Measurement", "Pain Management", "Prefrontal Cortex", "Fibromyalgia", "Stroke",
                "Transcranial Direct Current Stimulation", "Electric Stimulation Therapy", "Deep Brain Stimulation",
                "Evoked Potentials, Motor", "Pain", "Implantable Neurostimulators", "Electrodes, Implanted",
                "Cerebral Cortex", "Spinal Cord Injuries", "Trigeminal Neuralgia", "Phantom Limb",
                "Complex Regional Pain Syndromes", "Neuralgia, Postherpetic", "Polyneuropathies", "Migraine Disorders",
                "Low Back Pain", "Depression", "Depressive Disorder, Major", "Quality of Life", "Follow-Up Studies",
                "Retrospective Studies", "Prospective Studies", "Cross-Over Studies", "Single-Blind Method",
                "Placebo Effect", "Analgesics", "Analgesics, Opioid", "Hyperalgesia", "Pain Threshold",
                "Somatosensory Cortex", "Insular Cortex", "Gyrus Cinguli", "Thalamus", "Brain Mapping",
                "Magnetic Resonance Imaging", "Positron-Emission Tomography", "Electroencephalography",
                "Electromyography", "Neuronal Plasticity", "Cortical Excitability", "Neural Inhibition",
                "Functional Laterality", "Time Factors", "Reproducibility of Results", "Severity of Illness Index",
                "Surveys and Questionnaires", "Neuronavigation", "Spinal Cord Stimulation", "Stroke Rehabilitation",
                "Paresis", "Hemiplegia", "Multiple Sclerosis", "Parkinson Disease", "Tinnitus", "Headache",
                "Facial Pain", "Burning Mouth Syndrome", "Osteoarthritis, Knee", "Irritable Bowel Syndrome",
                "Musculoskeletal Pain", "Neck Pain", "Cancer Pain", "Diabetic Neuropathies", "Sciatica",
                "Central Nervous System Diseases", "Brain Diseases", "Brain Injuries, Traumatic", "Neuroimaging",
                "Neural Pathways", "Nociception", "Nociceptors", "Receptors, Opioid", "Endorphins",
                "Brain-Derived Neurotrophic Factor", "Polymorphism, Single Nucleotide", "Genotype",
                "Catechol O-Methyltransferase", "Glutamic Acid", "gamma-Aminobutyric Acid", "Cognition",
                "Anxiety", "Sleep Wake Disorders", "Fatigue", "Catastrophization", "Attention", "Emotions",
                "Movement", "Hand", "Upper Extremity", "Lower Extremity", "Muscle, Skeletal", "Reaction Time",
                "Psychomotor Performance", "Learning", "Memory", "Neuropsychological Tests", "Patient Satisfaction",
                "Cost-Benefit Analysis", "Combined Modality Therapy", "Physical Therapy Modalities",
                "Exercise Therapy", "Virtual Reality", "Mirror Neurons", "Feedback, Sensory", "Sensation",
                "Somatosensory Disorders", "Touch", "Hot Temperature", "Cold Temperature", "Vibration",
                "Sensory Thresholds", "Differential Threshold", "Physical Stimulation", "Electric Stimulation",
                "Magnetic Field Therapy", "Electroconvulsive Therapy", "Neurosurgical Procedures",
                "Postoperative Complications", "Seizures", "Epilepsy", "Headache Disorders", "Syncope",
                "Infarction, Middle Cerebral Artery", "Brain Ischemia", "Cerebral Hemorrhage", "Thalamic Diseases",
                "Pain, Intractable", "Pain, Postoperative", "Acute Pain", "Arthralgia", "Myalgia",
                "Spinal Cord Diseases", "Syringomyelia", "Amputation, Surgical", "Brachial Plexus Neuropathies",
                "Peripheral Nervous System Diseases", "Nerve Block", "Botulinum Toxins, Type A", "Ketamine",
                "Gabapentin", "Pregabalin", "Amitriptyline", "Duloxetine Hydrochloride", "Lidocaine",
                "Morphine", "Naloxone", "Opioid-Related Disorders", "Substance-Related Disorders",
                "Meta-Analysis as Topic", "Randomized Controlled Trials as Topic", "Clinical Trials as Topic",
                "Evidence-Based Medicine", "Practice Guidelines as Topic", "Research Design", "Sample Size",
                "Data Interpretation, Statistical", "Models, Neurological", "Computer Simulation",
                "Disease Models, Animal", "Rats, Sprague-Dawley", "Neurons", "Astrocytes", "Microglia",
                "Neuroglia", "Synaptic Transmission", "Long-Term Potentiation", "Long-Term Synaptic Depression",
                "Action Potentials", "Cerebrovascular Circulation", "Oxygen", "Spectroscopy, Near-Infrared",
                "Biomarkers", "Prognosis", "Risk Factors", "Incidence", "Prevalence", "Age Factors", "Sex Factors",
                "Outpatients", "Inpatients", "Hospitalization", "Home Care Services", "Patient Selection",
                "Feasibility Studies", "Pilot Projects", "Recurrence", "Remission Induction",
        };
    }

    static final class Vocabulary {
        /** The field's terms, most frequent first; placed among the high ranks of the Zipf vocabulary. */
        static final String[] FIELD_TERMS = {
                "pain", "stimulation", "rTMS", "cortex", "motor cortex", "neuropathic pain", "sham", "chronic pain",
                "repetitive transcranial magnetic stimulation", "M1", "transcranial magnetic stimulation", "tDCS",
                "fibromyalgia", "DLPFC", "dorsolateral prefrontal cortex", "crossover", "analgesic", "analgesia",
                "neuromodulation", "motor cortex stimulation", "MCS", "epidural", "theta burst", "iTBS", "cTBS",
                "central post-stroke pain", "spinal cord injury", "trigeminal neuralgia", "phantom limb pain",
                "complex regional pain syndrome", "CRPS", "post-herpetic neuralgia", "polyneuropathy", "migraine",
                "high-frequency", "low-frequency", "10 Hz", "20 Hz", "1 Hz", "5 Hz", "resting motor threshold", "RMT",
                "motor evoked potentials", "MEP", "cortical excitability", "intracortical inhibition",
                "neuronavigation", "neuronavigated", "H-coil", "deep TMS", "figure-of-eight coil", "insula",
                "operculum", "anterior cingulate cortex", "ACC", "premotor cortex", "supplementary motor area", "SMA",
                "somatosensory cortex", "S1", "S2", "thalamus", "anodal", "cathodal", "visual analogue scale", "VAS",
                "numeric rating scale", "NRS", "Brief Pain Inventory", "McGill Pain Questionnaire",
                "quantitative sensory testing", "allodynia", "hyperalgesia", "open-label", "sham-controlled",
                "responders", "pain relief", "daily sessions", "maintenance sessions", "implanted", "electrode",
                "neurosurgical", "deep brain stimulation", "spinal cord stimulation", "opioid", "endogenous opioid",
                "PET", "fMRI", "EEG", "quality of life", "central sensitization", "hemiplegic", "precentral gyrus",
                "hand motor area", "contralateral", "ipsilateral", "case series", "follow-up", "effect size",
                "standardized mean difference", "stroke", "multiple sclerosis", "Parkinson's disease",
                "orofacial pain", "burning mouth syndrome", "chronic low back pain", "knee osteoarthritis",
                "irritable bowel syndrome", "tinnitus", "major depressive disorder", "conditioned pain modulation",
                "temporal summation", "nociceptive", "nociception", "glutamate", "GABA", "BDNF",
                "Val66Met polymorphism", "TMS", "EMCS",
        };

        static final String[] KEYWORDS = {
                "rTMS", "Neuropathic pain", "Motor cortex", "Transcranial magnetic stimulation", "Chronic pain",
                "Fibromyalgia", "Neuromodulation", "tDCS", "Motor cortex stimulation", "DLPFC",
                "Central post-stroke pain", "Theta burst stimulation", "Deep brain stimulation", "Pain",
                "Neuroplasticity", "Cortical excitability", "Sham", "Randomized controlled trial", "Meta-analysis",
                "Spinal cord injury", "Trigeminal neuralgia", "Complex regional pain syndrome", "Migraine",
                "Depression", "Quality of life", "Insula", "Anterior cingulate cortex", "Non-invasive brain stimulation",
                "Epidural stimulation", "Analgesia",
        };
    }
}
