package org.cortexlit.library;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A paragraph of an abstract; {@code html} keeps the safe inline markup, {@code text} is plain. */
@Embeddable
public class AbstractSection {
    public String label;
    @Column(name = "nlm_category")
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
}
