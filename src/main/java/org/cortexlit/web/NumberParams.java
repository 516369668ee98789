package org.cortexlit.web;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * Whole-number query parameters ({@code page}, {@code size}, {@code limit}, {@code wait}, ids): one that is not a
 * number is a 400 naming the parameter, where JAX-RS would answer an empty 404.
 */
@Provider
public class NumberParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = null;
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                name = q.value();
            }
        }
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, Integer::valueOf, "a whole number");
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, Long::valueOf, "a whole number");
        }
        return null;
    }

    private static <N> ParamConverter<N> converter(String name, Function<String, N> parse, String what) {
        return new ParamConverter<>() {
            @Override
            public N fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (NumberFormatException e) {
                    String shown = value.length() > 40 ? value.substring(0, 37) + "..." : value;
                    throw new InvalidRequest(name + " must be " + what + ", not '" + shown + "'.");
                }
            }

            @Override
            public String toString(N value) {
                return String.valueOf(value);
            }
        };
    }
}
