package org.cortexlit.web;

import jakarta.ws.rs.NotFoundException;

/** A page asked for a thing that is not there (404); the message names it ("No article 123 in the corpus."). */
public class NotThere extends NotFoundException {

    public NotThere(String message) {
        super(message);
    }
}
