package org.cortexlit.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The page a form's action returns to when the request is refused ({@code "/reviews/{id}"}: path parameters of the
 * action filled in). {@link Errors} redirects there with the reason as the page's flash message, so actions hold no
 * try/catch of their own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BackTo {
    String value();
}
