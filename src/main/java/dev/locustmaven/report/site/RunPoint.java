package dev.locustmaven.report.site;

/** One run's value of one series. */
public record RunPoint(RunRef run, double value) {}
