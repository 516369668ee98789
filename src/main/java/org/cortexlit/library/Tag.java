package org.cortexlit.library;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/** One value a reviewer gave a study in one dimension (design, target, modality...), see {@link TagDimension}. */
@Embeddable
public class Tag {
    public String dimension;
    @Column(name = "tag_value")
    public String value;

    public Tag() {
    }

    public Tag(String dimension, String value) {
        this.dimension = dimension;
        this.value = value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tag t && Objects.equals(dimension, t.dimension) && Objects.equals(value, t.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dimension, value);
    }

    @Override
    public String toString() {
        return value + "[" + dimension + "]";
    }
}
