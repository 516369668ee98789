package org.cortexlit.formats;

import java.util.List;

/**
 * One citation as read from a PubMed XML, MEDLINE text, RIS or BibTeX file. Pure data, no
 * persistence. Text fields come in two forms: {@code *Html} keeps a safe inline subset
 * ({@code <i> <b> <sup> <sub> <u>}, everything else escaped) for display; the plain form has the
 * markup flattened, for search and the JSON API.
 *
 * @param pmid            PubMed id, digits only; null when the record has none (PubMed formats report such a
 *                        record as {@link ReadEvent.Invalid}; RIS and BibTeX records often have none)
 * @param pmidVersion     the {@code PMID Version} attribute, 1 when absent
 * @param doi             lower-case-insensitive DOI without a resolver prefix, or null
 * @param title           plain title (ArticleTitle, or BookTitle/ArticleTitle for books), brackets of a
 *                        translated title kept as PubMed shows them
 * @param titleHtml       the title with the safe inline markup
 * @param vernacularTitle the original-language title, or null
 * @param abstractSections structured or single-paragraph abstract, in order; empty when none
 * @param journal         journal full title (or book title / publisher for books)
 * @param journalAbbrev   ISO abbreviation or MedlineTA
 * @param issn            print or electronic ISSN, or null
 * @param year            publication year (from PubDate Year, MedlineDate "2006 May-Jun", or DP), or null
 * @param pubDate         the publication date as the record writes it, e.g. "2006 May-Jun", "2019 Mar 12"
 * @param volume          volume or null
 * @param issue           issue or null
 * @param pages           MedlinePgn or StartPage-EndPage, or null
 * @param languages       three-letter language codes in record order (e.g. "eng")
 * @param authors         authors in order, collective names included
 * @param mesh            MeSH headings in order
 * @param publicationTypes publication types in order
 * @param keywords        author keywords in order
 * @param identifiers     other identifiers (pmc, pii, mid, ...) from ArticleIdList / AID / LID
 * @param book            true for PubmedBookArticle records (and RIS/BibTeX books and chapters)
 * @param sourceId        the record's id in the file it came from when that is not a PMID: a RIS {@code AN} or
 *                        {@code ID} such as "rayyan-264552525" or a Lens id, a BibTeX citation key; null for
 *                        PubMed records
 */
public record Citation(
        String pmid,
        int pmidVersion,
        String doi,
        String title,
        String titleHtml,
        String vernacularTitle,
        List<AbstractSection> abstractSections,
        String journal,
        String journalAbbrev,
        String issn,
        Integer year,
        String pubDate,
        String volume,
        String issue,
        String pages,
        List<String> languages,
        List<Author> authors,
        List<MeshHeading> mesh,
        List<String> publicationTypes,
        List<String> keywords,
        List<Identifier> identifiers,
        boolean book,
        String sourceId) {

    public Citation {
        abstractSections = List.copyOf(abstractSections);
        languages = List.copyOf(languages);
        authors = List.copyOf(authors);
        mesh = List.copyOf(mesh);
        publicationTypes = List.copyOf(publicationTypes);
        keywords = List.copyOf(keywords);
        identifiers = List.copyOf(identifiers);
    }

    /** A paragraph of the abstract. {@code label} is null for an unlabelled abstract. */
    public record AbstractSection(String label, String nlmCategory, String text, String html) {
    }

    /** A person ({@code lastName} set) or a group ({@code collectiveName} set). */
    public record Author(String lastName, String foreName, String initials, String collectiveName,
                         List<String> affiliations) {
        public Author {
            affiliations = List.copyOf(affiliations);
        }
    }

    /** A MeSH heading; {@code major} is true when the descriptor or any of its qualifiers is a major topic. */
    public record MeshHeading(String descriptor, boolean major, List<String> qualifiers) {
        public MeshHeading {
            qualifiers = List.copyOf(qualifiers);
        }
    }

    /** An identifier such as ("pmc", "PMC123456") or ("pii", "S0140-6736(19)30000-1"). */
    public record Identifier(String type, String value) {
    }

    /** The abstract as plain text: sections joined by blank lines, labelled ones as {@code LABEL: text}. */
    public String abstractText() {
        StringBuilder sb = new StringBuilder();
        for (AbstractSection s : abstractSections) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            if (s.label() != null && !s.label().isBlank()) {
                sb.append(s.label()).append(": ");
            }
            sb.append(s.text());
        }
        return sb.toString();
    }
}
