package org.cortexlit.suggest;

import org.cortexlit.formats.Citation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.cortexlit.suggest.CueTable.A;
import static org.cortexlit.suggest.CueTable.AND;
import static org.cortexlit.suggest.CueTable.CONSECUTIVE;
import static org.cortexlit.suggest.CueTable.CUES;
import static org.cortexlit.suggest.CueTable.DAILY;
import static org.cortexlit.suggest.CueTable.DAY;
import static org.cortexlit.suggest.CueTable.DAYS;
import static org.cortexlit.suggest.CueTable.DURING;
import static org.cortexlit.suggest.CueTable.EXCITABILITY;
import static org.cortexlit.suggest.CueTable.FIRST;
import static org.cortexlit.suggest.CueTable.FOR;
import static org.cortexlit.suggest.CueTable.HZ;
import static org.cortexlit.suggest.CueTable.LEAST;
import static org.cortexlit.suggest.CueTable.MAGNETIC;
import static org.cortexlit.suggest.CueTable.NONINVASIVE;
import static org.cortexlit.suggest.CueTable.NUMBER_WORD_VALUE;
import static org.cortexlit.suggest.CueTable.OF;
import static org.cortexlit.suggest.CueTable.OR;
import static org.cortexlit.suggest.CueTable.OVER;
import static org.cortexlit.suggest.CueTable.PER;
import static org.cortexlit.suggest.CueTable.PRE;
import static org.cortexlit.suggest.CueTable.PUBLICATION_TYPES;
import static org.cortexlit.suggest.CueTable.REPETITIVE;
import static org.cortexlit.suggest.CueTable.SESSION;
import static org.cortexlit.suggest.CueTable.SINGLE;
import static org.cortexlit.suggest.CueTable.SOMATOSENSORY;
import static org.cortexlit.suggest.CueTable.SUPPLEMENTARY;
import static org.cortexlit.suggest.CueTable.TO;
import static org.cortexlit.suggest.CueTable.TRANSCRANIAL;
import static org.cortexlit.suggest.CueTable.VISIT_WORDS;
import static org.cortexlit.suggest.CueTable.WEEK;
import static org.cortexlit.suggest.CueTable.WEEKS;
import static org.cortexlit.suggest.CueTable.isKind;
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

/**
 * Suggests the tags of DOMAIN.md (design, cortical targets, modalities, frequency, number of sessions, intensity,
 * condition) from a record's title, abstract, publication types, MeSH descriptors and keywords. Rules only: every
 * suggestion points at the words that support it, and a value is suggested only when the text states it.
 *
 * <p>Thread-safe and allocation-light: the phrase table is built once, and each thread reuses its own token and
 * hit buffers ({@link Scratch}).
 */
public final class TagSuggester {

    /** Changes whenever a rule or the phrase table changes, so that stored suggestions can be recomputed. */
    public static final int VERSION = 3;

    private static final int MAX_EVIDENCE = 6;
    private static final int TITLE = 0;
    private static final int ABSTRACT = 1;

    private TagSuggester() {
    }

    /** Suggestions for a parsed record; see {@link #suggest(SuggestInput)}. */
    public static Suggestions suggest(Citation record) {
        return suggest(SuggestInput.from(record));
    }

    /** The suggested tags of {@code input}, each with its confidence and the spans of text that support it. */
    public static Suggestions suggest(SuggestInput input) {
        Scratch s = Scratch.get();
        s.reset();
        try {
            read(s, input);
            Run run = new Run(s, input);
            return run.suggestions();
        } finally {
            s.reset();
        }
    }

    private static void read(Scratch s, SuggestInput input) {
        Lexicon lex = CUES.lexicon;
        s.nextField().read(lex, Evidence.TITLE, null, input.title());
        s.nextField().read(lex, Evidence.ABSTRACT, null, input.abstractText());
        for (int i = 0; i < input.keywords().size(); i++) {
            s.nextField().read(lex, Evidence.KEYWORD, i, input.keywords().get(i));
        }
        for (int i = 0; i < input.mesh().size(); i++) {
            s.nextField().read(lex, Evidence.MESH, i, input.mesh().get(i));
        }
        for (int f = 0; f < s.fieldCount; f++) {
            match(s, f);
        }
    }

    /** Records every cue that occurs in field {@code f}: one pass, with a table lookup per word. */
    private static void match(Scratch s, int f) {
        Tokens t = s.fields[f];
        for (int i = 0; i < t.n; i++) {
            Cues.Cue[] candidates = CUES.startingWith(t.id[i]);
            if (candidates == null) {
                continue;
            }
            for (Cues.Cue c : candidates) {
                int[] w = c.words();
                if (i + w.length > t.n) {
                    continue;
                }
                boolean ok = true;
                for (int k = 1; k < w.length && ok; k++) {
                    ok = t.id[i + k] == w[k];
                }
                if (ok) {
                    s.hit(c, f, i, i + w.length - 1);
                }
            }
        }
    }

    /** The rules applied to one record's hits. */
    private static final class Run {
        private final Scratch s;
        private final SuggestInput input;
        private final Tokens title;
        private final Tokens abs;

        Run(Scratch s, SuggestInput input) {
            this.s = s;
            this.input = input;
            this.title = s.fields[TITLE];
            this.abs = s.fields[ABSTRACT];
        }

