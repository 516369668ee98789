package org.cortexlit.search.query;

import org.cortexlit.library.TagDimension;
import org.cortexlit.search.AuthorKeys;

import java.util.List;

/** The parsed query. Every leaf keeps the offset where it was typed, so the Lucene builder can report
 * problems (a word with nothing searchable in it, a too-short truncation) at the right place. */
sealed interface QueryNode {

    /** One unquoted word, searched in the tag's fields; may analyze to several tokens ({@code 10-Hz}). */
    record Word(String text, FieldTag tag, int position) implements QueryNode {
    }

    /** A quoted phrase, or the unquoted words before a tag ({@code motor cortex[ti]}), searched as a phrase. */
    record Phrase(String text, FieldTag tag, int position) implements QueryNode {
    }

    /** {@code "motor cortex pain"[tiab:~3]}: the words within {@code slop} positions of each other, in each field. */
    record Proximity(String text, FieldTag tag, int slop, int position) implements QueryNode {
    }

    /** A name for an author tag ([au], [1au], [lastau]) matched on {@link AuthorKeys} keys.
     * {@code exact} when quoted, which turns PubMed's automatic truncation of initials off. */
    record Author(String text, FieldTag tag, boolean exact, int position) implements QueryNode {
    }

    /** {@code stimul*}: every term starting with the analyzed prefix. */
    record Truncation(String prefix, FieldTag tag, int position) implements QueryNode {
    }

    /** {@code 2015[dp]} or {@code 2010:2020[dp]}, inclusive. */
    record YearRange(int from, int to, int position) implements QueryNode {
    }

    /** An exact keyword value, already normalised: digits for [pmid], lower case without resolver for [doi],
     * a lower-case three-letter code for [la]. */
    record Identifier(String value, FieldTag tag, int position) implements QueryNode {
    }

    /** One value of a reviewers' tag dimension ({@code M1[target]}, {@code "deep TMS"[modality]}), already in the
     * dimension's normal form ({@link TagDimension#normalise}), case kept as typed. */
    record TagValue(String value, FieldTag tag, int position) implements QueryNode {
    }

    /** Parentheses the user typed. */
    record Group(QueryNode inner) implements QueryNode {
    }

    /** A NOT with nothing on its left ({@code NOT review[pt]}, {@code a AND NOT b}): everything except the operand. */
    record Not(QueryNode operand, int position) implements QueryNode {
    }

    /** Operands combined strictly left to right with equal precedence, as PubMed does:
     * {@code a OR b AND c} is {@code (a OR b) AND c}. Kept flat so long queries do not nest deeply. */
    record Chain(QueryNode first, List<Link> links) implements QueryNode {
        public Chain {
            links = List.copyOf(links);
        }
    }

    record Link(Operator operator, QueryNode operand) {
    }

    enum Operator {
        AND, OR, NOT
    }
}
