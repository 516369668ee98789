package org.cortexlit.library;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.persistence.AttributeConverter;

import java.io.IOException;
import java.util.List;

/**
 * An article's lists (abstract sections, authors, MeSH headings, publication types, keywords, other identifiers)
 * are stored as JSON arrays in columns of the article row, one column per list: an import writes 2 rows per article
 * (the article, its history event) instead of about 30, and a read needs no second query. Nothing queries inside
 * the lists in SQL; search reads them from the Lucene index.
 * <p>
 * Lists are immutable values: the entity replaces a list, never changes one in place (Hibernate compares them by
 * {@code equals}, without a deep copy). A JSON column holds at most {@link #MAX_CHARS} characters.
 */
public final class JsonLists {

    /** Length of the JSON columns (H2's longest CHARACTER VARYING). */
    public static final int MAX_CHARS = 1_000_000;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JsonLists() {
    }

    /** The JSON text of {@code list} as stored (null for an empty list). */
    public static String json(List<?> list) {
        if (list == null || list.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a list as JSON: " + e.getMessage(), e);
        }
    }

    /** Converts one list type; an empty list is stored as SQL NULL. */
    abstract static class Converter<T> implements AttributeConverter<List<T>, String> {
        private final ObjectReader reader;

        Converter(TypeReference<List<T>> type) {
            this.reader = MAPPER.readerFor(type);
        }

        @Override
        public String convertToDatabaseColumn(List<T> list) {
            return json(list);
        }

        @Override
        public List<T> convertToEntityAttribute(String json) {
            if (json == null || json.isEmpty()) {
                return List.of();
            }
            try {
                List<T> list = reader.readValue(json);
                return List.copyOf(list);
            } catch (IOException e) {
                throw new IllegalStateException("A stored list is not valid JSON (" + e.getMessage() + ")", e);
            }
        }
    }

    @jakarta.persistence.Converter
    public static final class Sections extends Converter<AbstractSection> {
        public Sections() {
            super(new TypeReference<>() { });
        }
    }

    @jakarta.persistence.Converter
    public static final class Authors extends Converter<Author> {
        public Authors() {
            super(new TypeReference<>() { });
        }
    }

    @jakarta.persistence.Converter
    public static final class Mesh extends Converter<MeshHeading> {
        public Mesh() {
            super(new TypeReference<>() { });
        }
    }

    @jakarta.persistence.Converter
    public static final class Identifiers extends Converter<Identifier> {
        public Identifiers() {
            super(new TypeReference<>() { });
        }
    }

    @jakarta.persistence.Converter
    public static final class Strings extends Converter<String> {
        public Strings() {
            super(new TypeReference<>() { });
        }
    }
}
