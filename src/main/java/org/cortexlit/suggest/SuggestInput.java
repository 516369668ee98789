package org.cortexlit.suggest;

import org.cortexlit.formats.Citation;

import java.util.ArrayList;
import java.util.List;

/**
 * What the suggester reads of a citation: its title, abstract sections, publication types, MeSH descriptors and
 * author keywords. Kept apart from {@link Citation} so the suggester can be fed from the database as well as
 * from a file, and so its evidence offsets have one definition.
 *
 * @param key              the record's identifier as the API shows it: the PMID, else the reader's source id, else
 *                         {@code doi:} and the DOI; may be null
 * @param title            plain title; evidence offsets in field {@code title} point into it
 * @param sections         abstract sections in order; evidence offsets in field {@code abstract} point into
 *                         {@link #abstractText()}
 * @param publicationTypes publication types in order (field {@code publicationType}, with the index)
 * @param mesh             MeSH descriptor names in order, without qualifiers (field {@code mesh}, with the index)
 * @param keywords         author keywords in order (field {@code keyword}, with the index)
 */
public record SuggestInput(String key, String title, List<Section> sections, List<String> publicationTypes,
                           List<String> mesh, List<String> keywords) {

    /** A paragraph of the abstract; {@code label} is null for an unlabelled abstract. */
    public record Section(String label, String text) {
        public Section {
            text = text == null ? "" : text;
        }
    }

    /** Where an offset of {@link #abstractText()} falls: a section and an offset in that section's text. */
    public record SectionOffset(int section, int offset) {
    }

    public SuggestInput {
        title = title == null ? "" : title;
        sections = List.copyOf(sections == null ? List.of() : sections);
        publicationTypes = List.copyOf(publicationTypes == null ? List.of() : publicationTypes);
        mesh = List.copyOf(mesh == null ? List.of() : mesh);
        keywords = List.copyOf(keywords == null ? List.of() : keywords);
    }

    /** The fields of a parsed record; MeSH qualifiers are dropped because no rule reads them. */
    public static SuggestInput from(Citation record) {
        List<Section> sections = new ArrayList<>(record.abstractSections().size());
        for (Citation.AbstractSection s : record.abstractSections()) {
            sections.add(new Section(s.label(), s.text()));
        }
        List<String> mesh = new ArrayList<>(record.mesh().size());
        for (Citation.MeshHeading h : record.mesh()) {
            mesh.add(h.descriptor());
        }
        String key = record.pmid() != null ? record.pmid()
                : record.sourceId() != null ? record.sourceId()
                : record.doi() != null ? "doi:" + record.doi() : null;
        return new SuggestInput(key, record.title(), sections, record.publicationTypes(), mesh, record.keywords());
    }

    /**
     * The abstract as {@link Citation#abstractText()} writes it: sections joined by blank lines, labelled
     * ones as {@code LABEL: text}. Evidence in field {@code abstract} indexes this string.
     */
    public String abstractText() {
        if (sections.size() == 1 && !hasLabel(sections.get(0))) {
            return sections.get(0).text();
        }
        StringBuilder sb = new StringBuilder(256 * sections.size());
        for (Section s : sections) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            if (hasLabel(s)) {
                sb.append(s.label()).append(": ");
            }
            sb.append(s.text());
        }
        return sb.toString();
    }

    /**
     * The section and in-section offset of {@code abstractOffset}, for pages that show sections apart. An offset
     * inside a label or a separator maps to the start of the following section's text; the end of the abstract
     * maps to the end of the last section.
     *
     * @throws IllegalArgumentException when the offset is negative or beyond the abstract
     */
    public SectionOffset sectionOffset(int abstractOffset) {
        if (abstractOffset < 0) {
            throw new IllegalArgumentException("An abstract offset cannot be negative: " + abstractOffset + ".");
        }
        int pos = 0;
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (i > 0) {
                pos += 2;
            }
            if (hasLabel(s)) {
                pos += s.label().length() + 2;
            }
            int textStart = pos;
            int textEnd = textStart + s.text().length();
            if (abstractOffset < textStart) {
                return new SectionOffset(i, 0);
            }
            if (abstractOffset < textEnd || (abstractOffset == textEnd && i == sections.size() - 1)) {
                return new SectionOffset(i, abstractOffset - textStart);
            }
            pos = textEnd;
        }
        throw new IllegalArgumentException("Offset " + abstractOffset + " is beyond the abstract, which has "
                + pos + " characters.");
    }

    private static boolean hasLabel(Section s) {
        return s.label() != null && !s.label().isBlank();
    }
}
