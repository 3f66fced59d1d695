package dev.locustmaven.promotion;

import dev.locustmaven.baseline.Promotion;
import java.util.List;

/**
 * What {@code locust:baseline} did: the promotion written, and how far the fail levels reach against the new baseline.
 *
 * @param promotion the new document and what changed
 * @param reach the smallest slowdowns the fail levels catch against the new baseline
 * @param unusual a warning per promoted value beyond every one of the history's last comparable runs of its service
 */
public record BaselineUpdateResult(Promotion promotion, ReachReport reach, List<String> unusual) {

    public BaselineUpdateResult {
        unusual = List.copyOf(unusual);
    }
}
