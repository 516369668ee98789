package org.cortexlit.web;

import io.quarkus.qute.TemplateExtension;
import org.cortexlit.library.Article;
import org.cortexlit.search.Facets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** Small helpers the templates call: {@code {list.joined('; ')}}, {@code {q.urlEncode}}. */
@TemplateExtension
public class TemplateExtensions {

    static String joined(List<String> values, String separator) {
        return String.join(separator, values);
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** {@code {run.startedAt.when}}: "2026-11-25 03:35:36 UTC". */
    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** Where the article page's tag forms post. */
    static String tagAction(Article a) {
        return "/articles/" + a.pmid + "/tags";
    }

    /** {@code {value.asTagQuery(dimension)}}: the query that selects a tag value, {@code "M1"[target]}. */
    static String asTagQuery(String value, String dimension) {
        return "\"" + value + "\"[" + dimension + "]";
    }

    /** {@code {article.languages.languageNames}}: PubMed's codes ({@code "eng ger"}) as names, "English, German". */
    static String languageNames(String codes) {
        return codes == null ? "" : String.join(", ", Arrays.stream(codes.trim().split("\\s+"))
                .filter(c -> !c.isEmpty()).map(Facets::languageName).toList());
    }

    static String urlEncode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
