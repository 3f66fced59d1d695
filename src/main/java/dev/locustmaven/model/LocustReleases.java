package dev.locustmaven.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What changed in Locust's numbers between two releases, as far as the plugin's metrics see it. Between releases
 * without such a change, nothing is named, though Locust's percentiles and rates can still differ a little.
 */
public final class LocustReleases {

    /** From 2.47.0 Locust's median is the upper median, equal to its 50% column; before, the two could differ. */
    public static final String MEDIAN_RELEASE = "2.47.0";

    private LocustReleases() {}

    /** The changes of Locust's numbers between the two releases, in either order; empty when unknown or none. */
    public static List<String> changesBetween(String from, String to) {
        List<String> changes = new ArrayList<>();
        if (from == null || to == null || !numeric(from) || !numeric(to)) {
            return changes;
        }
        if (crosses(from, to, MEDIAN_RELEASE)) {
            changes.add("median semantics changed");
        }
        return changes;
    }

    /** {@code Locust 2.43.4 -> 2.47.0}, then {@code : median semantics changed} where Locust's numbers changed. */
    public static String describeChange(String from, String to) {
        List<String> changes = changesBetween(from, to);
        return "Locust " + from + " -> " + to + (changes.isEmpty() ? "" : ": " + String.join(", ", changes));
    }

    private static boolean crosses(String a, String b, String release) {
        return (compare(a, release) < 0) != (compare(b, release) < 0);
    }

    private static boolean numeric(String version) {
        return version.matches("\\d+(\\.\\d+)*");
    }

    static int compare(String a, String b) {
        List<Integer> x = Stream.of(a.split("\\.")).map(Integer::valueOf).toList();
        List<Integer> y = Stream.of(b.split("\\.")).map(Integer::valueOf).toList();
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            int c = Integer.compare(i < x.size() ? x.get(i) : 0, i < y.size() ? y.get(i) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
