package org.cortexlit.search.query;

/** One lexical unit of a search query, with the offset where it starts (for error messages). */
record Token(Kind kind, String text, int position) {

    enum Kind {
        /** An unquoted word, possibly ending in '*'. */
        WORD,
        /** The text between double quotes, without the quotes. */
        QUOTED,
        /** The text between square brackets, without the brackets. */
        TAG,
        LPAREN,
        RPAREN,
        AND,
        OR,
        NOT,
        END
    }

    boolean isOperator() {
        return kind == Kind.AND || kind == Kind.OR || kind == Kind.NOT;
    }
}
