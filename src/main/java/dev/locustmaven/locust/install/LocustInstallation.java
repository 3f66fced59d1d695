package dev.locustmaven.locust.install;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A Locust that can be run, with what is known about it.
 *
 * @param version {@code null} when neither Locust nor the system's package manager says which release it is
 * @param reportsVersion whether {@code locust -V} itself prints a version. Debian's 2.12.1 prints an empty one, and its
 *     workers then cannot join a master, so distributed runs need this
 * @param origin where it was found, for messages: {@code locustExecutable}, {@code PATH} or the managed environment
 */
public record LocustInstallation(
        Path executable, LocustVersion version, boolean reportsVersion, LocustFeatures features, String origin) {

    public LocustInstallation {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(origin, "origin");
    }

    /** The version for records and messages, or {@code "unknown"}. */
    public String versionText() {
        return version == null ? "unknown" : version.text();
    }

    /** Like {@code Locust 2.47.0 (/path/bin/locust, from PATH)}. */
    public String describe() {
        String v = version == null
                ? "of unknown version"
                : version.text()
                        + (reportsVersion ? "" : " (per the package manager; Locust itself reports no version)");
        return "Locust " + v + " (" + executable + ", " + origin + ")";
    }
}
