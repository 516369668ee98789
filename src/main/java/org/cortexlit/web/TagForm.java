package org.cortexlit.web;

import org.cortexlit.library.TagDimension;
import org.cortexlit.screening.Tagging;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tag panel ({@link TagPanel}) posts: {@code dimension} once per dimension the form carries, the ticked
 * values of each in {@code value-<dimension>}, comma-separated other values in {@code free-<dimension>}, the
 * article {@code version} the form was made from, and {@code accept} when a suggestion's button was pressed (a
 * dimension, or {@code all}). A dimension the form does not carry is left as it is.
 */
public class TagForm {

    @RestForm("dimension")
    List<String> dimensions;
    @RestForm
    Integer version;
    @RestForm
    String accept;

    @RestForm("value-design")
    List<String> design;
    @RestForm("value-target")
    List<String> target;
    @RestForm("value-modality")
    List<String> modality;
    @RestForm("value-frequency")
    List<String> frequency;
    @RestForm("value-sessions")
    List<String> sessions;
    @RestForm("value-intensity")
    List<String> intensity;
    @RestForm("value-condition")
    List<String> condition;

    @RestForm("free-design")
    String freeDesign;
    @RestForm("free-target")
    String freeTarget;
    @RestForm("free-modality")
    String freeModality;
    @RestForm("free-frequency")
    String freeFrequency;
    @RestForm("free-sessions")
    String freeSessions;
    @RestForm("free-intensity")
    String freeIntensity;
    @RestForm("free-condition")
    String freeCondition;

    boolean carries(String dimension) {
        return dimensions != null && dimensions.contains(dimension);
    }

    /** The ticked values of {@code dimension}. */
    List<String> values(String dimension) {
        List<String> v = switch (TagDimension.byKey(dimension).orElse(TagDimension.CONDITION)) {
            case DESIGN -> design;
            case TARGET -> target;
            case MODALITY -> modality;
            case FREQUENCY -> frequency;
            case SESSIONS -> sessions;
            case INTENSITY -> intensity;
            case CONDITION -> condition;
        };
        return v == null ? List.of() : v.stream().filter(x -> x != null && !x.isBlank()).toList();
    }

    /** The other values typed for {@code dimension}, as typed. */
    String free(String dimension) {
        return switch (TagDimension.byKey(dimension).orElse(TagDimension.CONDITION)) {
            case DESIGN -> freeDesign;
            case TARGET -> freeTarget;
            case MODALITY -> freeModality;
            case FREQUENCY -> freeFrequency;
            case SESSIONS -> freeSessions;
            case INTENSITY -> freeIntensity;
            case CONDITION -> freeCondition;
        };
    }

    /** Each carried dimension with its values: ticked ones and the comma-separated others. */
    Map<String, List<String>> changes() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String d : dimensions == null ? List.<String>of() : dimensions) {
            List<String> all = new ArrayList<>(values(d));
            String free = free(d);
            if (free != null) {
                for (String v : free.split(",")) {
                    if (!v.isBlank()) {
                        all.add(v.trim());
                    }
                }
            }
            out.put(d, all);
        }
        return out;
    }

    Integer version() {
        return version;
    }

    String accept() {
        return accept == null || accept.isBlank() ? null : accept.trim();
    }

    /** What a save did, in a sentence. */
    static String said(Map<String, Tagging.Result> results, String accept) {
        List<String> parts = new ArrayList<>();
        results.forEach((dimension, r) -> {
            if (r.changed()) {
                parts.add(dimension + ": " + (r.values().isEmpty() ? "none" : String.join(", ", r.values())));
            }
        });
        if (parts.isEmpty()) {
            return "No change to the tags.";
        }
        return (accept != null ? "Accepted suggestions; tagged " : "Tagged ") + String.join("; ", parts) + ".";
    }
}
