package org.cortexlit.search.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Our stand-in for PubMed's automatic term mapping: an untagged, unquoted term that names a synonym group
 * ({@code rTMS}, {@code primary motor cortex}, {@code anaesthesia}) is searched as any member of the group.
 * Groups come from one readable file, {@value #RESOURCE}, one group per line, members separated by '|',
 * '#' starting a comment; it is read once, when the class is first used. A line {@code TERM > a | b} maps one
 * way: the untagged TERM also finds a and b (the field's shorthand {@code M1} finds "motor cortex"), but a and b
 * do not find TERM. Matching is case-insensitive and
 * word by word (words as the query tokenizer splits them), so {@code theta-burst} is one word and
 * {@code theta burst} two.
 */
final class TermMapping {

    static final String RESOURCE = "/search/synonyms.txt";

    /** One member of a group, found in a query: how many words it spans and the other members to add. */
    record Match(int length, List<String> synonyms) {
    }

    /** Lower-case words of every member -> all members of its group, as written in the file. */
    private static final Map<List<String>, List<String>> GROUPS = new HashMap<>();
    /** Lower-case words of a term -> what it also finds one way, as written in the file. */
    private static final Map<List<String>, List<String>> ONE_WAY = new HashMap<>();
    private static final int MAX_WORDS;

    static {
        try (InputStream in = TermMapping.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing synonym file " + RESOURCE + " on the classpath");
            }
            MAX_WORDS = load(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private TermMapping() {
    }

    private static int load(BufferedReader reader) throws IOException {
        int maxWords = 0;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            int arrow = content.indexOf('>');
            if (arrow >= 0) {
                List<String> term = lowerWords(content.substring(0, arrow));
                List<String> finds = members(content.substring(arrow + 1), lineNumber);
                if (term.isEmpty() || finds.isEmpty() || ONE_WAY.put(term, finds) != null) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": a one-way line is TERM > a | b, "
                            + "once per term");
                }
                maxWords = Math.max(maxWords, term.size());
                continue;
            }
            List<String> members = members(content, lineNumber);
            if (members.size() < 2) {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": a group needs two members");
            }
            List<String> group = List.copyOf(members);
            for (String member : group) {
                List<String> key = lowerWords(member);
                if (GROUPS.put(key, group) != null) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": '" + member
                            + "' is already in another group");
                }
                maxWords = Math.max(maxWords, key.size());
            }
        }
        return maxWords;
    }

    private static List<String> members(String content, int lineNumber) {
        List<String> members = new ArrayList<>();
        for (String member : content.split("\\|")) {
            String m = String.join(" ", words(member));
            // Members are printed inside quotes in the normalised query, so they must not break the syntax.
            if (m.isEmpty() || m.matches(".*[\"\\[\\]*].*")) {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": bad member '" + member + "'");
            }
            members.add(m);
        }
        return members;
    }

    /**
     * The longest term that equals the words starting at {@code from}, with the other members of its group and
     * then what it finds one way, in file order; null when no term starts there.
     */
    static Match longestAt(List<String> words, int from) {
        for (int length = Math.min(MAX_WORDS, words.size() - from); length > 0; length--) {
            List<String> key = lowerWords(String.join(" ", words.subList(from, from + length)));
            List<String> group = GROUPS.getOrDefault(key, List.of());
            List<String> oneWay = ONE_WAY.getOrDefault(key, List.of());
            if (!group.isEmpty() || !oneWay.isEmpty()) {
                Set<String> others = new LinkedHashSet<>();
                Set<List<String>> seen = new HashSet<>();
                seen.add(key);
                for (String member : group) {
                    if (seen.add(lowerWords(member))) {
                        others.add(member);
                    }
                }
                for (String member : oneWay) {
                    if (seen.add(lowerWords(member))) {
                        others.add(member);
                    }
                }
                return new Match(length, List.copyOf(others));
            }
        }
        return null;
    }

    /** Every group, for tests and documentation. */
    static List<List<String>> groups() {
        return GROUPS.values().stream().distinct().toList();
    }

    private static List<String> words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split("\\s+"));
    }

    private static List<String> lowerWords(String text) {
        return words(text.toLowerCase(Locale.ROOT));
    }
}
