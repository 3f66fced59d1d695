package dev.locustmaven.history;

/**
 * What pruning did.
 *
 * @param kept records still in the file
 * @param removed records removed for being too old or beyond the newest {@code maxRuns}
 * @param corruptKept corrupt lines, always kept
 */
public record PruneResult(int kept, int removed, int corruptKept) {}
