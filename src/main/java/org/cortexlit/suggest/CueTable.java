package org.cortexlit.suggest;

import static org.cortexlit.suggest.Cues.Kind.ANIMAL;
import static org.cortexlit.suggest.Cues.Kind.ANIMAL_WEAK;
import static org.cortexlit.suggest.Cues.Kind.CONDITION;
import static org.cortexlit.suggest.Cues.Kind.CONTROLLED;
import static org.cortexlit.suggest.Cues.Kind.FREQUENCY;
import static org.cortexlit.suggest.Cues.Kind.GENERIC_TMS;
import static org.cortexlit.suggest.Cues.Kind.HEALTHY;
import static org.cortexlit.suggest.Cues.Kind.HZ_BLOCK;
import static org.cortexlit.suggest.Cues.Kind.MCS_PHRASE;
import static org.cortexlit.suggest.Cues.Kind.MEASUREMENT;
import static org.cortexlit.suggest.Cues.Kind.MODALITY;
import static org.cortexlit.suggest.Cues.Kind.MOTOR_THRESHOLD;
import static org.cortexlit.suggest.Cues.Kind.NEGATOR;
import static org.cortexlit.suggest.Cues.Kind.OPINION;
import static org.cortexlit.suggest.Cues.Kind.PAIN;
import static org.cortexlit.suggest.Cues.Kind.PATIENTS;
import static org.cortexlit.suggest.Cues.Kind.PERIOD_NOUN;
import static org.cortexlit.suggest.Cues.Kind.PROTOCOL;
import static org.cortexlit.suggest.Cues.Kind.REVIEW;
import static org.cortexlit.suggest.Cues.Kind.REVIEW_TITLE;
import static org.cortexlit.suggest.Cues.Kind.REVIEW_WEAK;
import static org.cortexlit.suggest.Cues.Kind.SESSION_NOUN;
import static org.cortexlit.suggest.Cues.Kind.SINGLE_PULSE;
import static org.cortexlit.suggest.Cues.Kind.SURGICAL;
import static org.cortexlit.suggest.Cues.Kind.TARGET;
import static org.cortexlit.suggest.Cues.Kind.THETA_BURST_CONTEXT;
import static org.cortexlit.suggest.Cues.Kind.TIME_UNIT;
import static org.cortexlit.suggest.Cues.Kind.UNCONTROLLED;

import java.util.Map;
import java.util.TreeMap;

/**
 * The domain's words: every phrase the suggester looks for, what it means and how much it weighs, the publication
 * types that decide a design, and the ids of the words the rules of {@link TagSuggester} test one by one. Kept
 * apart from the rules so that a reviewer can read what the suggester knows in one place.
 */
final class CueTable {

    private CueTable() {
    }

    static final Cues CUES = new Cues();
    static final Map<String, Object[]> PUBLICATION_TYPES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    static final int HZ;
    static final int DAILY;
    static final int CONSECUTIVE;
    static final int PER;
    static final int A;
    static final int WEEK;
    static final int WEEKS;
    static final int FOR;
    static final int DURING;
    static final int OVER;
    static final int DAYS;
    static final int DAY;
    static final int TO;
    static final int LEAST;
    static final int FIRST;
    static final int SINGLE;
    static final int SESSION;
    static final int AND;
    static final int OR;
    static final int OF;
    static final int SOMATOSENSORY;
    static final int PRE;
    static final int SUPPLEMENTARY;
    static final int EXCITABILITY;
    static final int TRANSCRANIAL;
    static final int MAGNETIC;
    static final int REPETITIVE;
    static final int NONINVASIVE;
    static final int[] VISIT_WORDS;
    /** The value of a number word by word id ("five" is 5), 0 for other words. */
    static final int[] NUMBER_WORD_VALUE;
    /** Whether a word id is, alone, a cue of a kind: {@code SINGLE_WORD_KIND[kind.ordinal()][id]}. */
    static final boolean[][] SINGLE_WORD_KIND;

