package org.cortexlit.library;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.cortexlit.formats.Citation;
import org.cortexlit.suggest.SuggestInput;
import org.cortexlit.suggest.Suggestions;
import org.cortexlit.suggest.TagSuggester;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A citation in the corpus, addressed by its {@link #key()}: the PMID, or {@code CL<id>} for a record without
 * one (RIS and BibTeX exports of other databases). Withdrawn articles and linked duplicates stay, with their
 * history, but are not in search.
 */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "article_seq", sequenceName = "article_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "article_seq")
    public Long id;

    public String pmid;
    @Column(name = "pmid_version")
    public int pmidVersion = 1;
    public String doi;
    public String title;
    @Column(name = "title_html")
    public String titleHtml;
    @Column(name = "vernacular_title")
    public String vernacularTitle;
    public String journal;
    @Column(name = "journal_abbrev")
    public String journalAbbrev;
    public String issn;
    @Column(name = "pub_year")
    public Integer year;
    @Column(name = "pub_date")
    public String pubDate;
    public String volume;
    public String issue;
    public String pages;
    /** Three-letter codes separated by spaces, in record order. */
    public String languages;
    public boolean book;
    @Column(name = "content_hash")
    public String contentHash;
    public boolean withdrawn;
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "last_run_id")
    public Long lastRunId;
    @Version
    public int version;
    /** {@link DuplicateRules#doiKey} of {@link #doi}: indexed, the deduplication looks records up by it. */
    @Column(name = "doi_key")
    public String doiKey;
    /** {@link DuplicateRules#titleKey} of {@link #title}: indexed, the deduplication looks records up by it. */
    @Column(name = "title_key")
    public String titleKey;
    /** The record's id in its file when that is not a PMID (RIS AN/ID, BibTeX key), or null. */
    @Column(name = "source_id")
    public String sourceId;
    /** The import run that first stored this record. */
    @Column(name = "origin_run_id")
    public Long originRunId;
    /** The kept article this record duplicates (it is then out of search), or null. */
    @Column(name = "duplicate_of")
    public Long duplicateOf;
    /** The rule that linked it: DOI or TITLE. */
    @Column(name = "duplicate_rule")
    @Enumerated(EnumType.STRING)
    public DuplicateRules.Rule duplicateRule;

    // The lists live in JSON columns of the article row (JsonLists): replaced whole, never changed in place.
    @Convert(converter = JsonLists.Sections.class)
    @Column(name = "abstract_json", length = JsonLists.MAX_CHARS)
    @Mutability(Immutability.class)
    public List<AbstractSection> abstractSections = List.of();

    @Convert(converter = JsonLists.Authors.class)
    @Column(name = "authors_json", length = JsonLists.MAX_CHARS)
    @Mutability(Immutability.class)
    public List<Author> authors = List.of();

    @Convert(converter = JsonLists.Mesh.class)
    @Column(name = "mesh_json", length = JsonLists.MAX_CHARS)
    @Mutability(Immutability.class)
    public List<MeshHeading> mesh = List.of();

    @Convert(converter = JsonLists.Strings.class)
    @Column(name = "publication_types_json", length = JsonLists.MAX_CHARS)
    @Mutability(Immutability.class)
    public List<String> publicationTypes = List.of();

    @Convert(converter = JsonLists.Strings.class)
    @Column(name = "keywords_json", length = JsonLists.MAX_CHARS)
    @Mutability(Immutability.class)
    public List<String> keywords = List.of();

    @Convert(converter = JsonLists.Identifiers.class)
    @Column(name = "identifiers_json", length = JsonLists.MAX_CHARS)
    @Mutability(Immutability.class)
    public List<Identifier> identifiers = List.of();

    /**
     * The tags the suggester proposes from the record's text, or null when not computed; of rules of version
     * {@link #suggestionsVersion}. Read them through {@link #currentSuggestions()}, which recomputes stale ones.
     */
    @Convert(converter = SuggestionsColumn.class)
    @Column(name = "suggestions_json", length = JsonLists.MAX_CHARS)
    @Mutability(Immutability.class)
    public Suggestions suggestions;
    @Column(name = "suggestions_version")
    public Integer suggestionsVersion;

    /** Tags reviewers gave the study (design, target, modality...); changed only through screening's Tagging. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"))
    public Set<Tag> tags = new LinkedHashSet<>();

    /** The values of one tag dimension, in a stable order. */
    public List<String> tagValues(String dimension) {
        return tags.stream().filter(t -> t.dimension.equals(dimension)).map(t -> t.value).sorted().toList();
    }

    /** Prefix of the key of an article without a PMID. */
    public static final String INTERNAL_PREFIX = "CL";
    private static final Pattern INTERNAL_KEY = Pattern.compile("(?i)CL(\\d{1,18})");

    /** How routes, the index and exports name this article: its PMID, else {@code CL<id>}. Never changes. */
    public String key() {
        return pmid != null ? pmid : INTERNAL_PREFIX + id;
    }

    /** The internal id a key {@code CL<id>} names (any case), or null when it is not such a key. */
    public static Long internalId(String key) {
        Matcher m = INTERNAL_KEY.matcher(key.trim());
        return m.matches() ? Long.valueOf(m.group(1)) : null;
    }

    /** {@code key} as {@link #key()} writes it: {@code cl12} becomes {@code CL12}, spaces go. */
    public static String canonicalKey(String key) {
        Long id = internalId(key);
        return id != null ? INTERNAL_PREFIX + id : key.trim();
    }

    /** The article a {@link #key()} names: a PMID or {@code CL<id>}. */
    public static Optional<Article> findByKey(String key) {
        Long id = internalId(key);
        if (id != null) {
            return Article.<Article>findByIdOptional(id).filter(a -> a.pmid == null);
        }
        return findByPmid(key.trim());
    }

    /** Articles with these keys, in no particular order. */
    public static List<Article> findByKeys(Collection<String> keys) {
        List<String> pmids = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (String k : keys) {
            Long id = internalId(k);
            if (id != null) {
                ids.add(id);
            } else {
                pmids.add(k);
            }
        }
        List<Article> found = new ArrayList<>(findByPmids(pmids));
        if (!ids.isEmpty()) {
            found.addAll(Article.<Article>list("id in ?1 and pmid is null", ids));
        }
        return found;
    }

    public static Optional<Article> findByPmid(String pmid) {
        return find("pmid", pmid).firstResultOptional();
    }

    /** What an import compares a record with: the stored article's id, content hash and whether it is withdrawn. */
    public record Stamp(String pmid, long id, String contentHash, boolean withdrawn) {
    }

    /** The stamps of the articles with these PMIDs, by PMID, without loading the articles. */
    public static Map<String, Stamp> stampsByPmids(Collection<String> pmids) {
        Map<String, Stamp> stamps = new HashMap<>();
        if (pmids.isEmpty()) {
            return stamps;
        }
        List<Stamp> rows = getEntityManager().createQuery("select new org.cortexlit.library.Article$Stamp(a.pmid, a.id, "
                + "a.contentHash, a.withdrawn) from Article a where a.pmid in :pmids", Stamp.class)
                .setParameter("pmids", pmids).getResultList();
        for (Stamp stamp : rows) {
            stamps.put(stamp.pmid(), stamp);
        }
        return stamps;
    }

    /** Articles with these PMIDs, withdrawn ones included. */
    public static List<Article> findByPmids(Collection<String> pmids) {
        if (pmids.isEmpty()) {
            return List.of();
        }
        return list("pmid in ?1", pmids);
    }

    /** Articles in search: neither withdrawn nor linked to another as its duplicate. */
    public static long countVisible() {
        return count("withdrawn = false and duplicateOf is null");
    }

    /** Whether search shows this article. */
    public boolean visible() {
        return !withdrawn && duplicateOf == null;
    }

    public static long countLinkedDuplicates() {
        return count("duplicateOf is not null");
    }

    /** What the deduplication rules compare. */
    public DuplicateRules.Keys dedupKeys() {
        return DuplicateRules.Keys.of(pmid, doi, title, year, authors.stream().map(x -> x.lastName).toList());
    }

    public static long countWithdrawn() {
        return count("withdrawn = true");
    }

    /** The abstract as plain text, labelled sections as {@code LABEL: text}, paragraphs separated by a blank line. */
    public String abstractText() {
        StringBuilder sb = new StringBuilder();
        for (AbstractSection s : abstractSections) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            if (s.label != null && !s.label.isBlank()) {
                sb.append(s.label).append(": ");
            }
            sb.append(s.text);
        }
        return sb.toString();
    }

    public List<String> languageList() {
        return languages == null || languages.isBlank() ? List.of() : Arrays.asList(languages.split(" "));
    }

    /** Copies every field of {@code r} onto this article (lists replaced by new immutable ones). */
    public void apply(Citation r, String hash) {
        pmid = r.pmid();
        pmidVersion = r.pmidVersion();
        doi = r.doi();
        title = r.title();
        titleHtml = r.titleHtml();
        vernacularTitle = r.vernacularTitle();
        journal = r.journal();
        journalAbbrev = r.journalAbbrev();
        issn = r.issn();
        year = r.year();
        pubDate = r.pubDate();
        volume = r.volume();
        issue = r.issue();
        pages = r.pages();
        languages = String.join(" ", r.languages());
        book = r.book();
        contentHash = hash;
        abstractSections = sectionsOf(r);
        authors = authorsOf(r);
        mesh = meshOf(r);
        publicationTypes = List.copyOf(r.publicationTypes());
        keywords = List.copyOf(r.keywords());
        identifiers = identifiersOf(r);
        sourceId = r.sourceId() == null || r.sourceId().length() <= 500 ? r.sourceId() : r.sourceId().substring(0, 500);
        doiKey = DuplicateRules.doiKey(doi);
        titleKey = DuplicateRules.titleKey(title);
        suggestions = TagSuggester.suggest(r);
        suggestionsVersion = suggestions.version();
    }

    /** The suggested tags by the current rules: the stored ones, or computed afresh when stale or missing. */
    public Suggestions currentSuggestions() {
        if (suggestions != null && suggestionsVersion != null && suggestionsVersion == TagSuggester.VERSION) {
            return suggestions;
        }
        return TagSuggester.suggest(suggestInput());
    }

    /** What the suggester reads of this article, with the offsets its evidence refers to. */
    public SuggestInput suggestInput() {
        List<SuggestInput.Section> sections = new ArrayList<>(abstractSections.size());
        for (AbstractSection s : abstractSections) {
            sections.add(new SuggestInput.Section(s.label, s.text));
        }
        List<String> descriptors = new ArrayList<>(mesh.size());
        for (MeshHeading h : mesh) {
            descriptors.add(h.descriptor);
        }
        return new SuggestInput(key(), title, sections, publicationTypes, descriptors, keywords);
    }

    private static List<AbstractSection> sectionsOf(Citation r) {
        return r.abstractSections().stream().map(x -> new AbstractSection(x.label(), x.nlmCategory(), x.text(), x.html())).toList();
    }

    private static List<Author> authorsOf(Citation r) {
        return r.authors().stream().map(a -> new Author(a.lastName(), a.foreName(), a.initials(), a.collectiveName(),
                a.affiliations().isEmpty() ? null : String.join("\n", a.affiliations()))).toList();
    }

    private static List<MeshHeading> meshOf(Citation r) {
        return r.mesh().stream().map(m -> new MeshHeading(m.descriptor(), m.major(),
                m.qualifiers().isEmpty() ? null : String.join("\n", m.qualifiers()))).toList();
    }

    private static List<Identifier> identifiersOf(Citation r) {
        return r.identifiers().stream().map(i -> new Identifier(i.type(), i.value())).toList();
    }

    /**
     * Which of the record's lists would not fit its JSON column ({@link JsonLists#MAX_CHARS} characters), as a
     * message naming it and its size, or null. A record's lists are rarely a hundredth of that: the exact JSON is
     * written only when a quick upper bound (every character escaped, generous per-entry overhead) comes near.
     */
    /**
     * The first field of {@code r} longer than its column (V1's sizes), as a message naming the field and both
     * lengths; null when every field fits. A record that does not fit is skipped, never cut.
     */
    public static String fieldTooLong(Citation r) {
        String p = tooLong("DOI", r.doi(), 500);
        p = p != null ? p : tooLong("title", r.title(), 100_000);
        p = p != null ? p : tooLong("title (with its markup)", r.titleHtml(), 100_000);
        p = p != null ? p : tooLong("vernacular title", r.vernacularTitle(), 100_000);
        p = p != null ? p : tooLong("journal title", r.journal(), 2000);
        p = p != null ? p : tooLong("journal abbreviation", r.journalAbbrev(), 500);
        p = p != null ? p : tooLong("ISSN", r.issn(), 20);
        p = p != null ? p : tooLong("publication date", r.pubDate(), 100);
        p = p != null ? p : tooLong("volume", r.volume(), 100);
        p = p != null ? p : tooLong("issue", r.issue(), 200);
        p = p != null ? p : tooLong("pages", r.pages(), 200);
        return p != null ? p : tooLong("language list", String.join(" ", r.languages()), 200);
    }

    private static String tooLong(String field, String value, int max) {
        return value == null || value.length() <= max ? null : String.format(Locale.ROOT,
                "the %s has %,d characters; at most %,d are stored", field, value.length(), max);
    }

    public static String listTooLong(Citation r) {
        String problem = tooLong("abstract", r.abstractSections().size(), r.abstractSections().stream()
                .mapToLong(x -> len(x.label()) + len(x.nlmCategory()) + len(x.text()) + len(x.html())).sum(), () -> sectionsOf(r));
        problem = problem != null ? problem : tooLong("author list", r.authors().size(), r.authors().stream()
                .mapToLong(a -> len(a.lastName()) + len(a.foreName()) + len(a.initials()) + len(a.collectiveName())
                        + a.affiliations().stream().mapToLong(x -> x.length() + 1).sum()).sum(), () -> authorsOf(r));
        problem = problem != null ? problem : tooLong("MeSH list", r.mesh().size(), r.mesh().stream()
                .mapToLong(m -> len(m.descriptor()) + m.qualifiers().stream().mapToLong(x -> x.length() + 1).sum()).sum(),
                () -> meshOf(r));
        problem = problem != null ? problem : tooLong("keyword list", r.keywords().size(),
                r.keywords().stream().mapToLong(Article::len).sum(), r::keywords);
        problem = problem != null ? problem : tooLong("publication type list", r.publicationTypes().size(),
                r.publicationTypes().stream().mapToLong(Article::len).sum(), r::publicationTypes);
        return problem != null ? problem : tooLong("identifier list", r.identifiers().size(), r.identifiers().stream()
                .mapToLong(i -> len(i.type()) + len(i.value())).sum(), () -> identifiersOf(r));
    }

    private static String tooLong(String what, int entries, long chars, Supplier<List<?>> list) {
        if (2 * chars + 100L * entries <= JsonLists.MAX_CHARS) {
            return null;
        }
        String json = JsonLists.json(list.get());
        int length = json == null ? 0 : json.length();
        return length <= JsonLists.MAX_CHARS ? null : String.format(Locale.ROOT,
                "the %s is too long to store (%,d entries, %,d characters as stored; at most %,d)",
                what, entries, length, JsonLists.MAX_CHARS);
    }

    private static long len(String s) {
        return s == null ? 0 : s.length();
    }
}
