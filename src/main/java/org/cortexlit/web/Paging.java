package org.cortexlit.web;

/**
 * A page of a list as asked for: {@code page} from 1, {@code size} from 1 to a list's own maximum, checked once
 * for every list so a huge or negative number is a 400 with a message, never an overflowed offset.
 */
public record Paging(int page, int size) {

    /** The furthest page any list goes to; beyond it a person narrows the list instead. */
    public static final int MAX_PAGE = 100_000;

    public static Paging of(int page, int size, int maxSize) {
        if (page < 1 || page > MAX_PAGE) {
            throw new InvalidRequest("page must be between 1 and " + MAX_PAGE + ", not " + page + ".");
        }
        if (size < 1 || size > maxSize) {
            throw new InvalidRequest("size must be between 1 and " + maxSize + ", not " + size + ".");
        }
        return new Paging(page, size);
    }

    /** Where the page starts (0-based); at most {@link #MAX_PAGE} times the largest size, so it fits an int. */
    public int offset() {
        return (int) Math.min(Integer.MAX_VALUE, ((long) page - 1) * size);
    }
}
