package org.cortexlit.search.query;

import org.cortexlit.search.query.QueryNode.Author;
import org.cortexlit.search.query.QueryNode.Chain;
import org.cortexlit.search.query.QueryNode.Group;
import org.cortexlit.search.query.QueryNode.Identifier;
import org.cortexlit.search.query.QueryNode.Link;
import org.cortexlit.search.query.QueryNode.Not;
import org.cortexlit.search.query.QueryNode.Operator;
import org.cortexlit.search.query.QueryNode.Phrase;
import org.cortexlit.search.query.QueryNode.Proximity;
import org.cortexlit.search.query.QueryNode.TagValue;
import org.cortexlit.search.query.QueryNode.Truncation;
import org.cortexlit.search.query.QueryNode.Word;
import org.cortexlit.search.query.QueryNode.YearRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recursive descent over the tokens:
 * <pre>
 * expression := unit ( [AND|OR|NOT] unit )*      juxtaposed units mean AND; all operators left to right
 * unit       := NOT unit | '(' expression ')' | QUOTED [TAG] | WORD+ [TAG]
 * TAG        := '[' name ']' | '[' (ti|ab|tiab) ':~' N ']'      proximity, quoted phrases only
 * </pre>
 * A tag after several unquoted words makes them one phrase ({@code motor cortex[ti]}), as PubMed does.
 * Untagged words go through {@link TermMapping}: a run naming a synonym group becomes a group of quoted
 * alternatives right here, so the AST (and its printed form) already shows what is searched.
 */
final class QueryParser {

    /** Parentheses and leading NOTs nest the recursion; real queries stay far below this. */
    static final int MAX_DEPTH = 50;

