package org.cortexlit.formats;

/** File formats CortexLit reads. */
public enum RecordFormat {
    PUBMED_XML,
    MEDLINE_TEXT,
    /** RIS ({@code TY  - } ... {@code ER  - }) from Embase, Scopus, Web of Science, Ovid, Zotero, EndNote, Rayyan, Lens. */
    RIS,
    /** BibTeX ({@code @article{key, ...}}) from reference managers. */
    BIBTEX
}
