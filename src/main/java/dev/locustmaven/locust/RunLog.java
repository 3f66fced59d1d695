package dev.locustmaven.locust;

/** Where the runner reports what it does; the Maven goal passes its log, tests collect the lines. */
public interface RunLog {

    void info(String message);

    void warn(String message);

    /** Discards everything. */
    static RunLog silent() {
        return new RunLog() {
            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {}
        };
    }
}
