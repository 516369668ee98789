package org.cortexlit.library;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.cortexlit.suggest.Suggestions;

/**
 * An article's suggested tags as stored: the suggester's result as compact JSON (the shape the API shows), SQL NULL
 * for none. Like the lists of {@link JsonLists}, the value is immutable and replaced whole.
 */
@Converter
public class SuggestionsColumn implements AttributeConverter<Suggestions, String> {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Override
    public String convertToDatabaseColumn(Suggestions suggestions) {
        if (suggestions == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(suggestions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write suggested tags as JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public Suggestions convertToEntityAttribute(String json) {
        if (json == null || json.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.readValue(json, Suggestions.class);
        } catch (JsonProcessingException e) {
            // a value no longer readable is recomputed from the record, never an error for the reader
            return null;
        }
    }
}