        Suggestions suggestions() {
            List<Suggestion> modalities = modalities(namedAReview());
            return new Suggestions(input.key(), VERSION, design(modalities), targets(), modalities,
                    frequency(modalities), sessions(), intensity(), condition());
        }

        // ---------------------------------------------------------------------------------------------- design

        private Suggestion design(List<Suggestion> modalities) {
            Score controlled = new Score(s);
            Score uncontrolled = new Score(s);
            Score review = new Score(s);
            Score reviewStrong = new Score(s);
            Score reviewWeak = new Score(s);
            Score protocol = new Score(s);
            Score animal = new Score(s);
            Score animalWeak = new Score(s);
            Score healthy = new Score(s);
            Score opinion = new Score(s);
            Score other = new Score(s);
            boolean patients = false;
            for (int i = 0; i < input.publicationTypes().size(); i++) {
                String type = input.publicationTypes().get(i);
                Object[] meaning = PUBLICATION_TYPES.get(type);
                if (meaning == null) {
                    continue;
                }
                Evidence e = new Evidence(Evidence.PUBLICATION_TYPE, i, 0, type.length(), type);
                double w = (Double) meaning[1];
                switch ((String) meaning[0]) {
                    case "controlled" -> controlled.add(w, e);
                    case "uncontrolled" -> uncontrolled.add(w, e);
                    case "review" -> reviewStrong.add(w, e);
                    default -> other.add(w, e);
                }
            }
            boolean meshAnimals = false;
            boolean meshHumans = false;
            for (int i = 0; i < input.mesh().size(); i++) {
                String d = input.mesh().get(i);
                switch (d) {
                    case "Animals" -> {
                        meshAnimals = true;
                        animalWeak.add(0.7, meshEvidence(i));
                    }
                    case "Humans" -> meshHumans = true;
                    case "Random Allocation", "Double-Blind Method", "Single-Blind Method", "Cross-Over Studies" ->
                            controlled.add(0.6, meshEvidence(i));
                    case "Retrospective Studies" -> uncontrolled.add(0.6, meshEvidence(i));
                    default -> {
                    }
                }
            }
            for (int h = 0; h < s.hits; h++) {
                Cues.Cue c = s.cue[h];
                int f = s.field[h];
                if (f >= 2 && !Evidence.KEYWORD.equals(s.fields[f].field)) {
                    continue; // MeSH words are read for conditions only
                }
                double w = c.weight() * (f == TITLE ? 1.0 : 0.9);
                switch (c.kind()) {
                    case CONTROLLED -> {
                        if (negated(h)) {
                            uncontrolled.add(0.6, h);
                        } else {
                            controlled.add(w, h);
                        }
                    }
                    case UNCONTROLLED -> {
                        if (c.weight() >= 0.8 || f == TITLE) {
                            uncontrolled.add(w, h);
                        } else if (isWord(h, "case") && !followedByReport(h)) {
                            continue;
                        } else {
                            uncontrolled.add(w * 0.8, h);
                        }
                    }
                    case REVIEW -> (f == TITLE ? reviewStrong : review).add(w, h);
                    case REVIEW_TITLE -> {
                        if (f == TITLE) {
                            reviewStrong.add(w, h);
                        }
                    }
                    case REVIEW_WEAK -> reviewWeak.add(w, h);
                    case PROTOCOL -> {
                        if (f == TITLE && protocolOfAStudy(h)) {
                            protocol.add(w, h);
                        }
                    }
                    case OPINION -> opinion.add(w, h);
                    case HEALTHY -> healthy.add(w, h);
                    case PATIENTS -> patients = true;
                    case ANIMAL -> animal.add(w, h);
                    case ANIMAL_WEAK -> animalWeak.add(w * 0.7, h);
                    default -> {
                    }
                }
            }
            if (protocol.hasAny()) {
                return protocol.suggestion("other");
            }
            // A review is named as such in its publication type or title, or says what it searched; one mention
            // of "systematic review" in an RCT's background is not enough.
            if (reviewStrong.hasAny() || review.count >= 2 || (review.hasAny() && !controlled.hasStrong(0.8))) {
                Score r = reviewStrong.merge(review);
                return r.suggestion("review");
            }
            if (animal.hasAny() || (meshAnimals && !meshHumans) || animalWeak.count >= 2) {
                return animal.merge(animalWeak).suggestion("other");
            }
            if (other.hasAny()) {
                return other.suggestion("other");
            }
            if (healthy.hasAny() && !patients) {
                return healthy.suggestion("other");
            }
            boolean caseReport = uncontrolled.hasStrong(0.85) && !controlled.hasStrong(0.8);
            if (controlled.hasAny() && !caseReport && controlled.value() >= uncontrolled.value() * 0.9) {
                return controlled.suggestion("controlled");
            }
            if (uncontrolled.hasAny()) {
                return uncontrolled.suggestion("uncontrolled");
            }
            if (controlled.hasAny()) {
                return controlled.suggestion("controlled");
            }
            if (opinion.hasAny()) {
                return opinion.suggestion("other");
            }
            if (reviewWeak.hasAny()) {
                return reviewWeak.capped(0.4).suggestion("review");
            }
            if (!modalities.isEmpty() && patients) {
                // A treatment given to patients with no comparison named: most likely an uncontrolled series.
                Score guess = new Score(s);
                guess.add(0.3, modalities.get(0).evidence().isEmpty() ? null : modalities.get(0).evidence().get(0));
                return guess.suggestion("uncontrolled");
            }
            return null;
        }

