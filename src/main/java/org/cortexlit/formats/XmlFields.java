package org.cortexlit.formats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Readers for the small PubMed XML structures that mean the same wherever they appear (text with inline
 * markup, dates, authors, MeSH headings). Each starts on the element's start tag and ends on its end tag.
 */
final class XmlFields {

    final XMLStreamReader xr;
    /** Reused for every text field of a file; valid until the next read. */
    final InlineMarkup markup = new InlineMarkup();
    /** Why the record being read cannot be used (a bound of {@link Limits} passed), or null. */
    String problem;
    /** Characters of text read in the record so far, kept or not. */
    long recordChars;

    XmlFields(XMLStreamReader xr) {
        this.xr = xr;
    }

    void readPubDate(RecordDraft d) throws XMLStreamException {
        String year = null;
        String month = null;
        String day = null;
        String season = null;
        String medlineDate = null;
        int depth = 1;
        while (depth > 0) {
            int ev = xr.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (xr.getLocalName()) {
                    case "Year" -> year = readPlain();
                    case "Month" -> month = readPlain();
                    case "Day" -> day = readPlain();
                    case "Season" -> season = readPlain();
                    case "MedlineDate" -> medlineDate = readPlain();
                    default -> skipElement();
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (medlineDate != null) {
            d.pubDate = medlineDate;
            d.year = RecordDraft.firstYear(medlineDate);
        } else if (year != null) {
            StringBuilder sb = new StringBuilder(year);
            if (month != null) {
                sb.append(' ').append(month);
                if (day != null) {
                    sb.append(' ').append(day);
                }
            } else if (season != null) {
                sb.append(' ').append(season);
            }
            d.pubDate = sb.toString();
            d.year = RecordDraft.firstYear(year);
        } else if (season != null) {
            d.pubDate = season;
        }
    }

    /** The Year child of a date element such as ArticleDate or DateCompleted. */
    Integer readDateYear() throws XMLStreamException {
        Integer year = null;
        int depth = 1;
        while (depth > 0) {
            int ev = xr.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (xr.getLocalName().equals("Year")) {
                    year = RecordDraft.firstYear(readPlain());
                } else {
                    skipElement();
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return year;
    }

    /** Authors with ValidYN="N" are kept: NLM still lists them and dropping names silently would be worse. */
    Citation.Author readAuthor() throws XMLStreamException {
        String last = null;
        String fore = null;
        String initials = null;
        String collective = null;
        List<String> affiliations = new ArrayList<>(2);
        int depth = 1;
        while (depth > 0) {
            int ev = xr.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (xr.getLocalName()) {
                    case "LastName" -> last = readPlain();
                    case "ForeName", "FirstName" -> fore = readPlain();
                    case "Initials" -> initials = readPlain();
                    case "CollectiveName" -> collective = readPlain();
                    case "AffiliationInfo" -> depth++;
                    case "Affiliation" -> {
                        String aff = readPlain();
                        if (aff != null) {
                            affiliations.add(aff);
                        }
                    }
                    default -> skipElement();
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (last == null && collective == null) {
            return null;
        }
        return new Citation.Author(last, fore, initials, collective, affiliations);
    }

    void readMesh(RecordDraft d) throws XMLStreamException {
        String descriptor = null;
        boolean major = false;
        List<String> qualifiers = new ArrayList<>(4);
        int depth = 1;
        while (depth > 0) {
            int ev = xr.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = xr.getLocalName();
                boolean isMajor = "Y".equals(xr.getAttributeValue(null, "MajorTopicYN"));
                if (name.equals("DescriptorName")) {
                    descriptor = readPlain();
                    major |= isMajor;
                } else if (name.equals("QualifierName")) {
                    String q = readPlain();
                    if (q != null) {
                        qualifiers.add(q);
                    }
                    major |= isMajor;
                } else {
                    skipElement();
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (descriptor != null) {
            d.mesh.add(new Citation.MeshHeading(descriptor, major, qualifiers));
        }
    }

    /** Reads the current element's text content, markup flattened; null when blank. */
    String readPlain() throws XMLStreamException {
        readMarkup();
        return markup.isEmpty() ? null : markup.plain();
    }

    /**
     * Reads the current element's mixed content into {@link #markup}: safe inline tags are kept for the
     * HTML form, any other element (MathML included) contributes only its text.
     */
    void readMarkup() throws XMLStreamException {
        markup.reset();
        String element = xr.getLocalName();
        int depth = 1;
        int mathDepth = 0;
        String[] open = new String[8];
        while (depth > 0) {
            int ev = xr.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    // Inside MathML, line breaks between tokens are layout: "V.O2max", not "V . O 2 m a x".
                    if (mathDepth == 0 || !xr.isWhiteSpace()) {
                        recordChars += xr.getTextLength();
                        if (recordChars > Limits.MAX_RECORD_CHARS && problem == null) {
                            problem = Limits.recordTooLong();
                        }
                        if (markup.full()) {
                            if (problem == null) {
                                problem = Limits.fieldTooLong("<" + element + ">");
                            }
                        } else if (problem == null) {
                            markup.text(xr.getTextCharacters(), xr.getTextStart(), xr.getTextLength());
                        }
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    String local = xr.getLocalName();
                    if (local.equals("math")) {
                        mathDepth++;
                    }
                    String tag = mathDepth == 0 ? InlineMarkup.safeTag(local) : null;
                    if (depth == open.length) {
                        open = Arrays.copyOf(open, depth * 2);
                    }
                    open[depth++] = tag;
                    if (tag != null && !markup.full()) {
                        markup.open(tag);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (depth > 0) {
                        if (open[depth] != null && !markup.full()) {
                            markup.close(open[depth]);
                        }
                        if (xr.getLocalName().equals("math")) {
                            mathDepth--;
                        }
                    }
                }
                default -> {
                    // comments, processing instructions: not content
                }
            }
        }
    }

    /** Skips the current element and everything in it. */
    void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = xr.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
