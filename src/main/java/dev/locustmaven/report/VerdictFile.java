package dev.locustmaven.report;

import dev.locustmaven.model.Verdict;
import java.time.Instant;

/**
 * A {@code verdict.json} as read back: the verdict, and when the check wrote it.
 *
 * @param generatedAt the file's {@code generated_at}; null when absent or not an ISO-8601 instant
 */
public record VerdictFile(Verdict verdict, Instant generatedAt) {}