        private Evidence meshEvidence(int i) {
            String d = input.mesh().get(i);
            return new Evidence(Evidence.MESH, i, 0, d.length(), d);
        }

        /** "no sham", "without a control group", "non-randomized", "sham coil was not available". */
        private boolean negated(int h) {
            Tokens t = s.fields[s.field[h]];
            int from = s.from[h];
            int sentence = t.sentence[from];
            for (int k = Math.max(0, from - 3); k < from; k++) {
                if (t.sentence[k] == sentence && isKind(t.id[k], NEGATOR)) {
                    return true;
                }
            }
            int to = s.to[h];
            for (int k = to + 1; k <= Math.min(t.n - 1, to + 4); k++) {
                if (t.sentence[k] != sentence) {
                    break;
                }
                String w = CUES.lexicon.word(t.id[k]);
                if (w.equals("not") || w.equals("unavailable")) {
                    return true;
                }
            }
            return false;
        }

        /** "protocol" names the paper (a study protocol), not a stimulation protocol ("rTMS protocol"). */
        private boolean protocolOfAStudy(int h) {
            Tokens t = s.fields[s.field[h]];
            int from = s.from[h];
            if (s.to[h] > from) {
                return true; // "study protocol", "protocol for", "protocol paper"
            }
            if (from == 0) {
                return true;
            }
            String before = CUES.lexicon.word(t.id[from - 1]);
            return !(before.equals("stimulation") || before.equals("rtms") || before.equals("tdcs")
                    || before.equals("tbs") || before.equals("treatment") || before.equals("tms"));
        }

        private boolean isWord(int h, String word) {
            return s.from[h] == s.to[h] && CUES.lexicon.word(s.fields[s.field[h]].id[s.from[h]]).equals(word);
        }

        private boolean followedByReport(int h) {
            Tokens t = s.fields[s.field[h]];
            int next = s.to[h] + 1;
            if (next >= t.n) {
                return false;
            }
            String w = CUES.lexicon.word(t.id[next]);
            return w.equals("report") || w.equals("reports") || w.equals("series") || w.equals("study");
        }

        // --------------------------------------------------------------------------------------------- targets

        private List<Suggestion> targets() {
            boolean somatosensory = mentions(SOMATOSENSORY) || mentions(CUES.word("sensorimotor"));
            Map<String, Score> scores = new LinkedHashMap<>();
            for (int h = 0; h < s.hits; h++) {
                Cues.Cue c = s.cue[h];
                if (c.kind() != TARGET && c.kind() != MCS_PHRASE && c.kind() != Cues.Kind.MODALITY) {
                    continue;
                }
                if (s.field[h] > ABSTRACT) {
                    continue;
                }
                Tokens t = s.fields[s.field[h]];
                int from = s.from[h];
                String value = c.value();
                double w = c.weight();
                if (c.kind() == Cues.Kind.MODALITY) {
                    if (!"epidural MCS".equals(value)) {
                        continue;
                    }
                    value = "M1"; // the implanted electrode lies over the motor cortex
                    w = 0.7;
                } else if (c.kind() == MCS_PHRASE) {
                    value = "M1";
                    w = 0.8;
                }
                String first = CUES.lexicon.word(t.id[from]);
                if (value.equals("M1") && (first.equals("motor"))) {
                    if (from > 0 && (t.id[from - 1] == PRE || t.id[from - 1] == SUPPLEMENTARY)) {
                        continue;
                    }
                    if (s.to[h] + 1 < t.n && t.id[s.to[h] + 1] == EXCITABILITY) {
                        continue;
                    }
                }
                if ((first.equals("s1") || first.equals("s2") || first.equals("si") || first.equals("sii"))
                        && !somatosensory) {
                    continue;
                }
                if (first.equals("sma") && !uppercase(t, from)) {
                    continue;
                }
                if (first.equals("acc") && !uppercase(t, from)) {
                    continue;
                }
                if (first.equals("hot") || first.equals("hotspot")) {
                    w = 0.6;
                }
                scores.computeIfAbsent(value, k -> new Score(s)).add(s.field[h] == TITLE ? w : w * 0.95, h);
            }
            List<Suggestion> out = new ArrayList<>(scores.size());
            for (Map.Entry<String, Score> e : scores.entrySet()) {
                out.add(e.getValue().suggestion(e.getKey()));
            }
            return out;
        }

        private boolean uppercase(Tokens t, int token) {
            return Character.isUpperCase(t.text.charAt(t.start[token]));
        }

        private boolean mentions(int wordId) {
            for (int f = 0; f <= ABSTRACT; f++) {
                Tokens t = s.fields[f];
                for (int i = 0; i < t.n; i++) {
                    if (t.id[i] == wordId) {
                        return true;
                    }
                }
            }
            return false;
        }

        // ------------------------------------------------------------------------------------------ modalities

        /** A publication type or a title that says review: such a record covers every modality it names. */
        private boolean namedAReview() {
            for (String type : input.publicationTypes()) {
                Object[] meaning = PUBLICATION_TYPES.get(type);
                if (meaning != null && "review".equals(meaning[0])) {
                    return true;
                }
            }
            for (int h = 0; h < s.hits; h++) {
                Cues.Kind k = s.cue[h].kind();
                if (s.field[h] == TITLE && (k == REVIEW || k == REVIEW_TITLE)) {
                    return true;
                }
            }
            return false;
        }

