package org.cortexlit.library;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.cortexlit.pubmed.PubmedRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

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

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "article_abstract_section", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    public List<AbstractSection> abstractSections = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "article_author", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    public List<Author> authors = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "article_mesh", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    public List<MeshHeading> mesh = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "article_publication_type", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @Column(name = "name")
    public List<String> publicationTypes = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "article_keyword", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @Column(name = "keyword")
    public List<String> keywords = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "article_identifier", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    public List<Identifier> identifiers = new ArrayList<>();

    /** Tags reviewers gave the study (design, target, modality...); changed only through screening's Tagging. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"))
    public java.util.Set<Tag> tags = new java.util.LinkedHashSet<>();

    /** The values of one tag dimension, in a stable order. */
    public List<String> tagValues(String dimension) {
        return tags.stream().filter(t -> t.dimension.equals(dimension)).map(t -> t.value).sorted().toList();
    }

    /** Prefix of the key of an article without a PMID. */
    public static final String INTERNAL_PREFIX = "CL";
    private static final java.util.regex.Pattern INTERNAL_KEY = java.util.regex.Pattern.compile("(?i)CL(\\d{1,18})");

    /** How routes, the index and exports name this article: its PMID, else {@code CL<id>}. Never changes. */
    public String key() {
        return pmid != null ? pmid : INTERNAL_PREFIX + id;
    }

    /** The internal id a key {@code CL<id>} names (any case), or null when it is not such a key. */
    public static Long internalId(String key) {
        java.util.regex.Matcher m = INTERNAL_KEY.matcher(key.trim());
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

    /** Copies every field of {@code r} onto this article (lists replaced in place). */
    public void apply(PubmedRecord r, String hash) {
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
        abstractSections.clear();
        r.abstractSections().forEach(s -> abstractSections.add(new AbstractSection(s.label(), s.nlmCategory(), s.text(), s.html())));
        authors.clear();
        r.authors().forEach(a -> authors.add(new Author(a.lastName(), a.foreName(), a.initials(), a.collectiveName(),
                a.affiliations().isEmpty() ? null : String.join("\n", a.affiliations()))));
        mesh.clear();
        r.mesh().forEach(m -> mesh.add(new MeshHeading(m.descriptor(), m.major(),
                m.qualifiers().isEmpty() ? null : String.join("\n", m.qualifiers()))));
        publicationTypes.clear();
        publicationTypes.addAll(r.publicationTypes());
        keywords.clear();
        keywords.addAll(r.keywords());
        identifiers.clear();
        r.identifiers().forEach(i -> identifiers.add(new Identifier(i.type(), i.value())));
        sourceId = r.sourceId() == null || r.sourceId().length() <= 500 ? r.sourceId() : r.sourceId().substring(0, 500);
        doiKey = DuplicateRules.doiKey(doi);
        titleKey = DuplicateRules.titleKey(title);
    }
}
