package dev.locustmaven.locust.run;

import java.nio.file.Path;

/**
 * Where a paired comparison keeps its runs: {@code <root>/base-<i>/} and {@code <root>/change-<i>/} for the i-th pair,
 * each a results directory like the one {@code run} writes (one folder per service), so that any of them can also be
 * checked on its own; and {@code <root>/pairs.json}, written once every pair has run, which tells {@code check} that
 * there is a complete comparison to judge.
 */
public record PairedLayout(Path root) {

    /** The folder of the comparison inside the results directory. */
    public static final String FOLDER = "compare";

    public static final String MANIFEST = "pairs.json";

    public static PairedLayout in(Path resultsDirectory) {
        return new PairedLayout(resultsDirectory.resolve(FOLDER));
    }

    /** The results directory of one run. */
    public Path run(PairedSession.Side side, int pair) {
        return root.resolve(side.folder() + "-" + pair);
    }

    public Path manifest() {
        return root.resolve(MANIFEST);
    }
}
