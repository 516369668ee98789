package org.cortexlit.importing.eutils;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The efetch pages of one search, in order: retstart 0, n, 2n, ... below the count. A run that stopped part-way
 * stores the retstart of its last completed page and comes back with {@link #resumeAfter}: the plan starts at the
 * next page, so no page is fetched twice and none is skipped. The page size must be the one the stored offset
 * was planned with.
 */
public final class FetchPlan implements Iterable<Integer> {

    private final int count;
    private final int pageSize;
    private final int first;

    private FetchPlan(int count, int pageSize, int first) {
        this.count = count;
        this.pageSize = pageSize;
        this.first = first;
    }

    /** Every page of {@code search}. */
    public static FetchPlan of(SearchResult search, int pageSize) throws EutilsException {
        return resumeAfter(search, pageSize, -1);
    }

    /**
     * The pages after the one at {@code lastCompletedRetstart}; -1 means none completed yet.
     *
     * @throws EutilsException when the search matched more records than E-utilities will hand out
     */
    public static FetchPlan resumeAfter(SearchResult search, int pageSize, int lastCompletedRetstart)
            throws EutilsException {
        Objects.requireNonNull(search, "search");
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive, was " + pageSize);
        }
        if (lastCompletedRetstart < -1 || (lastCompletedRetstart >= 0 && lastCompletedRetstart % pageSize != 0)) {
            throw new IllegalArgumentException("last completed retstart " + lastCompletedRetstart
                    + " is not a page start for pages of " + pageSize + "; was the page size changed between runs?");
        }
        if (search.exceedsRetrievalLimit()) {
            // Better to stop before the first page than to import 9,999 records and silently miss the rest.
            throw new EutilsException(EutilsException.Kind.TOO_MANY_RECORDS, "efetch", -1, 0, null,
                    "esearch matched " + search.count() + " records, but PubMed's E-utilities hand out only the first "
                            + SearchResult.RETRIEVAL_LIMIT + " of one search; split the date window (for example by"
                            + " month or year) so each part stays below that", null);
        }
        int first = lastCompletedRetstart < 0 ? 0 : lastCompletedRetstart + pageSize;
        return new FetchPlan(search.count(), pageSize, first);
    }

    /** The number of pages left to fetch. */
    public int pages() {
        return first >= count ? 0 : (count - first + pageSize - 1) / pageSize;
    }

    public boolean isEmpty() {
        return pages() == 0;
    }

    @Override
    public Iterator<Integer> iterator() {
        return new Iterator<>() {
            private int next = first;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Integer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int r = next;
                next += pageSize;
                return r;
            }
        };
    }

    @Override
    public String toString() {
        return "FetchPlan[count=" + count + ", pageSize=" + pageSize + ", first=" + first + ", pages=" + pages() + "]";
    }
}
