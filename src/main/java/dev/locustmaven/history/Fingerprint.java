package dev.locustmaven.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What must be equal for two runs of a service to be compared: the load (users, spawn rate, run time, user classes), the
 * Locust version, the machine (OS, architecture, cores) and a label the user sets for the environment (e.g. {@code
 * github-ubuntu-latest}). Every field may be null when unknown; an unknown field matches anything, since a run whose
 * source did not say (Locust 2.12.1 prints no version) must still find its history.
 *
 * @param runTimeSeconds the configured run time (Locust's {@code --run-time})
 * @param userClasses the user classes that ran, in order
 */
public record Fingerprint(
        Integer users,
        Double spawnRate,
        Double runTimeSeconds,
        List<String> userClasses,
        String locustVersion,
        String os,
        String arch,
        Integer cores,
        String environment) {

    public Fingerprint {
        userClasses = userClasses == null ? null : List.copyOf(userClasses);
    }

    /** A fingerprint with this machine's OS name, architecture and processor count. */
    public static Fingerprint onThisMachine(
            Integer users,
            Double spawnRate,
            Double runTimeSeconds,
            List<String> userClasses,
            String locustVersion,
            String environment) {
        return new Fingerprint(
                users,
                spawnRate,
                runTimeSeconds,
                userClasses,
                locustVersion,
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                environment);
    }

    /** The fields known on both sides that differ, as {@code users 10 vs 20}; empty when comparable. */
    public List<String> differencesFrom(Fingerprint other) {
        List<String> differences = new ArrayList<>();
        compare(differences, "users", users, other.users);
        compare(differences, "spawn rate", spawnRate, other.spawnRate);
        compare(differences, "run time (s)", runTimeSeconds, other.runTimeSeconds);
        compare(differences, "user classes", userClasses, other.userClasses);
        compare(differences, "Locust version", locustVersion, other.locustVersion);
        compare(differences, "OS", os, other.os);
        compare(differences, "architecture", arch, other.arch);
        compare(differences, "cores", cores, other.cores);
        compare(differences, "environment", environment, other.environment);
        return differences;
    }

    public boolean comparableTo(Fingerprint other) {
        return differencesFrom(other).isEmpty();
    }

    private static void compare(List<String> differences, String name, Object mine, Object theirs) {
        if (mine != null && theirs != null && !Objects.equals(mine, theirs)) {
            differences.add(name + " " + mine + " vs " + theirs);
        }
    }
}
