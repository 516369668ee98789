package org.cortexlit.library;
import java.util.Objects;

/** Another identifier of the article: pmc, pii, mid, ... */
public class Identifier {
    public String type;
    public String value;

    public Identifier() {
    }

    public Identifier(String type, String value) {
        this.type = type;
        this.value = value;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Identifier that
                && Objects.equals(type, that.type)
                && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, value);
    }
}