        private List<Suggestion> modalities(boolean review) {
            Map<String, Score> scores = new LinkedHashMap<>();
            Map<String, long[]> sentences = new LinkedHashMap<>();
            boolean singlePulse = false;
            boolean surgical = false;
            for (int h = 0; h < s.hits; h++) {
                if (s.field[h] > ABSTRACT) {
                    continue;
                }
                if (s.cue[h].kind() == SINGLE_PULSE) {
                    singlePulse = true;
                }
                if (s.cue[h].kind() == SURGICAL) {
                    surgical = true;
                }
            }
            for (int h = 0; h < s.hits; h++) {
                Cues.Cue c = s.cue[h];
                int f = s.field[h];
                if (f > ABSTRACT && !Evidence.KEYWORD.equals(s.fields[f].field)) {
                    continue; // MeSH indexes tDCS under "Transcranial Magnetic Stimulation": not a modality cue
                }
                String value = c.value();
                double w = c.weight();
                switch (c.kind()) {
                    case MODALITY, SINGLE_PULSE -> {
                        if (insideOtherModality(h)) {
                            continue; // the "rTMS" of "deep rTMS"
                        }
                    }
                    case GENERIC_TMS -> {
                        if (inSentenceWith(h, MEASUREMENT) || partOfLongerModality(h)
                                || (singlePulse && inSentenceWith(h, SINGLE_PULSE))) {
                            continue;
                        }
                    }
                    case MCS_PHRASE -> {
                        if (precededByNonInvasive(h)) {
                            continue;
                        }
                        if (!surgical) {
                            w = 0.6;
                        }
                    }
                    default -> {
                        continue;
                    }
                }
                if (c.kind() == MODALITY && "tDCS".equals(value) && c.weight() < 0.8 && !mentionsTdcs()) {
                    continue; // "anodal" alone: a polarity, not proof of tDCS
                }
                if (c.kind() == MODALITY && "other".equals(value) && inSentenceWith(h, Cues.Kind.CONTROLLED)
                        && isSham(h)) {
                    continue;
                }
                scores.computeIfAbsent(value, k -> new Score(s)).add(f == TITLE ? w : w * 0.95, h);
                long[] seen = sentences.computeIfAbsent(value, k -> new long[] {0, -1});
                long key = f == TITLE ? -2 : s.fields[f].sentence[s.from[h]];
                if (key != seen[1]) {
                    seen[0]++;
                    seen[1] = key;
                }
            }
            // A modality named in one background sentence of a study that is about another is not the study's.
            long most = 0;
            for (long[] v : sentences.values()) {
                most = Math.max(most, v[0]);
            }
            boolean theta = scores.containsKey("theta-burst");
            List<Suggestion> out = new ArrayList<>(scores.size());
            for (Map.Entry<String, Score> e : scores.entrySet()) {
                long count = sentences.get(e.getKey())[0];
                boolean inTitle = e.getValue().inTitle;
                if (!inTitle && count == 1 && most >= 3 && !review) {
                    continue;
                }
                if (singlePulse && e.getKey().equals("rTMS") && !inTitle && count < 2 && !explicitRtms(e.getValue())) {
                    continue; // a study of single pulses that mentions "TMS" once in passing
                }
                if (theta && e.getKey().equals("rTMS") && !inTitle && count < 3 && !conventionalFrequency()) {
                    continue; // "iTBS, a form of rTMS": theta-burst is the modality
                }
                out.add(e.getValue().suggestion(e.getKey()));
            }
            return out;
        }

        private boolean explicitRtms(Score score) {
            for (Evidence e : score.spans()) {
                String w = e.text().toLowerCase(Locale.ROOT);
                if (w.contains("rtms") || w.contains("repetitive")) {
                    return true;
                }
            }
            return false;
        }

        private boolean isSham(int h) {
            Tokens t = s.fields[s.field[h]];
            int from = s.from[h];
            return from > 1 && CUES.lexicon.word(t.id[from - 1]).equals("with")
                    && (CUES.lexicon.word(t.id[from - 2]).equals("stimulation")
                    || CUES.lexicon.word(t.id[from - 2]).equals("sham"));
        }

        private boolean mentionsTdcs() {
            for (int h = 0; h < s.hits; h++) {
                if (s.cue[h].kind() == MODALITY && "tDCS".equals(s.cue[h].value()) && s.cue[h].weight() >= 0.8) {
                    return true;
                }
            }
            return false;
        }

        private boolean precededByNonInvasive(int h) {
            Tokens t = s.fields[s.field[h]];
            int from = s.from[h];
            for (int k = Math.max(0, from - 3); k < from; k++) {
                int id = t.id[k];
                if (id == TRANSCRANIAL || id == MAGNETIC || id == REPETITIVE || id == NONINVASIVE
                        || CUES.lexicon.word(id).equals("rtms") || CUES.lexicon.word(id).equals("tms")) {
                    return true;
                }
            }
            return false;
        }

        private boolean insideOtherModality(int h) {
            for (int o = 0; o < s.hits; o++) {
                if (o == h || s.field[o] != s.field[h] || s.cue[o].kind() != MODALITY
                        || s.cue[o].value().equals(s.cue[h].value())) {
                    continue;
                }
                if (s.from[o] <= s.from[h] && s.to[o] >= s.to[h] && s.to[o] - s.from[o] > s.to[h] - s.from[h]) {
                    return true;
                }
            }
            return false;
        }

