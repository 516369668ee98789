package org.cortexlit.library;

import jakarta.persistence.Embeddable;

import java.util.Arrays;
import java.util.List;

/** A MeSH descriptor with its qualifiers (stored one per line); major when it or a qualifier is a major topic. */
@Embeddable
public class MeshHeading {
    public String descriptor;
    public boolean major;
    public String qualifiers;

    public MeshHeading() {
    }

    public MeshHeading(String descriptor, boolean major, String qualifiers) {
        this.descriptor = descriptor;
        this.major = major;
        this.qualifiers = qualifiers;
    }

    public List<String> qualifierList() {
        return qualifiers == null || qualifiers.isEmpty() ? List.of() : Arrays.asList(qualifiers.split("\n"));
    }
}