    static {
        Cues c = CUES;
        // --- design ---------------------------------------------------------------------------------------
        c.add(CONTROLLED, "controlled", 0.85, "sham", "sham controlled", "placebo", "placebo controlled");
        c.add(CONTROLLED, "controlled", 0.75, "randomized", "randomised", "randomly", "randomization",
                "randomisation", "double blind", "double blinded", "single blind", "single blinded", "triple blind",
                "triple blinded", "blinded", "controlled trial", "controlled study", "controlled clinical trial");
        c.add(CONTROLLED, "controlled", 0.6, "crossover", "cross over", "control group", "control condition");
        c.add(UNCONTROLLED, "uncontrolled", 0.85, "open label", "open labelled", "case series", "case report",
                "case study", "a single patient", "retrospective", "retrospectively", "single arm", "uncontrolled",
                "nonrandomized", "non randomized", "nonrandomised", "non randomised", "interrupted time series",
                "open study", "open studies", "open trial", "open pilot", "we report a case", "report of a case");
        c.add(UNCONTROLLED, "uncontrolled", 0.5, "cohort study", "observational", "case", "prospective series",
                "series of", "before and after");
        c.add(REVIEW, "review", 0.9, "systematic review", "meta analysis", "metaanalysis", "meta analyses",
                "network meta analysis", "narrative review", "scoping review", "literature review",
                "review of the literature", "cochrane review");
        c.add(REVIEW, "review", 0.85, "we review", "we reviewed", "we systematically reviewed", "this review",
                "the authors review", "we searched", "were searched", "was searched", "systematically searched",
                "literature search", "search was conducted", "search was performed", "databases were",
                "studies were included", "trials were included", "articles were selected", "we present a narrative",
                "evidence synthesis", "evidence acquisition", "data sources", "mini meta analysis");
        c.add(REVIEW_TITLE, "review", 0.95, "review", "reviews", "meta analysis", "metaanalysis", "guidelines",
                "guideline", "recommendations", "consensus", "overview", "state of the art", "evidence based");
        c.add(REVIEW_WEAK, "review", 0.4, "systematic reviews", "reviewed", "guidelines", "meta analyses");
        c.add(PROTOCOL, "other", 0.85, "protocol", "study protocol", "trial protocol", "protocol paper",
                "protocol for");
        c.add(OPINION, "other", 0.5, "we discuss", "here we discuss", "opinion", "commentary", "editorial",
                "letter to the editor", "in this perspective");
        c.add(HEALTHY, "other", 0.8, "healthy volunteers", "healthy subjects", "healthy participants",
                "healthy adults", "healthy individuals", "healthy people", "healthy humans", "healthy men",
                "healthy women", "healthy young", "healthy controls", "healthy", "volunteers");
        c.add(PATIENTS, null, 1, "patients", "patient", "migraineurs", "amputees", "survivors", "victims",
                "women with", "men with", "individuals with", "participants with", "people with", "adults with",
                "subjects with", "persons with", "cases of");
        c.add(ANIMAL, "other", 0.9, "rat", "rats", "mice", "mouse", "rattus", "wistar", "sprague", "murine",
                "rodents", "rodent", "cats", "monkeys", "primates", "animal model", "animal models");
        c.add(ANIMAL_WEAK, "other", 0.5, "animals", "animal", "in vivo");
        c.add(NEGATOR, null, 0, "no", "not", "without", "non", "lack", "absence", "neither", "nor", "unavailable");

        // --- targets ----------------------------------------------------------------------------------------
        c.add(TARGET, "M1", 0.9, "m1", "primary motor cortex", "primary motor area", "primary motor",
                "precentral gyrus", "precentral cortex", "precentral", "hand knob", "motor hot spot", "hot spot",
                "hotspot", "motor hotspot", "hand motor area", "hand area", "leg motor area", "leg motor cortex",
                "trunk motor", "motor cortical representation", "motor strip");
        c.add(TARGET, "M1", 0.7, "motor cortex", "motor cortices", "first dorsal interosseous",
                "first dorsal interosseus", "abductor digiti minimi", "optimum site for right hand");
        c.add(TARGET, "DLPFC", 0.9, "dlpfc", "dorsolateral prefrontal", "dorso lateral prefrontal", "ldlpfc",
                "rdlpfc", "dlfpc", "l dlpfc", "r dlpfc", "middle frontal gyrus");
        c.add(TARGET, "DLPFC", 0.6, "left prefrontal", "right prefrontal", "left frontal cortex",
                "right frontal cortex", "prefrontal rtms");
        c.add(TARGET, "premotor/SMA", 0.85, "premotor", "supplementary motor", "sma", "pre sma", "pmd", "pmv");
        c.add(TARGET, "S1", 0.85, "primary somatosensory", "postcentral gyrus", "postcentral", "s1", "si",
                "primary sensory cortex", "sensorimotor cortex", "primary and secondary somatosensory");
        c.add(TARGET, "S2", 0.85, "secondary somatosensory", "s2", "sii", "primary and secondary somatosensory",
                "parietal operculum");
        c.add(TARGET, "insula", 0.85, "insula", "insular", "operculo insular", "operculoinsular",
                "posterior insula", "insular cortex");
        c.add(TARGET, "ACC", 0.85, "anterior cingulate", "cingulate", "acc", "dacc", "cingulate cortex");
        c.add(TARGET, "other", 0.75, "occipital", "visual cortex", "v1", "temporal cortex", "temporal gyrus",
                "temporoparietal", "temporo parietal", "auditory cortex", "parietal", "broca", "inferior frontal",
                "dorsomedial prefrontal", "dmpfc", "medial prefrontal", "ventromedial prefrontal", "orbitofrontal",
                "cerebellum", "cerebellar", "vertex", "occiput", "frontopolar");

        // --- modalities -------------------------------------------------------------------------------------
        c.add(MODALITY, "rTMS", 0.9, "rtms", "repetitive transcranial magnetic stimulation", "repetitive tms",
                "nrtms", "hf rtms", "lf rtms", "bl rtms", "hfl rtms", "r rtms", "s rtms", "rtms dlpfc",
                "repeated transcranial magnetic stimulation", "repetitive transcranial magnetic");
        c.add(GENERIC_TMS, "rTMS", 0.5, "transcranial magnetic stimulation", "tms", "magnetic stimulation");
        c.add(SINGLE_PULSE, "other", 0.85, "single pulse", "stms", "sptms", "paired pulse", "single pulses");
        c.add(MEASUREMENT, null, 0, "excitability", "phosphene", "phosphenes", "motor evoked", "meps", "mep",
                "mapping", "measure", "measured", "recorded", "assess", "assessed", "threshold", "thresholds",
                "evaluate");
        c.add(MODALITY, "theta-burst", 0.9, "theta burst", "itbs", "ctbs", "tbs", "imtbs", "thetaburst",
                "bl tbs");
        c.add(MODALITY, "deep TMS", 0.9, "deep tms", "deep rtms", "deep transcranial", "h coil", "h1 coil",
                "h7 coil", "h4 coil", "hcoil", "dtms", "h coils", "deep transcranial magnetic stimulation");
        c.add(MODALITY, "epidural MCS", 0.9, "epidural motor cortex stimulation", "epidural cortical stimulation",
                "emcs", "eecs", "electrical epidural motor cortex stimulation", "invasive motor cortex stimulation",
                "imcs", "implanted motor cortex stimulation", "extradural cortical stimulation");
        c.add(MCS_PHRASE, "epidural MCS", 0.8, "motor cortex stimulation", "mcs", "primary motor cortex stimulation",
                "chronic motor cortex stimulation");
        c.add(SURGICAL, null, 0, "implanted", "implantation", "epidural", "subdural", "electrode", "electrodes",
                "craniotomy", "burr hole", "pulse generator", "neurosurgical", "surgery", "lead", "postoperative",
                "post operative", "operated", "invasive");
        c.add(MODALITY, "tDCS", 0.9, "tdcs", "transcranial direct current stimulation", "transcranial direct current",
                "direct current stimulation", "a tdcs", "hd tdcs", "anodal tdcs", "cathodal tdcs");
        c.add(MODALITY, "tDCS", 0.5, "anodal", "cathodal");
        c.add(MODALITY, "other", 0.85, "spinal cord stimulation", "scs", "deep brain stimulation", "dbs", "tacs",
                "transcranial alternating current", "tens", "transcutaneous electrical nerve stimulation",
                "transcutaneous electric", "peripheral magnetic stimulation", "rpms", "cranial electrotherapy",
                "ces", "trns", "random noise stimulation", "rince", "vagus nerve stimulation", "vns",
                "occipital nerve stimulation", "electroconvulsive", "ect", "peripheral nerve stimulation",
                "dorsal root ganglion", "thalamic stimulation", "peripheral electrical stimulation",
                "repetitive peripheral magnetic stimulation", "pes");

        // --- frequency ------------------------------------------------------------------------------------
        c.add(FREQUENCY, "high", 0.85, "high frequency", "hf", "high rate", "fast frequency", "left fast",
                "hf rtms", "hfl rtms", "high frequencies", "excitatory rtms", "excitatory m1 rtms");
        c.add(FREQUENCY, "low", 0.85, "low frequency", "lf", "low rate", "slow frequency", "right slow", "lf rtms",
                "low frequencies");
        c.add(HZ_BLOCK, null, 0, "tacs", "alternating current", "alpha", "beta", "gamma", "delta", "theta band",
                "band", "bands", "eeg", "oscillations", "oscillation", "scs", "spinal cord stimulation", "dbs",
                "deep brain stimulation", "khz", "tens", "rpms", "peripheral magnetic", "hfs", "lfs",
                "transcutaneous");
        c.add(THETA_BURST_CONTEXT, null, 0, "theta burst", "itbs", "ctbs", "tbs", "burst", "bursts");

        // --- sessions and intensity ---------------------------------------------------------------------------
        c.add(SESSION_NOUN, null, 0, "sessions", "session", "treatments", "treatment sessions", "applications",
                "stimulations", "courses", "daily sessions");
        c.add(PERIOD_NOUN, null, 0, "period", "course", "intervention", "treatment", "protocol", "programme",
                "program", "regimen");
        c.add(TIME_UNIT, null, 0, "min", "mins", "minute", "minutes", "s", "sec", "seconds", "h", "hours", "hour",
                "hz", "ma", "ms", "mt", "weeks", "months", "years", "days", "pulses", "trains", "cm", "mm", "mg");
        c.add(MOTOR_THRESHOLD, null, 0, "motor threshold", "rmt", "mt", "amt", "rmts", "motor thresholds",
                "resting motor threshold", "active motor threshold", "rest motor threshold", "mth");

        // --- conditions: tier 3 syndromes and diseases, 2 kinds of pain, 1 pain in general -------------------
        condition(3, "central post-stroke pain", "central post stroke pain", "central poststroke pain",
                "post stroke pain", "poststroke pain", "cpsp", "thalamic pain", "post stroke central pain");
        condition(3, "trigeminal neuralgia", "trigeminal neuralgia");
        condition(3, "fibromyalgia", "fibromyalgia", "fms", "fibromyalgia syndrome");
        condition(3, "phantom limb pain", "phantom limb pain", "phantom pain", "plp");
        condition(3, "complex regional pain syndrome", "complex regional pain syndrome", "crps",
                "reflex sympathetic dystrophy");
        condition(3, "painful diabetic neuropathy", "diabetic neuropathy", "diabetic neuropathic pain",
                "painful diabetic", "diabetic peripheral neuropathy", "dpn", "painful diabetic neuropathy");
        condition(3, "burning mouth syndrome", "burning mouth syndrome", "bms", "burning mouth");
        condition(3, "migraine", "migraine", "migraines", "migraineurs", "chronic migraine", "episodic migraine",
                "migraine disorders");
        condition(3, "tension-type headache", "tension type headache", "tth", "ctth");
        condition(3, "knee osteoarthritis", "knee osteoarthritis", "knee oa", "osteoarthritis");
        condition(3, "failed back surgery syndrome", "failed back surgery syndrome", "fbss",
                "failed back surgery");
        condition(3, "low back pain", "low back pain", "lbp", "back pain", "chronic back");
        condition(3, "orofacial pain", "orofacial pain", "facial pain", "facial neuropathic pain", "fcnp",
                "facial chronic neuropathic pain", "ofp");
        condition(3, "postoperative pain", "postoperative pain", "post operative pain", "post thoracotomy pain",
                "postsurgical pain", "post surgical pain", "postoperative");
        condition(3, "postherpetic neuralgia", "postherpetic neuralgia", "post herpetic neuralgia");
        condition(3, "knee osteoarthritis", "knee pain");
        condition(3, "tinnitus", "tinnitus");
        condition(3, "depression", "depression", "major depressive disorder", "mdd", "treatment resistant depression",
                "trd", "depressive disorder", "major depression");
        condition(3, "stroke", "stroke", "hemiparesis", "hemiplegia", "post stroke motor", "ischemic stroke");
        condition(3, "spinal cord injury pain", "spinal cord injury", "spinal cord injuries", "sci",
                "spinal cord lesion");
        condition(3, "multiple sclerosis pain", "multiple sclerosis", "ms");
        condition(2, "neuropathic pain", "neuropathic pain", "neurogenic pain", "deafferentation pain", "neuralgia",
                "np");
        condition(2, "central pain", "central pain", "central neuropathic pain");
        condition(1, "chronic pain", "chronic pain", "refractory pain", "pain conditions", "chronic refractory pain",
                "intractable pain");
        c.add(PAIN, null, 0, "pain", "painful", "analgesic", "analgesia", "nociceptive");

        HZ = c.word("hz");
        DAILY = c.word("daily");
        CONSECUTIVE = c.word("consecutive");
        PER = c.word("per");
        A = c.word("a");
        WEEK = c.word("week");
        WEEKS = c.word("weeks");
        FOR = c.word("for");
        DURING = c.word("during");
        OVER = c.word("over");
        DAYS = c.word("days");
        DAY = c.word("day");
        TO = c.word("to");
        LEAST = c.word("least");
        FIRST = c.word("first");
        SINGLE = c.word("single");
        SESSION = c.word("session");
        AND = c.word("and");
        OR = c.word("or");
        OF = c.word("of");
        SOMATOSENSORY = c.word("somatosensory");
        PRE = c.word("pre");
        SUPPLEMENTARY = c.word("supplementary");
        EXCITABILITY = c.word("excitability");
        TRANSCRANIAL = c.word("transcranial");
        MAGNETIC = c.word("magnetic");
        REPETITIVE = c.word("repetitive");
        NONINVASIVE = c.word("noninvasive");
        String[] numberWords = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                "twenty", "thirty", "forty", "twice", "thrice"};
        int[] numberValues = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 30, 40, 2, 3};
        int[] numberIds = new int[numberWords.length];
        for (int i = 0; i < numberWords.length; i++) {
            numberIds[i] = c.word(numberWords[i]);
        }
        VISIT_WORDS = new int[] {c.word("experimental"), c.word("test"), c.word("testing"), c.word("recording"),
                c.word("assessment"), c.word("evaluation"), c.word("baseline"), c.word("imaging")};
        c.freeze();
        int words = c.byFirst.length;
        for (int id : numberIds) {
            words = Math.max(words, id + 1);
        }
        for (int id : VISIT_WORDS) {
            words = Math.max(words, id + 1);
        }
        NUMBER_WORD_VALUE = new int[words];
        for (int i = 0; i < numberIds.length; i++) {
            NUMBER_WORD_VALUE[numberIds[i]] = numberValues[i];
        }
        SINGLE_WORD_KIND = new boolean[Cues.Kind.values().length][words];
        for (Cues.Cue[] list : c.byFirst) {
            if (list != null) {
                for (Cues.Cue cue : list) {
                    if (cue.words().length == 1) {
                        SINGLE_WORD_KIND[cue.kind().ordinal()][cue.words()[0]] = true;
                    }
                }
            }
        }

        publicationType("Randomized Controlled Trial", "controlled", 0.95);
        publicationType("Controlled Clinical Trial", "controlled", 0.9);
        publicationType("Equivalence Trial", "controlled", 0.85);
        publicationType("Clinical Trial", "controlled", 0.4);
        publicationType("Review", "review", 0.95);
        publicationType("Systematic Review", "review", 0.97);
        publicationType("Meta-Analysis", "review", 0.97);
        publicationType("Practice Guideline", "review", 0.95);
        publicationType("Guideline", "review", 0.95);
        publicationType("Consensus Development Conference", "review", 0.9);
        publicationType("Case Reports", "uncontrolled", 0.9);
        publicationType("Observational Study", "uncontrolled", 0.6);
        publicationType("Editorial", "other", 0.9);
        publicationType("Comment", "other", 0.9);
        publicationType("Letter", "other", 0.85);
        publicationType("News", "other", 0.9);
        publicationType("Clinical Trial Protocol", "other", 0.95);
    }

    private static void condition(int tier, String value, String... phrases) {
        CUES.add(CONDITION, value, 1, tier, phrases);
    }

    private static void publicationType(String type, String design, double weight) {
        PUBLICATION_TYPES.put(type, new Object[] {design, weight});
    }

    static boolean isKind(int wordId, Cues.Kind kind) {
        boolean[] ofKind = SINGLE_WORD_KIND[kind.ordinal()];
        return wordId >= 0 && wordId < ofKind.length && ofKind[wordId];
    }
}
