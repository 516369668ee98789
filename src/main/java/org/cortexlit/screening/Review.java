package org.cortexlit.screening;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.cortexlit.library.TagDimension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A systematic review: its question and criteria, the words to highlight, single or dual screening, the
 * reasons a record may be excluded, the tag values its reviewers pick from, and the query that fills its
 * queue. Lists are stored one entry per line.
 */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {

    public enum Mode { SINGLE, DUAL }

    /**
     * The order the queue serves records in: most likely relevant first (by the model trained on the review's own
     * decisions, once it has an include or maybe and an exclude to learn from; until then, import order), or the order
     * records joined the review.
     */
    public enum Order {
        RELEVANCE("most likely relevant first"), IMPORT("in import order");

        private final String label;

        Order(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final List<String> DEFAULT_REASONS = List.of("not chronic pain", "no cortical stimulation",
            "not human", "wrong publication type", "duplicate", "other");

    @Id
    @SequenceGenerator(name = "review_seq", sequenceName = "review_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_seq")
    public Long id;
    public String name;
    public String question;
    @Column(name = "inclusion_criteria")
    public String inclusionCriteria;
    @Column(name = "exclusion_criteria")
    public String exclusionCriteria;
    @Column(name = "include_words")
    public String includeWords;
    @Column(name = "exclude_words")
    public String excludeWords;
    @Column(name = "exclusion_reasons")
    public String exclusionReasons;
    /** Lines of {@code dimension: value, value}; a dimension not listed uses its defaults. */
    @Column(name = "tag_vocabulary")
    public String tagVocabulary;
    @Enumerated(EnumType.STRING)
    @Column(name = "screening_mode")
    public Mode mode;
    @Enumerated(EnumType.STRING)
    @Column(name = "queue_order")
    public Order queueOrder = Order.RELEVANCE;
    /** In dual mode, whether reviewers are kept from seeing each other's decisions until both decided. */
    public boolean blind = true;
    public String query;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public boolean isDual() {
        return mode == Mode.DUAL;
    }

    public boolean byRelevance() {
        return queueOrder == Order.RELEVANCE;
    }

    /** Decisions a record needs before it is settled. */
    public int decisionsNeeded() {
        return isDual() ? 2 : 1;
    }

    public List<String> reasons() {
        return lines(exclusionReasons);
    }

    public List<String> includeWordList() {
        return words(includeWords);
    }

    public List<String> excludeWordList() {
        return words(excludeWords);
    }

    /** The values offered for each dimension: this review's list, else the defaults. */
    public Map<TagDimension, List<String>> vocabulary() {
        Map<TagDimension, List<String>> out = new LinkedHashMap<>();
        for (TagDimension d : TagDimension.values()) {
            out.put(d, d.defaults);
        }
        for (String line : lines(tagVocabulary)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                TagDimension.byKey(line.substring(0, colon)).ifPresent(d -> out.put(d,
                        Arrays.stream(line.substring(colon + 1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                                .toList()));
            }
        }
        return out;
    }

    /** The vocabulary as the settings form shows it. */
    public static String vocabularyText(Map<TagDimension, List<String>> vocabulary) {
        StringBuilder sb = new StringBuilder();
        vocabulary.forEach((d, values) -> {
            if (!values.isEmpty()) {
                sb.append(d.key).append(": ").append(String.join(", ", values)).append('\n');
            }
        });
        return sb.toString();
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    out.add(line.trim());
                }
            }
        }
        return out;
    }

    /** Words and phrases separated by new lines or commas. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String line : lines(text)) {
            for (String w : line.split(",")) {
                if (!w.isBlank()) {
                    out.add(w.trim());
                }
            }
        }
        return out;
    }

    /** The review {@code id}, inside a transaction; a {@link ScreeningException} (404) naming it when there is none. */
    public static Review require(long id) {
        Review r = findById(id);
        if (r == null) {
            throw ScreeningException.notFound("There is no review " + id + ".");
        }
        return r;
    }
}