        /** "transcranial magnetic stimulation" inside "repetitive transcranial magnetic stimulation" or "deep TMS". */
        private boolean partOfLongerModality(int h) {
            for (int o = 0; o < s.hits; o++) {
                if (o == h || s.field[o] != s.field[h] || s.cue[o].kind() != MODALITY) {
                    continue;
                }
                if (s.from[o] <= s.from[h] && s.to[o] >= s.to[h]) {
                    return true;
                }
            }
            return false;
        }

        private boolean inSentenceWith(int h, Cues.Kind kind) {
            int f = s.field[h];
            int sentence = s.fields[f].sentence[s.from[h]];
            for (int o = 0; o < s.hits; o++) {
                if (o != h && s.field[o] == f && s.cue[o].kind() == kind
                        && s.fields[f].sentence[s.from[o]] == sentence) {
                    return true;
                }
            }
            return false;
        }

        private boolean conventionalFrequency() {
            for (int f = 0; f <= ABSTRACT; f++) {
                Tokens t = s.fields[f];
                for (int i = 0; i + 1 < t.n; i++) {
                    if (t.isNumber(i) && t.id[i + 1] == HZ && !sentenceHas(t, t.sentence[i], THETA_BURST_CONTEXT)) {
                        return true;
                    }
                }
            }
            for (int h = 0; h < s.hits; h++) {
                if (s.cue[h].kind() == FREQUENCY) {
                    return true;
                }
            }
            return false;
        }

        private boolean sentenceHas(Tokens t, int sentence, Cues.Kind kind) {
            for (int h = 0; h < s.hits; h++) {
                if (s.cue[h].kind() == kind && s.fields[s.field[h]] == t && t.sentence[s.from[h]] == sentence) {
                    return true;
                }
            }
            return false;
        }

        // ------------------------------------------------------------------------------------------- frequency

        private Suggestion frequency(List<Suggestion> modalities) {
            boolean magnetic = false;
            for (Suggestion m : modalities) {
                String v = m.value();
                magnetic |= v.equals("rTMS") || v.equals("deep TMS") || v.equals("epidural MCS");
            }
            if (!magnetic) {
                return null;
            }
            Score high = new Score(s);
            Score low = new Score(s);
            for (int f = 0; f <= ABSTRACT; f++) {
                Tokens t = s.fields[f];
                for (int i = 0; i + 1 < t.n; i++) {
                    if (t.id[i + 1] != HZ || !t.isNumber(i)) {
                        continue;
                    }
                    int sentence = t.sentence[i];
                    if (sentenceHas(t, sentence, HZ_BLOCK) || sentenceHas(t, sentence, THETA_BURST_CONTEXT)) {
                        continue;
                    }
                    // "1, 5, 10, and 20 Hz": every number of the list carries the unit
                    classify(t.number[i], t.evidence(i, i + 1), high, low);
                    int k = i - 1;
                    while (k >= 0 && t.sentence[k] == sentence) {
                        if (t.id[k] == AND || t.id[k] == OR) {
                            k--;
                            continue;
                        }
                        if (!t.isNumber(k) || !t.text.substring(t.end[k], t.start[k + 1]).contains(",")
                                && t.id[k + 1] != AND && t.id[k + 1] != OR) {
                            break;
                        }
                        classify(t.number[k], t.evidence(k, i + 1), high, low);
                        k--;
                    }
                }
            }
            for (int h = 0; h < s.hits; h++) {
                Cues.Cue c = s.cue[h];
                if (c.kind() != FREQUENCY || s.field[h] > ABSTRACT) {
                    continue;
                }
                Tokens t = s.fields[s.field[h]];
                if (sentenceHas(t, t.sentence[s.from[h]], HZ_BLOCK)) {
                    continue;
                }
                String w = CUES.lexicon.word(t.id[s.from[h]]);
                if ((w.equals("hf") || w.equals("lf")) && !uppercase(t, s.from[h])) {
                    continue;
                }
                (c.value().equals("high") ? high : low).add(c.weight(), h);
            }
            if (high.hasAny() && low.hasAny()) {
                Score both = high.merge(low);
                return new Suggestion("both", List.of("high", "low"), both.capped(Math.min(high.value(),
                        low.value())).value(), both.spans());
            }
            if (high.hasAny()) {
                return high.suggestion("high");
            }
            if (low.hasAny()) {
                return low.suggestion("low");
            }
            return null;
        }

        private void classify(double hz, Evidence e, Score high, Score low) {
            if (hz >= 5 && hz <= 100) {
                high.add(0.9, e);
            } else if (hz > 0 && hz <= 1) {
                low.add(0.9, e);
            }
        }

        // -------------------------------------------------------------------------------------------- sessions

