package org.cortexlit.library;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
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

/** A citation in the corpus, keyed by PMID. Withdrawn articles stay (with their history) but leave search. */
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

    public static long countVisible() {
        return count("withdrawn = false");
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
    }
}
