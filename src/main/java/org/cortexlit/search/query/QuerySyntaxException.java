package org.cortexlit.search.query;

public class QuerySyntaxException extends Exception {
    private final int position;

    public QuerySyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
