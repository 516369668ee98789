package org.cortexlit.search.query;

import org.cortexlit.search.query.QueryNode.Author;
import org.cortexlit.search.query.QueryNode.Chain;
import org.cortexlit.search.query.QueryNode.Group;
import org.cortexlit.search.query.QueryNode.Identifier;
import org.cortexlit.search.query.QueryNode.Link;
import org.cortexlit.search.query.QueryNode.Not;
import org.cortexlit.search.query.QueryNode.Phrase;
import org.cortexlit.search.query.QueryNode.Proximity;
import org.cortexlit.search.query.QueryNode.TagValue;
import org.cortexlit.search.query.QueryNode.Truncation;
import org.cortexlit.search.query.QueryNode.Word;
import org.cortexlit.search.query.QueryNode.YearRange;

/** Prints the parsed query back in canonical PubMed syntax ("what we searched"): upper-case operators,
 * short lower-case tags, tagged word runs as quoted phrases (except author names, where quotes would turn
 * off the truncation of initials), dates as years, and term mapping spelled out as PubMed's "search details"
 * do: {@code rTMS} prints as {@code ("rTMS" OR "repetitive transcranial magnetic stimulation")}; the quotes
 * keep the expansion from being mapped again. Parsing the output again gives the same query. */
final class QueryNormalizer {

    private QueryNormalizer() {
    }

    static String print(QueryNode node) {
        StringBuilder sb = new StringBuilder();
        print(node, sb);
        return sb.toString();
    }

    private static void print(QueryNode node, StringBuilder sb) {
        if (node instanceof Word w) {
            sb.append(w.text()).append(w.tag().suffix());
        } else if (node instanceof Phrase p) {
            sb.append('"').append(p.text()).append('"').append(p.tag().suffix());
        } else if (node instanceof Proximity p) {
            sb.append('"').append(p.text()).append("\"[").append(p.tag().shortName).append(":~").append(p.slop())
                    .append(']');
        } else if (node instanceof Author a) {
            sb.append(a.exact() ? "\"" + a.text() + "\"" : a.text()).append(a.tag().suffix());
        } else if (node instanceof Truncation t) {
            sb.append(t.prefix()).append('*').append(t.tag().suffix());
        } else if (node instanceof YearRange y) {
            sb.append(y.from()).append(y.from() == y.to() ? "" : ":" + y.to()).append(FieldTag.DP.suffix());
        } else if (node instanceof Identifier id) {
            boolean quote = id.value().chars().anyMatch(c -> c == '(' || c == ')' || c == '[' || c == ']'
                    || QueryTokenizer.isSpace((char) c));
            sb.append(quote ? "\"" + id.value() + "\"" : id.value()).append(id.tag().suffix());
        } else if (node instanceof TagValue t) {
            sb.append(QueryTranslator.needsQuotes(t.value()) ? "\"" + t.value() + "\"" : t.value())
                    .append(t.tag().suffix());
        } else if (node instanceof Group g) {
            sb.append('(');
            print(g.inner(), sb);
            sb.append(')');
        } else if (node instanceof Not n) {
            sb.append("NOT ");
            print(n.operand(), sb);
        } else if (node instanceof Chain c) {
            print(c.first(), sb);
            for (Link link : c.links()) {
                sb.append(' ').append(link.operator()).append(' ');
                print(link.operand(), sb);
            }
        } else {
            throw new IllegalStateException("unknown node " + node);
        }
    }
}
