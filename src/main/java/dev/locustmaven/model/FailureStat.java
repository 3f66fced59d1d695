package dev.locustmaven.model;

/**
 * One row of Locust's failure report: a request entry and a failure message, with how often it occurred.
 *
 * @param message the user's message, unwrapped from Locust's {@code CatchResponseError('…')} and extra quotes
 * @param rawError the error text exactly as Locust wrote it
 */
public record FailureStat(String method, String name, String message, String rawError, long occurrences) {}
