package org.cortexlit.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The phrase index: the field's multi-word terms ({@value #RESOURCE}: "neuropathic pain", "repetitive transcranial
 * magnetic stimulation", ...) are also indexed as one token each in the {@link IndexFields#PHRASE_FIELDS} (title,
 * abstract, MeSH and the catch-all field), wherever their words stand side by side. A phrase search for one of them then reads one posting list instead of
 * matching positions, and, more important for ranking, Lucene knows how well each block of documents can score on
 * it: for a phrase of words it can only bound that score by its words' (every block of a common word looks
 * competitive), so a strategy of OR groups over phrases could skip nothing.
 *
 * <p>A phrase token is the phrase's words between square brackets ({@code [neuropathic pain]}): no word token holds a
 * bracket or a space, so truncation ({@code neuro*}) never expands to one. It is stacked on the phrase's first word.
 * The same records match either way: the token is there exactly when the words are at consecutive positions of one
 * value, which is what a phrase query asks.
 *
 * <p>Every document also holds the list's {@linkplain #version() version} in {@link IndexFields#PHRASES}: queries use
 * the phrase tokens only when every document of the index has it ({@link #isComplete}), so an index built before the
 * list changed is searched by positions, correctly, until the start-up check has rebuilt it.
 */
public final class PhraseIndex {

    static final String RESOURCE = "/search/phrases.txt";

    private static final PhraseIndex STANDARD = load();

    /** Each phrase's words (analysed), keyed by the phrase's token. */
    private final Map<String, List<String>> phrases;
    /** Word -> its one String instance, for the words phrases use; other words are not looked up further. */
    private final CharArrayMap<String> words;
    /** First word -> the phrases starting with it. */
    private final Map<String, List<Phrase>> byFirstWord;
    private final int maxWords;
    private final String version;

    private PhraseIndex(Map<String, List<String>> phrases) {
        this.phrases = Map.copyOf(phrases);
        this.words = new CharArrayMap<>(64, false);
        Map<String, List<Phrase>> first = new HashMap<>();
        int max = 0;
        for (List<String> ws : phrases.values()) {
            String[] canonical = new String[ws.size()];
            for (int i = 0; i < ws.size(); i++) {
                String w = words.get(ws.get(i));
                if (w == null) {
                    w = ws.get(i);
                    words.put(w, w);
                }
                canonical[i] = w;
            }
            first.computeIfAbsent(canonical[0], k -> new ArrayList<>()).add(new Phrase(canonical, tokenOf(ws)));
            max = Math.max(max, canonical.length);
        }
        this.byFirstWord = Map.copyOf(first);
        this.maxWords = max;
        this.version = digest(new TreeSet<>(phrases.keySet()));
    }

    /** A phrase's words (the String instances of {@link #words}) and its token. */
    private record Phrase(String[] words, String token) {
    }

    /** The list shipped in {@value #RESOURCE}. */
    public static PhraseIndex standard() {
        return STANDARD;
    }

    /** A phrase index of other phrases (for tests): each analysed as the text fields are. */
    static PhraseIndex of(List<String> phrases) {
        return new PhraseIndex(analyse(phrases, RESOURCE + " (given)"));
    }

    /** The phrase token of {@code words} (analysed words, in order), if they are one of the phrases. */
    public Optional<String> token(List<String> words) {
        if (words.size() < 2 || words.size() > maxWords) {
            return Optional.empty();
        }
        String token = tokenOf(words);
        return phrases.containsKey(token) ? Optional.of(token) : Optional.empty();
    }

    /** Every phrase token, sorted. */
    public Set<String> tokens() {
        return new TreeSet<>(phrases.keySet());
    }

    /** Names this list: a change of phrases is a change of version. */
    public String version() {
        return version;
    }

    /** The term every document indexed with this list holds. */
    public Term versionTerm() {
        return new Term(IndexFields.PHRASES, version);
    }

    /** Whether every document {@code reader} holds, deleted ones included, was indexed with this list. */
    public boolean isComplete(IndexReader reader) throws IOException {
        return reader.maxDoc() == 0 || reader.docFreq(versionTerm()) == reader.maxDoc();
    }

    /** {@code in} followed by the phrase tokens of the phrases it holds. */
    public TokenStream filter(TokenStream in) {
        return new PhraseTokens(in, this);
    }

    static String tokenOf(List<String> words) {
        return "[" + String.join(" ", words) + "]";
    }

    private static PhraseIndex load() {
        try (InputStream in = PhraseIndex.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing phrase list " + RESOURCE + " on the classpath");
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            return new PhraseIndex(analyse(lines, RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** Each non-comment line as the text fields' analyser splits it; a line of one word is an error in the list. */
    private static Map<String, List<String>> analyse(List<String> lines, String source) {
        Map<String, List<String>> out = new HashMap<>();
        try (Analyzer analyzer = Analyzers.text()) {
            int n = 0;
            for (String line : lines) {
                n++;
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                List<String> ws = Analyzers.words(analyzer, IndexFields.ALL, content);
                if (ws.size() < 2) {
                    throw new IllegalStateException(source + " line " + n + ": '" + content
                            + "' is not a phrase (it has fewer than two words); list only terms of several words there");
                }
                out.put(tokenOf(ws), List.copyOf(ws));
            }
        }
        return out;
    }

    private static String digest(Set<String> sorted) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String s : sorted) {
                sha.update(s.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds a phrase token after the first word of each phrase that starts there, stacked on that word's position
     * (increment 0), its offsets from the phrase's first word to its last. Reads ahead only after a word that starts a
     * phrase. A gap in positions ends every phrase (values of a field are separate streams anyway).
     */
    private static final class PhraseTokens extends TokenFilter {
        private final PhraseIndex index;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        /** Words read ahead, not yet passed on. */
        private final ArrayDeque<Ahead> ahead = new ArrayDeque<>();
        /** Phrase tokens still to emit after {@link #head}, with their end offsets. */
        private final List<String> pending = new ArrayList<>();
        private final List<Integer> pendingEnds = new ArrayList<>();
        private int next;
        private State head;
        private int headStart;
        private boolean exhausted;

        /** A word read ahead: its state to replay, and what matching needs. */
        private record Ahead(State state, String word, int increment, int endOffset) {
        }

        PhraseTokens(TokenStream in, PhraseIndex index) {
            super(in);
            this.index = index;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (next < pending.size()) {
                restoreState(head);
                term.setEmpty().append(pending.get(next));
                increment.setPositionIncrement(0);
                offset.setOffset(headStart, pendingEnds.get(next));
                next++;
                return true;
            }
            pending.clear();
            pendingEnds.clear();
            next = 0;
            String word;
            if (!ahead.isEmpty()) {
                Ahead a = ahead.poll();
                restoreState(a.state());
                word = a.word();
            } else {
                if (exhausted || !input.incrementToken()) {
                    exhausted = true;
                    return false;
                }
                word = index.words.get(term.buffer(), 0, term.length());
            }
            List<Phrase> starting = word == null ? null : index.byFirstWord.get(word);
            if (starting == null) {
                return true;
            }
            head = captureState();
            headStart = offset.startOffset();
            for (Phrase phrase : starting) {
                int end = readAhead(phrase.words().length - 1) ? endOf(phrase.words()) : -1;
                if (end >= 0) {
                    pending.add(phrase.token());
                    pendingEnds.add(end);
                }
            }
            restoreState(head);
            return true;
        }

        /** Whether {@code n} words could be read ahead. */
        private boolean readAhead(int n) throws IOException {
            while (ahead.size() < n && !exhausted) {
                if (!input.incrementToken()) {
                    exhausted = true;
                    break;
                }
                ahead.add(new Ahead(captureState(), index.words.get(term.buffer(), 0, term.length()),
                        increment.getPositionIncrement(), offset.endOffset()));
            }
            return ahead.size() >= n;
        }

        /** The end offset of {@code phrase}'s last word when the words read ahead continue it (its first word is the
         * current one) without a gap, else -1. */
        private int endOf(String[] phrase) {
            Iterator<Ahead> it = ahead.iterator();
            int end = -1;
            for (int i = 1; i < phrase.length; i++) {
                Ahead a = it.next();
                if (a.word() != phrase[i] || a.increment() != 1) {
                    return -1;
                }
                end = a.endOffset();
            }
            return end;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            ahead.clear();
            pending.clear();
            pendingEnds.clear();
            next = 0;
            head = null;
            exhausted = false;
        }
    }
}