        private Suggestion sessions() {
            Tokens t = abs;
            int perWeekValue = -1;
            Evidence perWeekEvidence = null;
            int best = -1;
            Evidence bestEvidence = null;
            boolean single = false;
            Evidence singleEvidence = null;
            for (int i = 0; i < t.n; i++) {
                int k = count(t, i);
                if (k <= 0) {
                    if (t.id[i] == SINGLE || t.id[i] == A) {
                        int j = i + 1;
                        if (j < t.n && t.isNumber(j) && j + 1 < t.n && isKind(t.id[j + 1], TIME_UNIT)) {
                            j += 2; // "a 20 minute session"
                        }
                        if (j < t.n && t.id[j] == SESSION && (t.id[i] == SINGLE || j > i + 1)) {
                            single = true;
                            singleEvidence = t.evidence(i, j);
                        }
                    }
                    continue;
                }
                if (excluded(t, i)) {
                    continue;
                }
                // "5 days/week for 4 weeks", "twice a week for 8 weeks", "2 sessions of tDCS per week for 8 weeks"
                int weekAt = -1;
                for (int j = i + 1; j <= Math.min(t.n - 1, i + 6); j++) {
                    if (t.id[j] == WEEK && t.sentence[j] == t.sentence[i]) {
                        weekAt = j;
                        break;
                    }
                    if (count(t, j) > 0 && !isKind(t.id[j - 1], TIME_UNIT)) {
                        break;
                    }
                }
                if (weekAt > 0 && (t.id[weekAt - 1] == PER || t.id[weekAt - 1] == A || slashBefore(t, weekAt))) {
                    int weeks = weeksInSentence(t, t.sentence[i], weekAt);
                    if (weeks > 0 && perWeekValue < 0) {
                        perWeekValue = k * weeks;
                        perWeekEvidence = t.evidence(Math.min(i, weeksStart), Math.max(weekAt, weeksEnd));
                        continue;
                    }
                }
                int end = sessionPhrase(t, i);
                if (end > 0) {
                    if (k > best) {
                        best = k;
                        bestEvidence = t.evidence(i, end);
                    }
                }
            }
            if (perWeekValue > 0) {
                return sessionSuggestion(perWeekValue, 0.7, perWeekEvidence);
            }
            if (best > 0) {
                return sessionSuggestion(best, 0.8, bestEvidence);
            }
            if (single) {
                return sessionSuggestion(1, 0.7, singleEvidence);
            }
            return null;
        }

        private int weeksStart;
        private int weeksEnd;

        private int weeksInSentence(Tokens t, int sentence, int weekAt) {
            for (int j = 0; j + 1 < t.n; j++) {
                if (t.sentence[j] == sentence && t.id[j + 1] == WEEKS && count(t, j) > 0 && j != weekAt
                        && !rangeBefore(t, j)) {
                    weeksStart = j;
                    weeksEnd = j + 1;
                    return count(t, j);
                }
            }
            return -1;
        }

        private boolean slashBefore(Tokens t, int at) {
            int p = t.start[at] - 1;
            return p >= 0 && t.text.charAt(p) == '/';
        }

        /** The last token of a sessions phrase that starts with the count at {@code i}, or -1. */
        private int sessionPhrase(Tokens t, int i) {
            int sentence = t.sentence[i];
            if (i + 1 < t.n && isKind(t.id[i + 1], TIME_UNIT) && t.id[i + 1] != DAYS) {
                return -1; // "25 min sessions", "2 mA"
            }
            // "10 daily rTMS", "10 daily 5-Hz rTMS"
            if (i + 1 < t.n && t.id[i + 1] == DAILY) {
                for (int j = i + 2; j <= Math.min(t.n - 1, i + 5); j++) {
                    if (isKind(t.id[j], SESSION_NOUN) || isModality(t, j)) {
                        return j;
                    }
                }
            }
            // "five consecutive days", "for 10 days", "during 10 days"
            if (i + 1 < t.n && t.id[i + 1] == DAYS || (i + 2 < t.n && t.id[i + 1] == CONSECUTIVE
                    && (t.id[i + 2] == DAYS || isKind(t.id[i + 2], SESSION_NOUN)))) {
                int end = t.id[i + 1] == DAYS ? i + 1 : i + 2;
                boolean consecutive = t.id[i + 1] == CONSECUTIVE;
                boolean forDuring = i > 0 && (t.id[i - 1] == FOR || t.id[i - 1] == DURING || t.id[i - 1] == OVER);
                if (consecutive || forDuring) {
                    return end;
                }
            }
            // "5-day period of treatment", "15-day intervention programme"
            if (i + 2 < t.n && t.id[i + 1] == DAY && isKind(t.id[i + 2], PERIOD_NOUN)) {
                return i + 2;
            }
            // "10 daily sessions", "three consecutive daily tDCS sessions", "20 multi-coil rTMS treatments"
            for (int j = i + 1; j <= Math.min(t.n - 1, i + 6); j++) {
                if (t.sentence[j] != sentence) {
                    break;
                }
                if (isKind(t.id[j], SESSION_NOUN)) {
                    return isVisitWord(t.id[j - 1]) ? -1 : j;
                }
                if (t.isNumber(j) && !(j + 1 < t.n && isKind(t.id[j + 1], TIME_UNIT))) {
                    break;
                }
                if (t.id[j] == OF || t.id[j] == FOR || t.id[j] == TO) {
                    break;
                }
            }
            return -1;
        }

        /** "three experimental sessions", "test session": visits of a study, not treatment sessions. */
        private boolean isVisitWord(int id) {
            for (int v : VISIT_WORDS) {
                if (v == id) {
                    return true;
                }
            }
            return false;
        }

        private boolean isModality(Tokens t, int j) {
            Cues.Cue[] cs = CUES.startingWith(t.id[j]);
            if (cs == null) {
                return false;
            }
            for (Cues.Cue c : cs) {
                if (c.kind() == MODALITY || c.kind() == GENERIC_TMS) {
                    return true;
                }
            }
            return false;
        }

