package org.cortexlit.search.query;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.cortexlit.search.PhraseIndex;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Translates the PubMed search syntax reviewers already know ({@code rTMS[tiab] AND "neuropathic pain"[mh]
 * AND 2010:2020[dp]}) into a Lucene query over the CortexLit index. Pipeline: {@link QueryTokenizer} ->
 * {@link QueryParser} (AST of {@link QueryNode}, untagged terms expanded by {@link TermMapping} from
 * {@code search/synonyms.txt}) -> {@link LuceneQueryBuilder}, with {@link QueryNormalizer} printing the AST back. Any bad input ends in a {@link QuerySyntaxException} whose message says what is
 * wrong and where. Thread-safe.
 */
public final class QueryTranslator {

    /** Longer than any protocol search string we have seen; bounds the work one request can cause. */
    public static final int MAX_QUERY_LENGTH = 4_000;
    /** Lucene's default limit; an untagged word costs one clause, a [tiab] word two (title and abstract). */
    public static final int MAX_CLAUSES = 1_024;

    private final Analyzer analyzer;
    private final PhraseIndex phrases;

    /** A translator for an index written with {@code analyzer} and the {@linkplain PhraseIndex#standard() standard}
     * phrase index. */
    public QueryTranslator(Analyzer analyzer) {
        this(analyzer, PhraseIndex.standard());
    }

    public QueryTranslator(Analyzer analyzer, PhraseIndex phrases) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.phrases = Objects.requireNonNull(phrases, "phrases");
    }

    public TranslatedQuery translate(String query) throws QuerySyntaxException {
        if (query == null || query.isBlank()) {
            throw new QuerySyntaxException("Empty query", 0);
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new QuerySyntaxException("Query is too long: " + query.length() + " characters; the limit is "
                    + MAX_QUERY_LENGTH, MAX_QUERY_LENGTH);
        }
        QueryNode root = QueryParser.parse(query);
        Set<String> highlightTerms = new LinkedHashSet<>();
        Query lucene;
        Query withPhraseTokens;
        try {
            lucene = new LuceneQueryBuilder(analyzer, highlightTerms, null).build(root);
            withPhraseTokens = new LuceneQueryBuilder(analyzer, new LinkedHashSet<>(), phrases).build(root);
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyClauses();
        }
        if (clauseCount(lucene) > Math.min(MAX_CLAUSES, IndexSearcher.getMaxClauseCount())) {
            throw tooManyClauses();
        }
        return new TranslatedQuery(lucene, withPhraseTokens, QueryNormalizer.print(root), highlightTerms);
    }

    /**
     * Whether {@code value} must be quoted to be read back as one term before a field tag: it is empty, holds a
     * space, a quote, a bracket, a parenthesis or a '*', or is an operator. Facet links and the printed query
     * use it, so {@code M1[target]} stays bare and {@code "deep TMS"[modality]} gets its quotes.
     */
    public static boolean needsQuotes(String value) {
        if (value == null || value.isEmpty() || value.equals("AND") || value.equals("OR") || value.equals("NOT")) {
            return true;
        }
        return value.chars().anyMatch(c -> c == '"' || c == '(' || c == ')' || c == '[' || c == ']' || c == '*'
                || QueryTokenizer.isSpace((char) c));
    }

    private static QuerySyntaxException tooManyClauses() {
        return new QuerySyntaxException("Query has too many terms: it expands to more than " + MAX_CLAUSES
                + " Lucene clauses (a word tagged [tiab] counts twice: title and abstract); use fewer terms", 0);
    }

    /** Counts clauses the way {@link IndexSearcher} does before it refuses a query, so an accepted query
     * never fails later at search time. */
    static int clauseCount(Query query) {
        int[] count = {0};
        query.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }

            @Override
            public void visitLeaf(Query leaf) {
                count[0]++;
            }

            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                count[0] += terms.length;
            }

            @Override
            public void consumeTermsMatching(Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
                count[0]++;
            }
        });
        return count[0];
    }
}
