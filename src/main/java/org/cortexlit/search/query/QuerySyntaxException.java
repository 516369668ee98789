package org.cortexlit.search.query;

/** A search query that cannot be translated. The message is meant for the person who typed the query:
 * it names the problem and where it is, so the search page can show it next to the search box. */
public final class QuerySyntaxException extends Exception {

    private final int position;

    public QuerySyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** 0-based character offset in the query where the problem was found. */
    public int position() {
        return position;
    }
}