    /** Year, optional month and day: PubMed's {@code 2015/03/31}. Only the year is searched (we index years). */
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:/(\\d{1,2})(?:/(\\d{1,2}))?)?");
    /** {@code tiab:~3}, spaces tolerated; the distance is checked separately for a better message. */
    private static final Pattern PROXIMITY = Pattern.compile("(.*?)\\s*:\\s*~\\s*(.*)", Pattern.DOTALL);
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{3}");
    /** Language names PubMed accepts besides the MEDLINE codes. */
    private static final Map<String, String> LANGUAGE_NAMES = Map.of("english", "eng", "french", "fre",
            "german", "ger", "spanish", "spa", "italian", "ita", "japanese", "jpn", "chinese", "chi",
            "portuguese", "por", "russian", "rus");
    /** A field tag after a term, with the proximity distance of {@code [tiab:~3]} (-1 when none). */
    private record TagUse(FieldTag tag, int slop, int position) {
        static final TagUse NONE = new TagUse(FieldTag.ALL, -1, -1);
    }

    private final List<Token> tokens;
    private int next;
    /** Where a lower-case "and" was last skipped, to explain an otherwise empty query. */
    private int ignoredAnd = -1;

    private QueryParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static QueryNode parse(String query) throws QuerySyntaxException {
        QueryParser parser = new QueryParser(QueryTokenizer.tokenize(query));
        if (parser.peek().kind() == Token.Kind.END) {
            throw new QuerySyntaxException("Empty query", 0);
        }
        QueryNode root = parser.expression(0);
        Token t = parser.peek();
        if (t.kind() == Token.Kind.RPAREN) {
            throw new QuerySyntaxException("Unbalanced parenthesis: ')' at position " + t.position()
                    + " has no matching '('", t.position());
        }
        if (root == null) {
            throw parser.nothingToSearch(0);
        }
        return root;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        return tokens.get(next++);
    }

    /** Returns null when the expression holds nothing (the caller decides which error that is). */
    private QueryNode expression(int depth) throws QuerySyntaxException {
        QueryNode first = null;
        List<Link> links = new ArrayList<>();
        Token pending = null;
        while (true) {
            Token t = peek();
            switch (t.kind()) {
                case END, RPAREN -> {
                    if (pending != null) {
                        throw missingAfter(pending);
                    }
                    return first == null ? null : links.isEmpty() ? first : new Chain(first, links);
                }
                case AND, OR -> {
                    if (first == null) {
                        throw new QuerySyntaxException("Missing term before " + t.text() + " at position "
                                + t.position(), t.position());
                    }
                    if (pending != null) {
                        throw missingAfter(pending);
                    }
                    pending = take();
                    continue;
                }
                case NOT -> {
                    if (first != null && pending == null) {
                        pending = take();
                        continue;
                    }
                    // otherwise a NOT with nothing on its left: a unit, handled below
                }
                case TAG -> throw new QuerySyntaxException("Field tag [" + t.text().strip() + "] at position "
                        + t.position() + " has no term before it", t.position());
                default -> {
                }
            }
            List<QueryNode> units = unit(depth);
            for (QueryNode unit : units) {
                if (first == null) {
                    first = unit;
                } else {
                    Operator op = pending == null ? Operator.AND : Operator.valueOf(pending.kind().name());
                    links.add(new Link(op, unit));
                }
                pending = null;
            }
        }
    }

    /** One unit, or several when a run of untagged words stands for words joined by AND. */
    private List<QueryNode> unit(int depth) throws QuerySyntaxException {
        if (depth > MAX_DEPTH) {
            throw new QuerySyntaxException("Query is nested too deeply at position " + peek().position()
                    + ": more than " + MAX_DEPTH + " levels of parentheses or NOT", peek().position());
        }
        Token t = take();
        switch (t.kind()) {
            case NOT -> {
                Token operandStart = peek();
                if (operandStart.kind() != Token.Kind.NOT && operandStart.kind() != Token.Kind.LPAREN
                        && operandStart.kind() != Token.Kind.WORD && operandStart.kind() != Token.Kind.QUOTED) {
                    throw missingAfter(t);
                }
                List<QueryNode> units = unit(depth + 1);
                if (units.isEmpty()) {
                    throw missingAfter(t);
                }
                List<QueryNode> result = new ArrayList<>(units);
                result.set(0, new Not(units.get(0), t.position()));
                return result;
            }
            case LPAREN -> {
                QueryNode inner = expression(depth + 1);
                Token close = peek();
                if (close.kind() != Token.Kind.RPAREN) {
                    throw new QuerySyntaxException("Unbalanced parenthesis: '(' at position " + t.position()
                            + " is never closed", t.position());
                }
                if (inner == null) {
                    throw new QuerySyntaxException("Empty parentheses at position " + t.position(), t.position());
                }
                take();
                if (peek().kind() == Token.Kind.TAG) {
                    Token tag = peek();
                    throw new QuerySyntaxException("Field tag [" + tag.text().strip() + "] at position " + tag.position()
                            + " cannot apply to a group in parentheses; tag each term inside it", tag.position());
                }
                return List.of(new Group(inner));
            }
            case QUOTED -> {
                String text = collapse(t.text());
                if (text.isEmpty()) {
                    throw new QuerySyntaxException("Empty phrase \"\" at position " + t.position(), t.position());
                }
                return List.of(tagged(List.of(t), text, optionalTag(), true));
            }
            case WORD -> {
                List<Token> run = new ArrayList<>();
                run.add(t);
                while (peek().kind() == Token.Kind.WORD) {
                    run.add(take());
                }
                if (peek().kind() == Token.Kind.TAG) {
                    String text = String.join(" ", run.stream().map(Token::text).toList());
                    return List.of(tagged(run, text, optionalTag(), false));
                }
                List<QueryNode> words = new ArrayList<>();
                List<Token> mappable = new ArrayList<>();
                for (Token w : run) {
                    // PubMed ignores the stopword "and"; only upper-case AND is an operator, so a lower-case
                    // "and" between two words just leaves them joined by AND.
                    if (w.text().equalsIgnoreCase("and")) {
                        ignoredAnd = w.position();
                        mapTerms(mappable, words, depth);
                    } else if (w.text().indexOf('*') >= 0) {
                        mapTerms(mappable, words, depth);
                        words.add(truncation(w.text(), FieldTag.ALL, w.position()));
                    } else {
                        mappable.add(w);
                    }
                }
                mapTerms(mappable, words, depth);
                return words;
            }
            default -> throw new IllegalStateException("unit() called at " + t);
        }
    }

    private TagUse optionalTag() throws QuerySyntaxException {
        if (peek().kind() != Token.Kind.TAG) {
            return TagUse.NONE;
        }
        Token tagToken = take();
        TagUse tag = tagUse(tagToken);
        if (peek().kind() == Token.Kind.TAG) {
            Token second = peek();
            throw new QuerySyntaxException("Field tag [" + second.text().strip() + "] at position " + second.position()
                    + " follows another tag; a term takes one tag", second.position());
        }
        return tag;
    }

    private static TagUse tagUse(Token tagToken) throws QuerySyntaxException {
        int position = tagToken.position();
        Matcher proximity = PROXIMITY.matcher(tagToken.text());
        if (!proximity.matches()) {
            return new TagUse(FieldTag.lookup(tagToken.text(), position), -1, position);
        }
        String raw = tagToken.text().strip();
        FieldTag tag = FieldTag.lookup(proximity.group(1), position);
        if (!tag.allowsProximity()) {
            throw new QuerySyntaxException("Proximity search [" + raw + "] at position " + position
                    + " works only with [ti], [ab] and [tiab]", position);
        }
        if (!proximity.group(2).strip().matches("\\d{1,3}")) {
            throw new QuerySyntaxException("Invalid proximity distance in [" + raw + "] at position " + position
                    + ": give a number of words from 0 to 999, e.g. [tiab:~3]", position);
        }
        return new TagUse(tag, Integer.parseInt(proximity.group(2).strip()), position);
    }

    /**
     * Automatic term mapping over a run of untagged, unquoted words (then clears the run): the longest run of
     * words that names a synonym group becomes a parenthesised OR of the group, every member quoted, which is
     * also how it prints, so the printed query maps nothing a second time. Other words stay single words.
     */
    private static void mapTerms(List<Token> run, List<QueryNode> out, int depth) throws QuerySyntaxException {
        List<String> words = run.stream().map(Token::text).toList();
        int i = 0;
        while (i < run.size()) {
            Token first = run.get(i);
            TermMapping.Match match = TermMapping.longestAt(words, i);
            if (match == null) {
                out.add(new Word(first.text(), FieldTag.ALL, first.position()));
                i++;
                continue;
            }
            if (depth + 1 > MAX_DEPTH) {
                throw new QuerySyntaxException("Query is nested too deeply at position " + first.position()
                        + ": more than " + MAX_DEPTH + " levels of parentheses or NOT", first.position());
            }
            String typed = String.join(" ", words.subList(i, i + match.length()));
            List<Link> alternatives = new ArrayList<>();
            for (String synonym : match.synonyms()) {
                alternatives.add(new Link(Operator.OR, new Phrase(synonym, FieldTag.ALL, first.position())));
            }
            out.add(new Group(new Chain(new Phrase(typed, FieldTag.ALL, first.position()), alternatives)));
            i += match.length();
        }
        run.clear();
    }

    private QueryNode tagged(List<Token> run, String text, TagUse use, boolean quoted) throws QuerySyntaxException {
        int position = run.get(0).position();
        FieldTag tag = use.tag();
        if (use.slop() >= 0) {
            if (!quoted) {
                throw new QuerySyntaxException("Proximity search [" + tag.shortName + ":~" + use.slop()
                        + "] needs a quoted phrase, but '" + text + "' at position " + position
                        + " is not quoted; write e.g. \"motor cortex pain\"[tiab:~3]", position);
            }
            noTruncationInPhrase(text, position);
            return new Proximity(text, tag, use.slop(), position);
        }
        switch (tag) {
            case DP -> {
                return yearRange(single(run, text, tag, quoted), position);
            }
            case PMID -> {
                String pmid = single(run, text, tag, quoted);
                if (!pmid.matches("\\d{1,12}")) {
                    throw new QuerySyntaxException("Invalid PMID '" + pmid + "' at position " + position
                            + ": a PMID is digits only", position);
                }
                String stripped = pmid.replaceFirst("^0+(?=\\d)", "");
                return new Identifier(stripped, tag, position);
            }
            case DOI -> {
                String doi = normalizeDoi(single(run, text, tag, quoted));
                if (!doi.startsWith("10.") || doi.length() < 4) {
                    throw new QuerySyntaxException("Invalid DOI '" + text + "' at position " + position
                            + ": a DOI starts with 10.", position);
                }
                return new Identifier(doi, tag, position);
            }
            case LA -> {
                return new Identifier(language(single(run, text, tag, quoted), position), tag, position);
            }
            default -> {
                if (tag.isReviewerTag()) {
                    return tagValue(text, tag, quoted, position);
                }
                if (tag.isAuthor()) {
                    return author(text, tag, quoted, position);
                }
                if (text.indexOf('*') >= 0) {
                    if (quoted || run.size() > 1) {
                        noTruncationInPhrase(text, position);
                    }
                    return truncation(text, tag, position);
                }
                return quoted || run.size() > 1 ? new Phrase(text, tag, position) : new Word(text, tag, position);
            }
        }
    }

    /**
     * A reviewers' tag: the words before it are one value ({@code deep TMS[modality]} is "deep TMS"). Unquoted,
     * a '*' at the end truncates ({@code theta*[modality]}); quoted, the value is taken exactly as written, so
     * every stored value can be searched. The value must be one the dimension accepts ({@code ten[sessions]}
     * is refused with the dimension's own explanation).
     */
    private static QueryNode tagValue(String text, FieldTag tag, boolean quoted, int position)
            throws QuerySyntaxException {
        if (!quoted && text.indexOf('*') >= 0) {
            QueryNode truncation = truncation(text, tag, position);
            if (((Truncation) truncation).prefix().isBlank()) {
                throw new QuerySyntaxException("Truncation needs something before '*': '" + text + "' at position "
                        + position, position);
            }
            return truncation;
        }
        try {
            return new TagValue(tag.dimension.normalise(text), tag, position);
        } catch (IllegalArgumentException e) {
            throw new QuerySyntaxException("Invalid value '" + text.strip() + "' for " + tag.suffix() + " at position "
                    + position + ": " + e.getMessage(), position);
        }
    }

    /** Authors: PubMed truncates the initials of an unquoted name by itself; a '*' at the very end asks for
     * truncation explicitly, also after a surname and initials ({@code lefaucheur j*[au]}). */
    private static QueryNode author(String text, FieldTag tag, boolean quoted, int position)
            throws QuerySyntaxException {
        if (text.indexOf('*') >= 0) {
            if (quoted) {
                noTruncationInPhrase(text, position);
            }
            int star = text.indexOf('*');
            if (star != text.length() - 1) {
                throw new QuerySyntaxException("'*' is only allowed at the end of a name: '" + text + "' at position "
                        + position, position + star);
            }
            return new Truncation(text.substring(0, star), tag, position);
        }
        return new Author(text, tag, quoted, position);
    }

    private static void noTruncationInPhrase(String text, int position) throws QuerySyntaxException {
        if (text.indexOf('*') >= 0) {
            throw new QuerySyntaxException("Truncation '*' inside a phrase is not supported yet: '" + text
                    + "' at position " + position + "; truncate a single word, e.g. stimul*", position);
        }
    }

    /** A MEDLINE three-letter code ({@code eng}) or one of the language names PubMed also accepts. */
    private static String language(String value, int position) throws QuerySyntaxException {
        String lower = value.toLowerCase(Locale.ROOT);
        String code = LANGUAGE_NAMES.getOrDefault(lower, lower);
        if (!LANGUAGE_CODE.matcher(code).matches()) {
            throw new QuerySyntaxException("Invalid language '" + value + "' for [la] at position " + position
                    + "; use a three-letter code (eng, fre, ger) or a name such as english", position);
        }
        return code;
    }

    private static String single(List<Token> run, String text, FieldTag tag, boolean quoted)
            throws QuerySyntaxException {
        if (!quoted && run.size() > 1) {
            int position = run.get(0).position();
            throw new QuerySyntaxException("Field tag " + tag.suffix() + " takes a single value, but '" + text
                    + "' at position " + position + " has " + run.size() + " words", position);
        }
        return text.strip();
    }

    private static QueryNode truncation(String word, FieldTag tag, int position) throws QuerySyntaxException {
        int star = word.indexOf('*');
        if (star != word.length() - 1) {
            throw new QuerySyntaxException("'*' is only allowed at the end of a word: '" + word + "' at position "
                    + position, position + star);
        }
        return new Truncation(word.substring(0, star), tag, position);
    }

    private static YearRange yearRange(String text, int position) throws QuerySyntaxException {
        String[] parts = text.split(":", -1);
        if (parts.length == 2 && (parts[0].isBlank() || parts[1].isBlank())) {
            throw new QuerySyntaxException("Open date range '" + text + "' at position " + position
                    + " is not supported; give both years, e.g. 2010:2020[dp]", position);
        }
        if (parts.length > 2) {
            throw invalidDate(text, position);
        }
        int from = year(parts[0].strip(), text, position);
        int to = parts.length == 2 ? year(parts[1].strip(), text, position) : from;
        if (from > to) {
            throw new QuerySyntaxException("Invalid year range '" + text + "' at position " + position
                    + ": start is after end", position);
        }
        return new YearRange(from, to, position);
    }

    private static int year(String date, String text, int position) throws QuerySyntaxException {
        Matcher m = DATE.matcher(date);
        if (!m.matches() || !within(m.group(2), 12) || !within(m.group(3), 31)) {
            throw invalidDate(text, position);
        }
        // Months and days are checked but not searched: the index holds years only, so 2015/03:2016[dp]
        // searches 2015:2016 and 2015/06[dp] searches 2015 (the printed query shows the years).
        return Integer.parseInt(m.group(1));
    }

    private static boolean within(String number, int max) {
        return number == null || (Integer.parseInt(number) >= 1 && Integer.parseInt(number) <= max);
    }

    private static QuerySyntaxException invalidDate(String text, int position) {
        return new QuerySyntaxException("Invalid date '" + text + "' for [dp] at position " + position
                + "; use a year (2015), a month (2015/06) or a range (2010:2020, 2015/03:2016)", position);
    }

    static String normalizeDoi(String doi) {
        String d = doi.strip().toLowerCase(Locale.ROOT);
        for (String prefix : List.of("https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                "http://dx.doi.org/", "doi.org/", "doi:")) {
            if (d.startsWith(prefix)) {
                return d.substring(prefix.length()).strip();
            }
        }
        return d;
    }

    private static String collapse(String text) {
        StringBuilder sb = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (QueryTokenizer.isSpace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static QuerySyntaxException missingAfter(Token operator) {
        return new QuerySyntaxException("Missing term after " + operator.text() + " at position "
                + operator.position(), operator.position());
    }

    private QuerySyntaxException nothingToSearch(int position) {
        if (ignoredAnd >= 0) {
            return new QuerySyntaxException("Nothing to search: a lower-case 'and' (position " + ignoredAnd
                    + ") is ignored; write AND in upper case to combine terms", ignoredAnd);
        }
        return new QuerySyntaxException("Empty query", position);
    }
}
