package org.cortexlit.search.query;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.cortexlit.search.ArticleDocuments;
import org.cortexlit.search.AuthorKeys;
import org.cortexlit.search.IndexFields;
import org.cortexlit.search.PhraseIndex;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns the AST into a Lucene query, analyzing every term with the index's own analyzer, and collects
 * the terms worth highlighting in title and abstract. One instance per translation (it collects state). */
final class LuceneQueryBuilder {

    /** Lucene nests one BooleanQuery per group and per switch between OR and AND/NOT. */
    static final int MAX_NESTING = 64;

    private final Analyzer analyzer;
    private final Set<String> highlightTerms;
    /** The phrase index the searched index holds completely, or null: every phrase by positions. */
    private final PhraseIndex phrases;

    LuceneQueryBuilder(Analyzer analyzer, Set<String> highlightTerms, PhraseIndex phrases) {
        this.analyzer = analyzer;
        this.highlightTerms = highlightTerms;
        this.phrases = phrases;
    }

    Query build(QueryNode node) throws QuerySyntaxException {
        return build(node, 0, false);
    }

    private Query build(QueryNode node, int depth, boolean negated) throws QuerySyntaxException {
        if (depth > MAX_NESTING) {
            throw new QuerySyntaxException("Query is nested too deeply: more than " + MAX_NESTING
                    + " levels of parentheses or alternating AND/OR", 0);
        }
        if (node instanceof Word w) {
            return text(w.text(), w.tag(), 0, w.position(), negated);
        } else if (node instanceof Phrase p) {
            return text(p.text(), p.tag(), 0, p.position(), negated);
        } else if (node instanceof Proximity p) {
            return text(p.text(), p.tag(), p.slop(), p.position(), negated);
        } else if (node instanceof Author a) {
            return author(a);
        } else if (node instanceof Truncation t) {
            return prefix(t, negated);
        } else if (node instanceof YearRange y) {
            return IntPoint.newRangeQuery(IndexFields.YEAR, y.from(), y.to());
        } else if (node instanceof Identifier id) {
            return new TermQuery(new Term(id.tag().fields.get(0), id.value()));
        } else if (node instanceof TagValue t) {
            return new TermQuery(new Term(t.tag().fields.get(0), ArticleDocuments.tagTerm(t.tag().dimension, t.value())));
        } else if (node instanceof Group g) {
            return build(g.inner(), depth + 1, negated);
        } else if (node instanceof Not n) {
            return new BooleanQuery.Builder()
                    .add(new MatchAllDocsQuery(), Occur.MUST)
                    .add(build(n.operand(), depth + 1, !negated), Occur.MUST_NOT)
                    .build();
        } else if (node instanceof Chain c) {
            return chain(c, depth, negated);
        }
        throw new IllegalStateException("unknown node " + node);
    }

    /** Left to right: consecutive AND/NOT links share one conjunction, consecutive ORs one disjunction;
     * each switch wraps what came before as the first clause of a new level. */
    private Query chain(Chain chain, int depth, boolean negated) throws QuerySyntaxException {
        Query left = build(chain.first(), depth + 1, negated);
        QueryNode leftNode = chain.first();
        int level = depth;
        int i = 0;
        List<Link> links = chain.links();
        while (i < links.size()) {
            boolean disjunction = links.get(i).operator() == Operator.OR;
            level++;
            BooleanQuery.Builder builder = new BooleanQuery.Builder();
            boolean positive = addConjunct(builder, left, leftNode, disjunction ? Occur.SHOULD : Occur.MUST);
            while (i < links.size() && (links.get(i).operator() == Operator.OR) == disjunction) {
                Link link = links.get(i++);
                boolean linkNegated = negated ^ (link.operator() == Operator.NOT);
                Query operand = build(link.operand(), level + 1, linkNegated);
                Occur occur = switch (link.operator()) {
                    case OR -> Occur.SHOULD;
                    case AND -> Occur.MUST;
                    case NOT -> Occur.MUST_NOT;
                };
                positive |= addConjunct(builder, operand, link.operand(), occur);
            }
            if (!positive) {
                builder.add(new MatchAllDocsQuery(), Occur.MUST);
            }
            left = disjunction ? bestOf(builder.build()) : builder.build();
            leftNode = null;
        }
        return left;
    }

