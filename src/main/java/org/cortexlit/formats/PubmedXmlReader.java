package org.cortexlit.formats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams PubMed XML ({@code PubmedArticleSet}, {@code PubmedBookArticleSet}, legacy
 * {@code MedlineCitationSet}, or a bare {@code PubmedArticle}/{@code PubmedBookArticle}/{@code MedlineCitation})
 * one record at a time with StAX. DTDs are never read and external entities never resolved: the DOCTYPE
 * is skipped, and a reference to an entity the file declares itself (XXE, billion laughs) is an error,
 * because without the DTD such an entity is undeclared. The five predefined entities and numeric
 * character references work as usual.
 */
final class PubmedXmlReader implements RecordReader {

    /** The deepest nesting of elements read; see {@link #hardenedFactory()}. */
    static final int MAX_DEPTH = 256;
    private static final XMLInputFactory FACTORY = hardenedFactory();

    private final FaultRecordingInputStream in;
    private final XMLStreamReader xr;
    private final XmlFields f;
    /** Element names from the record root down to the current element. */
    private String[] stack = new String[32];
    private int recordNumber;
    private boolean inRecord;
    private boolean rootSeen;
    private RecordFormatException failure;

    PubmedXmlReader(FaultRecordingInputStream in) throws RecordFormatException {
        this.in = in;
        try {
            this.xr = FACTORY.createXMLStreamReader(in);
            this.f = new XmlFields(xr);
        } catch (XMLStreamException e) {
            throw fault(e);
        }
    }

