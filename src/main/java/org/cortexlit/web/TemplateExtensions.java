package org.cortexlit.web;

import io.quarkus.qute.TemplateExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small helpers the templates call: {@code {list.joined('; ')}}, {@code {q.urlEncode}}. */
@TemplateExtension
public class TemplateExtensions {

    static String joined(List<String> values, String separator) {
        return String.join(separator, values);
    }

    static String urlEncode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
