package org.cortexlit.search.query;

import java.util.ArrayList;
import java.util.List;

/** Splits a PubMed-style query into tokens. Operators are recognised only in upper case, as PubMed does. */
final class QueryTokenizer {

    private QueryTokenizer() {
    }

    static List<Token> tokenize(String query) throws QuerySyntaxException {
        List<Token> tokens = new ArrayList<>();
        int n = query.length();
        int i = 0;
        while (i < n) {
            char c = query.charAt(i);
            if (isSpace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Token.Kind.LPAREN, "(", i++));
            } else if (c == ')') {
                tokens.add(new Token(Token.Kind.RPAREN, ")", i++));
            } else if (c == '"') {
                int end = query.indexOf('"', i + 1);
                if (end < 0) {
                    throw new QuerySyntaxException("Unclosed quote at position " + i + ": add the closing '\"'", i);
                }
                tokens.add(new Token(Token.Kind.QUOTED, query.substring(i + 1, end), i));
                i = end + 1;
            } else if (c == '[') {
                int end = query.indexOf(']', i + 1);
                int nextOpen = query.indexOf('[', i + 1);
                if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
                    throw new QuerySyntaxException("Unclosed field tag at position " + i + ": '[' has no matching ']'", i);
                }
                tokens.add(new Token(Token.Kind.TAG, query.substring(i + 1, end), i));
                i = end + 1;
            } else if (c == ']') {
                throw new QuerySyntaxException("Unexpected ']' at position " + i + ": it has no matching '['", i);
            } else {
                int end = wordEnd(query, i);
                String word = query.substring(i, end);
                tokens.add(new Token(switch (word) {
                    case "AND" -> Token.Kind.AND;
                    case "OR" -> Token.Kind.OR;
                    case "NOT" -> Token.Kind.NOT;
                    default -> Token.Kind.WORD;
                }, word, i));
                i = end;
            }
        }
        tokens.add(new Token(Token.Kind.END, "", n));
        return tokens;
    }

    /** A word runs to the next space, quote, bracket or parenthesis, except that a parenthesis pair written
     * inside a word with no space in it, as in the DOI {@code 10.1016/s0140-6736(20)30183-5} or {@code IL-6(R)},
     * belongs to the word: nobody writes a group glued to a term. */
    private static int wordEnd(String query, int start) {
        int n = query.length();
        int j = start;
        while (j < n) {
            char c = query.charAt(j);
            if (isSpace(c) || c == '"' || c == '[' || c == ']' || c == ')') {
                break;
            }
            if (c == '(') {
                String soFar = query.substring(start, j);
                int close = j == start || isOperator(soFar) ? -1 : gluedClose(query, j);
                if (close < 0) {
                    break;
                }
                j = close + 1;
                continue;
            }
            j++;
        }
        return j;
    }

    private static int gluedClose(String query, int open) {
        for (int k = open + 1; k < query.length(); k++) {
            char c = query.charAt(k);
            if (c == ')') {
                return k > open + 1 ? k : -1;
            }
            if (isSpace(c) || c == '(' || c == '"' || c == '[' || c == ']') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isOperator(String word) {
        return word.equals("AND") || word.equals("OR") || word.equals("NOT");
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
