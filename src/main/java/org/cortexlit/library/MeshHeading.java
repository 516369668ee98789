package org.cortexlit.library;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A MeSH descriptor with its qualifiers (stored one per line); major when it or a qualifier is a major topic. */
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

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof MeshHeading that
                && Objects.equals(descriptor, that.descriptor)
                && major == that.major
                && Objects.equals(qualifiers, that.qualifiers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(descriptor, major, qualifiers);
    }
}
