package dev.locustmaven.locust.install;

import java.util.regex.Pattern;

/**
 * Options an installed Locust has, read from its {@code --help}, because the version alone can be unknown (Debian's
 * package reports none) and some options came, went and came back ({@code --json-file}).
 *
 * @param json {@code --json} (2.14.1+)
 * @param jsonFile {@code --json-file} (2.37.0, 2.37.10+)
 * @param processes {@code --processes} (2.19.0+): local workers forked by the master
 * @param expectWorkersMaxWait {@code --expect-workers-max-wait} (2.4.2+)
 */
public record LocustFeatures(boolean json, boolean jsonFile, boolean processes, boolean expectWorkersMaxWait) {

    public static LocustFeatures fromHelp(String helpText) {
        return new LocustFeatures(
                hasOption(helpText, "--json"),
                hasOption(helpText, "--json-file"),
                hasOption(helpText, "--processes"),
                hasOption(helpText, "--expect-workers-max-wait"));
    }

    /** The option as a whole word: {@code --json} must not match {@code --json-file} or {@code --show-task-ratio-json}. */
    static boolean hasOption(String helpText, String option) {
        return Pattern.compile("(?<![\\w-])" + Pattern.quote(option) + "(?![\\w-])")
                .matcher(helpText)
                .find();
    }
}
