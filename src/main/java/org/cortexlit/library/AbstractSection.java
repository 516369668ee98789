package org.cortexlit.library;
import java.util.Objects;

/** A paragraph of an abstract; {@code html} keeps the safe inline markup, {@code text} is plain. */
public class AbstractSection {
    public String label;
    public String nlmCategory;
    public String text;
    public String html;

    public AbstractSection() {
    }

    public AbstractSection(String label, String nlmCategory, String text, String html) {
        this.label = label;
        this.nlmCategory = nlmCategory;
        this.text = text;
        this.html = html;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof AbstractSection that
                && Objects.equals(label, that.label)
                && Objects.equals(nlmCategory, that.nlmCategory)
                && Objects.equals(text, that.text)
                && Objects.equals(html, that.html);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, nlmCategory, text, html);
    }
}
