package org.cortexlit.importing.eutils;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an {@code eSearchResult}. Only direct children of the root count: {@code Count} also appears inside
 * {@code TranslationStack/TermSet}, once per term, and must not be mistaken for the total.
 */
final class EsearchXml {

    private static final XMLInputFactory FACTORY = hardenedFactory();

    /** What the document held; any field may be missing. */
    record Parsed(Integer count, String webEnv, String queryKey, List<String> fatalErrors, List<String> errors,
            List<String> warnings) {
    }

    private EsearchXml() {
    }

    /** DTDs off and external entities off, as for every XML the app reads: NCBI's DOCTYPE is never fetched. */
    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        try {
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException ignored) {
            // SUPPORT_DTD=false already covers an implementation without the JAXP 1.5 property.
        }
        return f;
    }

    static Parsed parse(InputStream in) throws XMLStreamException {
        XMLStreamReader xr = FACTORY.createXMLStreamReader(in);
        try {
            Integer count = null;
            String webEnv = null;
            String queryKey = null;
            List<String> fatal = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            int depth = 0;
            String list = null;
            while (xr.hasNext()) {
                int ev = xr.next();
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    if (depth == 1) {
                        list = null;
                    }
                    continue;
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                depth++;
                String name = xr.getLocalName();
                if (depth == 1) {
                    if (!"eSearchResult".equals(name)) {
                        throw new XMLStreamException("expected <eSearchResult>, found <" + name + ">", xr.getLocation());
                    }
                } else if (depth == 2) {
                    switch (name) {
                        case "Count" -> count = parseCount(text(xr), xr);
                        case "WebEnv" -> webEnv = blankToNull(text(xr));
                        case "QueryKey" -> queryKey = blankToNull(text(xr));
                        case "ERROR" -> add(fatal, text(xr));
                        case "ErrorList", "WarningList" -> {
                            list = name;
                            continue;
                        }
                        default -> {
                            continue;
                        }
                    }
                    depth--; // text(xr) consumed the end tag
                } else if (depth == 3 && list != null) {
                    String item = text(xr);
                    depth--;
                    if (!item.isEmpty()) {
                        (list.equals("ErrorList") ? errors : warnings).add(label(name) + item);
                    }
                }
            }
            return new Parsed(count, webEnv, queryKey, fatal, errors, warnings);
        } finally {
            xr.close();
        }
    }

    private static String text(XMLStreamReader xr) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int ev = xr.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        b.append(xr.getText());
                default -> {
                }
            }
        }
        return b.toString().replaceAll("\\s+", " ").strip();
    }

    private static Integer parseCount(String s, XMLStreamReader xr) throws XMLStreamException {
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            throw new XMLStreamException("Count is not a number: '" + s + "'", xr.getLocation());
        }
    }

    /** NCBI's element names made readable: PhraseNotFound -> "phrase not found: ". OutputMessage is already prose. */
    private static String label(String element) {
        if ("OutputMessage".equals(element)) {
            return "";
        }
        return element.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase() + ": ";
    }

    private static void add(List<String> to, String s) {
        if (!s.isEmpty()) {
            to.add(s);
        }
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
