package org.cortexlit.pubmed;

/** File formats CortexLit reads. */
public enum RecordFormat {
    PUBMED_XML,
    MEDLINE_TEXT
}