    /** Adds a clause; "MUST (everything except x)" is added as "MUST_NOT x" so a query like
     * {@code a AND NOT b} stays a plain conjunction. Returns whether the clause matches positively. */
    private static boolean addConjunct(BooleanQuery.Builder builder, Query query, QueryNode node, Occur occur) {
        if (occur == Occur.MUST && node instanceof Not) {
            BooleanQuery everythingExcept = (BooleanQuery) query;
            builder.add(everythingExcept.clauses().get(1).getQuery(), Occur.MUST_NOT);
            return false;
        }
        builder.add(query, occur);
        return occur != Occur.MUST_NOT;
    }

    /** Words in each of the tag's fields (OR): one term, or a phrase when the text analyzes to several, with
     * {@code slop} for proximity. Lucene's slop counts moves, so words in reverse order need a larger distance
     * than PubMed's "within N words in any order"; for the usual forward order the two agree. */
    private Query text(String text, FieldTag tag, int slop, int position, boolean negated)
            throws QuerySyntaxException {
        if (tag == FieldTag.ALL || tag == FieldTag.ALL_FIELDS) {
            return everywhere(text, position, negated);
        }
        List<Query> perField = new ArrayList<>();
        for (String field : tag.fields) {
            List<String> tokens = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            analyze(field, text, tokens, positions);
            if (tokens.isEmpty()) {
                continue;
            }
            if (!negated && (field.equals(IndexFields.TITLE) || field.equals(IndexFields.ABSTRACT))) {
                highlightTerms.addAll(tokens);
            }
            perField.add(termOrPhrase(field, tokens, positions, slop));
        }
        if (perField.isEmpty()) {
            throw new QuerySyntaxException("Nothing to search in '" + text + "' at position " + position
                    + ": it has no letters or digits", position);
        }
        return anyOf(perField);
    }

    /**
     * Words in any text field: one posting list (or one phrase) of {@link IndexFields#ALL} for all seven fields. The
     * title counts twice there, which is how a title match ranks higher: a clause on the title field of its own
     * (schema 9) kept every block of a common word competitive, so block-max WAND could skip nothing. Untagged
     * phrases have no slop, so the position gap keeps them inside one value.
     */
    private Query everywhere(String text, int position, boolean negated) throws QuerySyntaxException {
        // the words are also what the highlighter marks in title and abstract (the fields share one analyzer)
        Query all = termOrPhrase(IndexFields.ALL, text, 0, !negated);
        if (all == null) {
            throw new QuerySyntaxException("Nothing to search in '" + text + "' at position " + position
                    + ": it has no letters or digits", position);
        }
        return all;
    }

    /** One term, or a phrase when {@code text} analyzes to several; null when it analyzes to nothing. */
    private Query termOrPhrase(String field, String text, int slop, boolean highlight) {
        List<String> tokens = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        analyze(field, text, tokens, positions);
        if (tokens.isEmpty()) {
            return null;
        }
        if (highlight) {
            highlightTerms.addAll(tokens);
        }
        return termOrPhrase(field, tokens, positions, slop);
    }