        /** "at least 10 sessions", "one to three sessions", "the first 5 days". */
        private boolean excluded(Tokens t, int i) {
            if (i > 0 && (t.id[i - 1] == LEAST || t.id[i - 1] == FIRST)) {
                return true;
            }
            if (i > 1 && t.id[i - 1] == TO && count(t, i - 2) > 0) {
                return true;
            }
            return i + 2 < t.n && t.id[i + 1] == TO && count(t, i + 2) > 0 || rangeBefore(t, i);
        }

        /** "4-6 weeks": the second number of a range written with a dash. */
        private boolean rangeBefore(Tokens t, int i) {
            if (i == 0 || !t.isNumber(i - 1)) {
                return false;
            }
            String between = t.text.substring(t.end[i - 1], t.start[i]);
            return between.equals("-") || between.equals("\u2013") || between.equals("\u2010");
        }

        /** The number at token {@code i}, written in digits or words, if a whole number from 1 to 999. */
        private int count(Tokens t, int i) {
            if (t.isNumber(i)) {
                double v = t.number[i];
                return v == Math.rint(v) && v >= 1 && v < 1000 ? (int) v : -1;
            }
            int id = t.id[i];
            return id >= 0 && id < NUMBER_WORD_VALUE.length && NUMBER_WORD_VALUE[id] > 0 ? NUMBER_WORD_VALUE[id] : -1;
        }

        private Suggestion sessionSuggestion(int value, double confidence, Evidence e) {
            return new Suggestion(String.valueOf(value), List.of(String.valueOf(value)), confidence,
                    e == null ? List.of() : List.of(e));
        }

        // ------------------------------------------------------------------------------------------- intensity

        private Suggestion intensity() {
            for (int f = 0; f <= ABSTRACT; f++) {
                Tokens t = s.fields[f];
                for (int i = 0; i + 1 < t.n; i++) {
                    if (!t.isNumber(i) || t.id[i + 1] != Tokens.PERCENT) {
                        continue;
                    }
                    double v = t.number[i];
                    if (v < 30 || v > 150) {
                        continue;
                    }
                    for (int j = i + 2; j <= Math.min(t.n - 1, i + 7); j++) {
                        if (t.sentence[j] != t.sentence[i] || t.isNumber(j)) {
                            break;
                        }
                        Cues.Cue[] cs = CUES.startingWith(t.id[j]);
                        int end = matchKind(t, j, cs, MOTOR_THRESHOLD);
                        if (end >= 0) {
                            String value = v == Math.rint(v) ? String.valueOf((int) v) : String.valueOf(v);
                            return new Suggestion(value, List.of(value), 0.9, List.of(t.evidence(i, end)));
                        }
                    }
                }
            }
            return null;
        }

        private int matchKind(Tokens t, int j, Cues.Cue[] cs, Cues.Kind kind) {
            if (cs == null) {
                return -1;
            }
            for (Cues.Cue c : cs) {
                if (c.kind() != kind || j + c.words().length > t.n) {
                    continue;
                }
                boolean ok = true;
                for (int k = 1; k < c.words().length && ok; k++) {
                    ok = t.id[j + k] == c.words()[k];
                }
                if (ok) {
                    return j + c.words().length - 1;
                }
            }
            return -1;
        }

        // ------------------------------------------------------------------------------------------- condition

        private Suggestion condition() {
            Map<String, Score> scores = new LinkedHashMap<>();
            Map<String, Integer> tiers = new LinkedHashMap<>();
            boolean painSeen = false;
            for (int h = 0; h < s.hits; h++) {
                Cues.Cue c = s.cue[h];
                if (c.kind() != CONDITION) {
                    continue;
                }
                int f = s.field[h];
                Tokens t = s.fields[f];
                String value = c.value();
                String first = CUES.lexicon.word(t.id[s.from[h]]);
                if (isAbbreviation(first) && !uppercase(t, s.from[h])) {
                    continue;
                }
                if (value.equals("spinal cord injury pain") || value.equals("multiple sclerosis pain")) {
                    if (!sentenceHas(t, t.sentence[s.from[h]], PAIN) && f != TITLE) {
                        continue;
                    }
                }
                if (value.equals("stroke") && sentenceHas(t, t.sentence[s.from[h]], PAIN)) {
                    continue;
                }
                if (value.equals("depression") && scaleOrSymptom(t, s.from[h], s.to[h])) {
                    continue;
                }
                double w = f == TITLE ? 3 : 1;
                scores.computeIfAbsent(value, k -> new Score(s)).addCount(w, h);
                tiers.put(value, c.tier());
                painSeen |= isPainCondition(value);
            }
            String bestValue = null;
            double bestScore = 0;
            for (Map.Entry<String, Score> e : scores.entrySet()) {
                String v = e.getKey();
                if (painSeen && !isPainCondition(v)) {
                    continue; // "Beck Depression Inventory", "post-stroke": the study is about pain
                }
                int tier = tiers.get(v);
                double score = e.getValue().total * (tier == 3 ? 2.5 : tier == 2 ? 1.5 : 1.0);
                if (score > bestScore) {
                    bestScore = score;
                    bestValue = v;
                }
            }
            if (bestValue == null) {
                return null;
            }
            Score chosen = scores.get(bestValue);
            double confidence = Math.min(0.95, 0.35 + 0.12 * chosen.total);
            return new Suggestion(bestValue, List.of(bestValue), confidence, chosen.spans());
        }

