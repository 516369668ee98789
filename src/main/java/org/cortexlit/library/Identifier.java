package org.cortexlit.library;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Another identifier of the article: pmc, pii, mid, ... */
@Embeddable
public class Identifier {
    @Column(name = "id_type")
    public String type;
    @Column(name = "id_value")
    public String value;

    public Identifier() {
    }

    public Identifier(String type, String value) {
        this.type = type;
        this.value = value;
    }
}
