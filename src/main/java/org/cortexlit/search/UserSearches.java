package org.cortexlit.search;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.cortexlit.library.Article;
import org.cortexlit.search.query.QuerySyntaxException;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Team members' own saved searches with "new since you last looked": the articles matching the query that
 * entered the corpus after the member last opened it. Opening the search moves that moment to now.
 */
@ApplicationScoped
public class UserSearches {

    /** A saved search with its count of new matches. */
    public record Entry(long id, String name, String query, Instant lastLookedAt, long newSinceLastLooked, long total) {
    }

    private final SearchService search;

    public UserSearches(SearchService search) {
        this.search = search;
    }

    /** @throws IllegalArgumentException with a message saying what to fix */
    public UserSearch save(String username, String name, String query) {
        String n = name == null ? "" : name.strip();
        String q = query == null ? "" : query.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw new IllegalArgumentException("Give the search a name of 1-200 characters.");
        }
        if (q.isEmpty() || q.length() > 8000) {
            throw new IllegalArgumentException("The query is empty or longer than 8,000 characters.");
        }
        try {
            search.translate(q);
        } catch (QuerySyntaxException e) {
            throw new IllegalArgumentException("The query cannot be run: " + e.getMessage());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            if (UserSearch.count("username = ?1 and name = ?2", username, n) > 0) {
                throw new IllegalArgumentException("You already have a search called '" + n + "'.");
            }
            UserSearch s = new UserSearch();
            s.username = username;
            s.name = n;
            s.query = q;
            s.createdAt = s.lastLookedAt = Instant.now();
            s.persist();
            return s;
        });
    }

    public List<Entry> list(String username) throws IOException {
        List<UserSearch> mine = QuarkusTransaction.requiringNew().call(() -> UserSearch.of(username));
        List<Entry> out = new ArrayList<>();
        for (UserSearch s : mine) {
            long[] counts = counts(s);
            out.add(new Entry(s.id, s.name, s.query, s.lastLookedAt, counts[0], counts[1]));
        }
        return out;
    }

    /** {new since last looked, all matches}; a query that no longer parses counts 0. */
    private long[] counts(UserSearch s) throws IOException {
        List<String> keys;
        try {
            keys = search.keys(s.query, SearchService.Order.DATE, SearchService.MAX_EXPORT);
        } catch (QuerySyntaxException e) {
            return new long[]{0, 0};
        }
        long fresh = 0;
        for (int from = 0; from < keys.size(); from += 1000) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 1000));
            fresh += QuarkusTransaction.requiringNew().call(() -> Article.findByKeys(chunk).stream()
                    .filter(a -> a.createdAt != null && a.createdAt.isAfter(s.lastLookedAt)).count());
        }
        return new long[]{fresh, keys.size()};
    }

    /** Marks the search as looked at now and returns its query; empty when it is not the user's. */
    public Optional<String> open(String username, long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UserSearch s = UserSearch.findById(id);
            if (s == null || !s.username.equals(username)) {
                return Optional.<String>empty();
            }
            s.lastLookedAt = Instant.now();
            return Optional.of(s.query);
        });
    }

    public boolean delete(String username, long id) {
        return QuarkusTransaction.requiringNew().call(() -> UserSearch.delete("id = ?1 and username = ?2", id, username) > 0);
    }
}
