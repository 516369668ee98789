package org.cortexlit.web;

/** A request parameter a person must correct (400); the message names the parameter and says what it takes. */
public class InvalidRequest extends RuntimeException {

    public InvalidRequest(String message) {
        super(message);
    }
}
