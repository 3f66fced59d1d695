package dev.locustmaven.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict reader of the Prometheus and OpenMetrics text formats, enough to check what a test pushed or wrote. */
final class Exposition {

    record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)( \\S+)?");
    private static final Pattern LABEL = Pattern.compile("\\G([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
    private static final Pattern META = Pattern.compile("# (TYPE|HELP|UNIT) ([a-zA-Z_:][a-zA-Z0-9_:]*)( .*)?");

    final List<Sample> samples = new ArrayList<>();
    final Map<String, String> types = new LinkedHashMap<>();
    final Map<String, String> helps = new LinkedHashMap<>();

    /** @throws IllegalArgumentException naming the line that is not a sample, a comment of the format or {@code # EOF} */
    static Exposition parse(String text) {
        Exposition exposition = new Exposition();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.equals("# EOF")) {
                continue;
            }
            Matcher meta = META.matcher(line);
            if (meta.matches()) {
                String value = meta.group(3) == null ? "" : meta.group(3).substring(1);
                (meta.group(1).equals("TYPE") ? exposition.types : exposition.helps).put(meta.group(2), value);
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not a sample: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                int end = 0;
                while (label.find()) {
                    labels.put(label.group(1), unescape(label.group(2)));
                    end = label.end();
                }
                if (end != sample.group(3).length()) {
                    throw new IllegalArgumentException("line " + (i + 1) + " has malformed labels: " + line);
                }
            }
            exposition.samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
        }
        return exposition;
    }

    List<Sample> named(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The one sample of {@code name} whose labels include all of {@code labels}. */
    Optional<Sample> find(String name, Map<String, String> labels) {
        List<Sample> found = named(name).stream()
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
        if (found.size() > 1) {
            throw new AssertionError(found.size() + " samples of " + name + " match " + labels + ": " + found);
        }
        return found.stream().findFirst();
    }

    private static String unescape(String value) {
        return value.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