        private boolean isAbbreviation(String w) {
            return switch (w) {
                case "np", "ms", "sci", "mdd", "trd", "fms", "plp", "crps", "cpsp", "bms", "tth", "ctth", "dpn",
                        "fbss", "lbp", "ofp", "fcnp", "oa" -> true;
                default -> false;
            };
        }

        /** "Beck Depression Inventory", "depression scores", "anxiety and depression" are outcomes, not the disease. */
        private boolean scaleOrSymptom(Tokens t, int from, int to) {
            if (from > 0) {
                String before = CUES.lexicon.word(t.id[from - 1]);
                if (before.equals("beck") || before.equals("hamilton") || before.equals("and")
                        || before.equals("anxiety") || before.equals("comorbid") || before.equals("hospital")) {
                    return true;
                }
            }
            if (to + 1 < t.n) {
                String after = CUES.lexicon.word(t.id[to + 1]);
                return after.equals("inventory") || after.equals("scale") || after.equals("scores")
                        || after.equals("rating") || after.equals("symptoms") || after.equals("and")
                        || after.equals("comorbidity") || t.id[to + 1] == Lexicon.UNKNOWN && !t.isNumber(to + 1)
                        && Character.isUpperCase(t.text.charAt(t.start[to + 1]));
            }
            return false;
        }

        private boolean isPainCondition(String v) {
            return !(v.equals("depression") || v.equals("tinnitus") || v.equals("stroke"));
        }

        // -------------------------------------------------------------------------------------------- helpers

        /** A hit's span, made when a score keeps it ({@link Score#add(double, int)}). */
        private Evidence evidence(int h) {
            return s.fields[s.field[h]].evidence(s.from[h], s.to[h]);
        }

        private Score score() {
            return new Score(s);
        }
    }


    /**
     * Weights of independent cues combined as 1 - prod(1 - w), with the spans that gave them. Spans of cue hits are
     * kept as hit numbers and made into {@link Evidence} only for the suggestion returned.
     */
    private static final class Score {
        private final Scratch s;
        double miss = 1;
        int count;
        double total;
        boolean inTitle;
        double strongest;
        private final int[] hits = new int[MAX_EVIDENCE];
        private int hitCount;
        private List<Evidence> direct;

        Score(Scratch s) {
            this.s = s;
        }

        /** A cue hit of the scratch's table. */
        void add(double w, int hit) {
            weigh(w);
            inTitle |= s.field[hit] == TITLE;
            if (hitCount + directCount() < MAX_EVIDENCE && !sameSpan(hit)) {
                hits[hitCount++] = hit;
            }
        }

        /** A span that is not a cue hit: a publication type, a MeSH descriptor, a number. */
        void add(double w, Evidence e) {
            weigh(w);
            if (e != null && hitCount + directCount() < MAX_EVIDENCE) {
                if (direct == null) {
                    direct = new ArrayList<>(2);
                }
                if (!direct.contains(e)) {
                    direct.add(e);
                }
                inTitle |= Evidence.TITLE.equals(e.field());
            }
        }

        private int directCount() {
            return direct == null ? 0 : direct.size();
        }

        private boolean sameSpan(int hit) {
            for (int i = 0; i < hitCount; i++) {
                int o = hits[i];
                if (s.field[o] == s.field[hit] && s.from[o] == s.from[hit] && s.to[o] == s.to[hit]) {
                    return true;
                }
            }
            return false;
        }

        private void weigh(double w) {
            miss *= 1 - Math.min(0.99, w);
            count++;
            total += 1;
            strongest = Math.max(strongest, w);
        }

        void addCount(double w, int hit) {
            add(0.3, hit);
            total += w - 1;
        }

        boolean hasAny() {
            return count > 0;
        }

        boolean hasStrong(double w) {
            return strongest >= w;
        }

        double value() {
            return count == 0 ? 0 : Math.min(0.99, 1 - miss);
        }

        Score merge(Score other) {
            Score m = new Score(s);
            m.miss = miss * other.miss;
            m.count = count + other.count;
            m.total = total + other.total;
            m.strongest = Math.max(strongest, other.strongest);
            m.inTitle = inTitle || other.inTitle;
            for (Score from : new Score[] {this, other}) {
                for (int i = 0; i < from.hitCount; i++) {
                    if (m.hitCount + m.directCount() < MAX_EVIDENCE && !m.sameSpan(from.hits[i])) {
                        m.hits[m.hitCount++] = from.hits[i];
                    }
                }
                if (from.direct != null) {
                    for (Evidence e : from.direct) {
                        if (m.hitCount + m.directCount() < MAX_EVIDENCE) {
                            if (m.direct == null) {
                                m.direct = new ArrayList<>(2);
                            }
                            m.direct.add(e);
                        }
                    }
                }
            }
            return m;
        }

        Score capped(double cap) {
            Score c = merge(new Score(s));
            if (c.value() > cap) {
                c.miss = 1 - cap;
            }
            return c;
        }

        /** The spans, publication types and MeSH first, then the cue hits in the order found. */
        List<Evidence> spans() {
            List<Evidence> out = new ArrayList<>(hitCount + directCount());
            if (direct != null) {
                out.addAll(direct);
            }
            for (int i = 0; i < hitCount; i++) {
                int h = hits[i];
                out.add(s.fields[s.field[h]].evidence(s.from[h], s.to[h]));
            }
            return out;
        }

        Suggestion suggestion(String value) {
            return new Suggestion(value, List.of(value), Math.round(value() * 1000) / 1000.0, spans());
        }
    }
}
