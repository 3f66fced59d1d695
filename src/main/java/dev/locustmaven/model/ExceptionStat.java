package dev.locustmaven.model;

/** One row of Locust's exception report: an unhandled exception raised inside a task (not a request failure). */
public record ExceptionStat(long count, String message, String traceback, String nodes) {}
