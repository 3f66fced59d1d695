package dev.locustmaven.locust.process;

import java.util.Map;
import java.util.TreeMap;

/** The environment Locust processes get. */
public final class LocustEnvironment {

    /** Every Locust option can come from a {@code LOCUST_*} variable; an inherited one must not change the run. */
    public static final String LOCUST_PREFIX = "LOCUST_";

    private LocustEnvironment() {}

    /**
     * Our environment without any {@code LOCUST_*} variable, with unbuffered Python output (so the log is current
     * when a run is stopped), plus {@code explicit}, which the user configured on purpose and which may set anything.
     */
    public static Map<String, String> scrubbed(Map<String, String> explicit) {
        return scrubbed(System.getenv(), explicit);
    }

    public static Map<String, String> scrubbed(Map<String, String> inherited, Map<String, String> explicit) {
        Map<String, String> env = new TreeMap<>(inherited);
        env.keySet().removeIf(k -> k.toUpperCase(java.util.Locale.ROOT).startsWith(LOCUST_PREFIX));
        env.put("PYTHONUNBUFFERED", "1");
        env.putAll(explicit);
        return env;
    }
}