    /**
     * The JDK's own StAX implementation, whatever else is on the classpath, so the hardening below is the
     * one that was tested.
     */
    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException ignored) {
            // Not every implementation knows the JAXP 1.5 property; SUPPORT_DTD=false already covers it.
        }
        // PubMed nests about 10 deep (MathML a few dozen more): deeper is a hostile file, refused before it costs
        f.setProperty("jdk.xml.maxElementDepth", MAX_DEPTH);
        return f;
    }

    @Override
    public RecordFormat format() {
        return RecordFormat.PUBMED_XML;
    }

    @Override
    public ReadEvent next() throws IOException {
        if (failure != null) {
            throw failure;
        }
        try {
            while (xr.hasNext()) {
                int ev = xr.next();
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xr.getLocalName();
                if (!rootSeen) {
                    rootSeen = true;
                    if (name.equals("PubmedArticleSet") || name.equals("PubmedBookArticleSet")
                            || name.equals("MedlineCitationSet")) {
                        continue;
                    }
                    if (!isRecordElement(name)) {
                        throw new RecordFormatException("not a PubMed XML file: the root element is <" + name
                                + ">, expected <PubmedArticleSet>, <MedlineCitationSet> or a single article", 0);
                    }
                }
                if (isRecordElement(name)) {
                    recordNumber++;
                    inRecord = true;
                    f.problem = null;
                    f.recordChars = 0;
                    ReadEvent event = name.equals("DeleteCitation") ? readDeletion() : readRecord(name);
                    inRecord = false;
                    return event;
                }
                // DeleteDocument (book accessions) and anything unknown at set level.
                f.skipElement();
            }
            return null;
        } catch (XMLStreamException e) {
            failure = fault(e);
            throw failure;
        } catch (RecordFormatException e) {
            failure = e;
            throw e;
        }
    }

    private static boolean isRecordElement(String name) {
        return switch (name) {
            case "PubmedArticle", "PubmedBookArticle", "MedlineCitation", "DeleteCitation" -> true;
            default -> false;
        };
    }

    private ReadEvent readDeletion() throws XMLStreamException {
        List<String> pmids = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            int ev = xr.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (xr.getLocalName().equals("PMID")) {
                    String pmid = f.readPlain();
                    if (pmid != null && f.problem == null) {
                        pmids.add(pmid);
                    }
                } else {
                    depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return f.problem != null ? new ReadEvent.Invalid(recordNumber, null, f.problem)
                : new ReadEvent.Deleted(recordNumber, pmids);
    }

    private ReadEvent readRecord(String rootName) throws XMLStreamException {
        RecordDraft d = new RecordDraft();
        d.book = rootName.equals("PubmedBookArticle");
        Titles t = new Titles();
        int depth = 1;
        stack[0] = rootName;
        while (depth > 0) {
            int ev = xr.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = xr.getLocalName();
                if (f.problem != null && !name.equals("PMID")) {
                    f.skipElement(); // the record is refused: read on to its end, keep nothing more
                } else if (!handle(name, stack[depth - 1], depth >= 2 ? stack[depth - 2] : null, d, t)) {
                    if (depth == stack.length) {
                        stack = Arrays.copyOf(stack, depth * 2);
                    }
                    stack[depth++] = name;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        t.applyTo(d);
        d.problem = f.problem;
        return d.toEvent(recordNumber);
    }

    /** Title parts, combined at the end because a book chapter's title and "journal" depend on each other. */
    private static final class Titles {
        String articleTitle;
        String articleTitleHtml;
        String bookTitle;
        String bookTitleHtml;
        String publisher;

        void applyTo(RecordDraft d) {
            if (articleTitle != null) {
                d.title = articleTitle;
                d.titleHtml = articleTitleHtml;
                if (d.book) {
                    d.journal = bookTitle != null ? bookTitle : publisher;
                }
            } else if (bookTitle != null) {
                d.title = bookTitle;
                d.titleHtml = bookTitleHtml;
                if (d.journal == null) {
                    d.journal = publisher;
                }
            }
        }
    }

    /**
     * Handles one start tag inside a record. Returns true when the whole element was consumed (its text
     * read, or skipped), false when the caller should descend into it.
     */
    private boolean handle(String name, String parent, String grandparent, RecordDraft d, Titles t)
            throws XMLStreamException {
        switch (name) {
            // Other works' PMIDs, DOIs and names live in these: never let them reach the record.
            case "CommentsCorrectionsList", "CommentsCorrections", "ReferenceList", "InvestigatorList",
                    "OtherAbstract", "GrantList", "History", "Sections", "PersonalNameSubjectList",
                    "DataBankList", "ChemicalList", "SupplMeshList", "GeneSymbolList", "GeneralNote",
                    "CopyrightInformation", "ObjectList", "DeleteDocument" -> {
                f.skipElement();
                return true;
            }
            case "PMID" -> {
                if (d.pmid == null && (parent.equals("MedlineCitation") || parent.equals("BookDocument"))) {
                    d.pmidVersion = parseVersion(xr.getAttributeValue(null, "Version"));
                    d.pmid = f.readPlain();
                    return true;
                }
                f.skipElement();
                return true;
            }
            case "ArticleTitle" -> {
                return readTitleIf(parent.equals("Article") || parent.equals("BookDocument"), (plain, html) -> {
                    t.articleTitle = plain;
                    t.articleTitleHtml = html;
                });
            }
            case "BookTitle" -> {
                return readTitleIf(parent.equals("Book"), (plain, html) -> {
                    t.bookTitle = plain;
                    t.bookTitleHtml = html;
                });
            }
            case "PublisherName" -> {
                return readIf(true, text -> t.publisher = text);
            }
            case "VernacularTitle" -> {
                return readIf(true, text -> d.vernacularTitle = text);
            }
            case "AbstractText" -> {
                if (parent.equals("Abstract")) {
                    String label = blankToNull(xr.getAttributeValue(null, "Label"));
                    String category = blankToNull(xr.getAttributeValue(null, "NlmCategory"));
                    f.readMarkup();
                    if (!f.markup.isEmpty() || label != null) {
                        d.abstractSections.add(new Citation.AbstractSection(label, category, f.markup.plain(),
                                f.markup.html()));
                    }
                    return true;
                }
                return false;
            }
            case "Title" -> {
                return readIf(parent.equals("Journal"), text -> d.journal = text);
            }
            case "ISOAbbreviation" -> {
                return readIf(true, text -> d.journalAbbrev = text);
            }
            case "MedlineTA" -> {
                return readIf(true, text -> d.medlineTa = text);
            }
            case "ISSN" -> {
                return readIf(parent.equals("Journal") && d.issn == null, text -> d.issn = text);
            }
            case "Volume" -> {
                return readIf(parent.equals("JournalIssue"), text -> d.volume = text);
            }
            case "Issue" -> {
                return readIf(parent.equals("JournalIssue"), text -> d.issue = text);
            }
            case "PubDate" -> {
                if (parent.equals("JournalIssue") || parent.equals("Book")) {
                    f.readPubDate(d);
                    return true;
                }
                return false;
            }
            case "ArticleDate" -> {
                Integer y = f.readDateYear();
                if (y != null) {
                    d.fallbackYear = y;
                }
                return true;
            }
            case "DateCompleted", "ContributionDate" -> {
                Integer y = f.readDateYear();
                if (d.fallbackYear == null) {
                    d.fallbackYear = y;
                }
                return true;
            }
            case "MedlinePgn" -> {
                String p = f.readPlain();
                if (p != null) {
                    d.pages = p;
                }
                return true;
            }
            case "StartPage" -> {
                if (d.pages == null) {
                    d.pages = f.readPlain();
                } else {
                    f.skipElement();
                }
                return true;
            }
            case "EndPage" -> {
                String end = f.readPlain();
                if (end != null && d.pages != null && d.pages.indexOf('-') < 0) {
                    d.pages = d.pages + "-" + end;
                }
                return true;
            }
            case "ELocationID" -> {
                readELocation(d);
                return true;
            }
            case "Language" -> {
                return readIf(true, text -> addIfPresent(d.languages, text));
            }
            case "AuthorList" -> {
                // Editors of a book are not its authors.
                if ("editors".equals(xr.getAttributeValue(null, "Type"))) {
                    f.skipElement();
                    return true;
                }
                return false;
            }
            case "Author" -> {
                if (parent.equals("AuthorList")) {
                    Citation.Author a = f.readAuthor();
                    if (a != null) {
                        d.authors.add(a);
                    }
                    return true;
                }
                f.skipElement();
                return true;
            }
            case "PublicationType" -> {
                return readIf(true, text -> addIfPresent(d.publicationTypes, text));
            }
            case "Keyword" -> {
                String kw = f.readPlain();
                if (kw != null && !d.keywords.contains(kw)) {
                    d.keywords.add(kw);
                }
                return true;
            }
            case "MeshHeading" -> {
                f.readMesh(d);
                return true;
            }
            case "ArticleId" -> {
                if (parent.equals("ArticleIdList") && grandparent != null && (grandparent.equals("PubmedData")
                        || grandparent.equals("PubmedBookData") || grandparent.equals("BookDocument"))) {
                    readArticleId(d);
                    return true;
                }
                f.skipElement();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Reads the element's text into {@code to} where it {@code applies}; where not, the caller descends into it. */
    private boolean readIf(boolean applies, Consumer<String> to) throws XMLStreamException {
        if (!applies) {
            return false;
        }
        to.accept(f.readPlain());
        return true;
    }

    /** Reads a title's markup into its plain and HTML forms where it {@code applies}; an empty title leaves them. */
    private boolean readTitleIf(boolean applies, BiConsumer<String, String> to) throws XMLStreamException {
        if (!applies) {
            return false;
        }
        f.readMarkup();
        if (!f.markup.isEmpty()) {
            to.accept(f.markup.plain(), f.markup.html());
        }
        return true;
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null) {
            list.add(value);
        }
    }

    private void readELocation(RecordDraft d) throws XMLStreamException {
        String type = xr.getAttributeValue(null, "EIdType");
        boolean valid = !"N".equals(xr.getAttributeValue(null, "ValidYN"));
        String value = f.readPlain();
        if (valid && value != null && type != null) {
            addId(d, type, value);
        }
    }

    private void readArticleId(RecordDraft d) throws XMLStreamException {
        String type = xr.getAttributeValue(null, "IdType");
        String value = f.readPlain();
        if (type != null && value != null && !type.equals("pubmed")) {
            addId(d, type, value);
        }
    }

    /** An identifier of the article: its DOI (the first valid one), or another type kept under its name. */
    private static void addId(RecordDraft d, String type, String value) {
        if (type.equals("doi")) {
            String doi = RecordDraft.cleanDoi(value);
            if (d.doi == null && doi != null) {
                d.doi = doi;
            }
        } else {
            d.addIdentifier(type, value);
        }
    }

    private static int parseVersion(String v) {
        if (v == null) {
            return 1;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Turns a StAX error into a message a person can act on: what, which record, where. */
    private RecordFormatException fault(XMLStreamException e) {
        int number = inRecord ? recordNumber : recordNumber + 1;
        IOException gz = FormatSniffer.gzipFault(in.fault() != null ? in.fault() : e);
        if (gz != null) {
            return FormatSniffer.truncated(number, gz);
        }
        if (in.fault() != null) {
            return new RecordFormatException("could not read the file (record " + number + "): "
                    + in.fault().getMessage(), number, in.fault());
        }
        String msg = e.getMessage() == null ? "" : e.getMessage();
        int at = msg.indexOf("Message: ");
        if (at >= 0) {
            msg = msg.substring(at + "Message: ".length());
        }
        if (msg.contains("was referenced, but not declared")) {
            // The usual cause is an entity the file declares in its own DOCTYPE (XXE, billion laughs).
            msg = msg.trim() + " (entities declared inside a file are never expanded)";
        }
        Location loc = e.getLocation();
        String where = loc != null && loc.getLineNumber() > 0
                ? " at line " + loc.getLineNumber() + ", column " + loc.getColumnNumber() : "";
        return new RecordFormatException("malformed XML in record " + number + where + ": " + msg.trim(),
                number, e);
    }

    @Override
    public void close() throws IOException {
        try {
            xr.close();
        } catch (XMLStreamException e) {
            // The stream below is closed next; nothing is lost.
        } finally {
            in.close();
        }
    }
}