    /**
     * One word as a term; an exact phrase of the {@link PhraseIndex} in a field that holds its tokens as that token
     * (the same records, one posting list, and block maxima Lucene can skip on); any other phrase by positions.
     */
    private Query termOrPhrase(String field, List<String> tokens, List<Integer> positions, int slop) {
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0)));
        }
        if (phrases != null && slop == 0 && IndexFields.PHRASE_FIELDS.contains(field)
                && positions.get(positions.size() - 1) - positions.get(0) == tokens.size() - 1) {
            Optional<String> token = phrases.token(tokens);
            if (token.isPresent()) {
                return new TermQuery(new Term(field, token.get()));
            }
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        phrase.setSlop(slop);
        for (int i = 0; i < tokens.size(); i++) {
            phrase.add(new Term(field, tokens.get(i)), positions.get(i));
        }
        return phrase.build();
    }

    /**
     * PubMed's author forms on the {@link AuthorKeys} fields. Quoted: that exact name. Otherwise the initials
     * are truncated: {@code lefaucheur j} is a prefix of "lefaucheur jp"; a name whose last word cannot be
     * initials (a bare surname, a collective name) matches itself or itself followed by initials:
     * {@code lefaucheur} finds "lefaucheur" and "lefaucheur jp" but not "lefaucheux a".
     */
    private static Query author(Author a) throws QuerySyntaxException {
        String field = a.tag().fields.get(0);
        String key = AuthorKeys.key(a.text());
        if (key.isEmpty()) {
            throw new QuerySyntaxException("Nothing to search in '" + a.text() + "' at position " + a.position()
                    + ": it has no letters or digits", a.position());
        }
        if (a.exact()) {
            return new TermQuery(new Term(field, key));
        }
        int space = key.lastIndexOf(' ');
        if (space > 0 && looksLikeInitials(key.substring(space + 1))) {
            return new PrefixQuery(new Term(field, key));
        }
        return anyOf(List.of(new TermQuery(new Term(field, key)), new PrefixQuery(new Term(field, key + " "))));
    }

    /** MEDLINE initials are at most a few letters ("jp", "jpa"); longer words are part of a name. */
    private static boolean looksLikeInitials(String word) {
        return word.length() <= 3 && word.chars().allMatch(Character::isLetter);
    }

    private Query prefix(Truncation t, boolean negated) throws QuerySyntaxException {
        List<Query> perField = new ArrayList<>();
        if (t.tag().isReviewerTag()) {
            // a few dozen distinct values per dimension: any non-empty start is cheap ("S*[target]": S1, S2)
            return new PrefixQuery(new Term(t.tag().fields.get(0), ArticleDocuments.tagPrefix(t.prefix())));
        }
        if (t.tag().isAuthor()) {
            String key = AuthorKeys.key(t.prefix());
            if (key.codePointCount(0, key.length()) < 3) {
                throw new QuerySyntaxException("Truncation needs at least 3 letters before '*': '" + t.prefix()
                        + "*' at position " + t.position(), t.position());
            }
            return new PrefixQuery(new Term(t.tag().fields.get(0), key));
        }
        boolean everywhere = t.tag() == FieldTag.ALL || t.tag() == FieldTag.ALL_FIELDS;
        for (String field : everywhere ? List.of(IndexFields.ALL) : t.tag().fields) {
            List<String> tokens = new ArrayList<>();
            analyze(field, t.prefix(), tokens, new ArrayList<>());
            if (tokens.size() > 1) {
                throw new QuerySyntaxException("Truncation works on a single word, but '" + t.prefix()
                        + "*' at position " + t.position() + " holds several; quote the words before it or drop the '*'",
                        t.position());
            }
            String prefix = tokens.isEmpty() ? "" : tokens.get(0);
            if (prefix.codePointCount(0, prefix.length()) < 3) {
                throw new QuerySyntaxException("Truncation needs at least 3 letters before '*': '" + t.prefix()
                        + "*' at position " + t.position(), t.position());
            }
            if (!negated && (everywhere || field.equals(IndexFields.TITLE) || field.equals(IndexFields.ABSTRACT))) {
                highlightTerms.add(prefix + "*");
            }
            perField.add(new PrefixQuery(new Term(field, prefix)));
        }
        return anyOf(perField);
    }

    /**
     * Any of {@code queries}, scored by the best one: see {@link #bestOf(BooleanQuery)}. An alternative that is itself
     * such a group gives its own alternatives (the best of the best is the best of all): one disjunction to advance
     * instead of nested ones, 15% less time for ten [tiab] words at 1,000,000 records.
     */
    private static Query anyOf(List<Query> queries) {
        if (queries.size() == 1) {
            return queries.get(0);
        }
        List<Query> flat = new ArrayList<>();
        for (Query q : queries) {
            if (q instanceof DisjunctionMaxQuery d && d.getTieBreakerMultiplier() == 0f) {
                flat.addAll(d.getDisjuncts());
            } else {
                flat.add(q);
            }
        }
        return new DisjunctionMaxQuery(flat, 0f);
    }

    /**
     * An OR group (PubMed's, term mapping's synonyms, or a tag's several fields) as a disjunction scored by its
     * best-matching alternative, not by their sum. Alternatives of one concept ("rtms" and "repetitive transcranial
     * magnetic stimulation", the word in the title and in the abstract) should not add up to outrank a record that
     * matches two concepts of the strategy; and a sum's bound is loose, so at 1,000,000 records block-max WAND skipped
     * almost nothing, where the best alternative's bound lets each alternative skip on its own.
     */
    private static Query bestOf(BooleanQuery disjunction) {
        List<Query> alternatives = new ArrayList<>();
        for (BooleanClause c : disjunction.clauses()) {
            alternatives.add(c.getQuery());
        }
        return anyOf(alternatives);
    }

    private void analyze(String field, String text, List<String> tokens, List<Integer> positions) {
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() == 0 && position >= 0) {
                    continue; // a token stacked on a word (the index's phrase tokens): the words are what is searched
                }
                position += increment.getPositionIncrement();
                tokens.add(term.toString());
                positions.add(position);
            }
            stream.end();
        } catch (IOException e) {
            // A StringReader cannot fail; this would be a broken analyzer, not a user error.
            throw new UncheckedIOException(e);
        }
    }
}
