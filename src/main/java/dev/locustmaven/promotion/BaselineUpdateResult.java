package dev.locustmaven.promotion;

import dev.locustmaven.baseline.Promotion;

/**
 * What {@code locust:baseline} did: the promotion written, and what the new baseline lets the fail levels catch.
 *
 * @param promotion the new document and what changed
 * @param resolution the smallest slowdowns the fail levels catch against the new baseline
 */
public record BaselineUpdateResult(Promotion promotion, ResolutionReport resolution) {}
