package dev.locustmaven.promotion;

import dev.locustmaven.baseline.Promotion;

/**
 * What {@code locust:baseline} did: the promotion written, and how far the fail levels reach against the new baseline.
 *
 * @param promotion the new document and what changed
 * @param reach the smallest slowdowns the fail levels catch against the new baseline
 */
public record BaselineUpdateResult(Promotion promotion, ReachReport reach) {}
