package org.kashbridge.rest;

/** What a REST call is answered: the HTTP status, the JSON entity and, for a call to repeat later, Retry-After. */
public record RestAnswer(int status, Object entity, String retryAfter) {

    public RestAnswer(int status, Object entity) {
        this(status, entity, null);
    }
}
