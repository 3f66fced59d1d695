package dev.locustmaven.history;

import dev.locustmaven.model.LocustReleases;
import dev.locustmaven.model.RunManifest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What must be equal for two runs of a service to be compared: the load (users, spawn rate, run time, warm-up, user
 * classes, tags), the Locust and Python versions, the locustfile's content, the host, the machine (OS, architecture,
 * cores) and a label the user sets for the environment (e.g. {@code github-ubuntu-latest}). Every field may be null
 * when unknown; an unknown field matches anything, since a run whose source did not say (Locust 2.12.1 prints no
 * version; results without the {@code run} goal's manifest know no spawn rate) must still find its history.
 *
 * @param runTimeSeconds the configured run time (Locust's {@code --run-time})
 * @param userClasses the user classes that ran, in the order Locust reported them; compared as a set, since that order
 *     changes from run to run
 * @param tags the tags asked for, the excluded ones prefixed with {@code !}
 * @param locustfileSha256 the SHA-256 of the locustfiles' contents
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
        String environment,
        Double warmUpSeconds,
        List<String> tags,
        String pythonVersion,
        String locustfileSha256,
        String host) {

    public Fingerprint {
        userClasses = userClasses == null ? null : List.copyOf(userClasses);
        tags = tags == null ? null : List.copyOf(tags);
    }

    /** A fingerprint without what only the {@code run} goal's manifest says (warm-up, tags, Python, locustfile, host). */
    public Fingerprint(
            Integer users,
            Double spawnRate,
            Double runTimeSeconds,
            List<String> userClasses,
            String locustVersion,
            String os,
            String arch,
            Integer cores,
            String environment) {
        this(
                users,
                spawnRate,
                runTimeSeconds,
                userClasses,
                locustVersion,
                os,
                arch,
                cores,
                environment,
                null,
                null,
                null,
                null,
                null);
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

    /** This fingerprint with what the {@code run} goal's manifest adds; the manifest's fields win where it has them. */
    public Fingerprint with(RunManifest manifest) {
        if (manifest == null) {
            return this;
        }
        return new Fingerprint(
                users != null ? users : manifest.users(),
                or(manifest.spawnRate(), spawnRate),
                or(manifest.runTimeSeconds(), runTimeSeconds),
                or(manifest.userClasses(), userClasses),
                or(manifest.locustVersion(), locustVersion),
                os,
                arch,
                cores,
                environment,
                or(manifest.warmUpSeconds(), warmUpSeconds),
                or(manifest.tags(), tags),
                or(manifest.pythonVersion(), pythonVersion),
                or(manifest.locustfileSha256(), locustfileSha256),
                or(manifest.host(), host));
    }

    private static <T> T or(T preferred, T otherwise) {
        return preferred != null ? preferred : otherwise;
    }

    /** The fields known on both sides that differ, as {@code users 10 vs 20}; empty when comparable. */
    public List<String> differencesFrom(Fingerprint other) {
        return fields(other).stream()
                .filter(Field::differs)
                .map(f -> f.name() + " " + f.mine() + " vs " + f.theirs())
                .toList();
    }

    /**
     * What changed from {@code earlier} to this fingerprint, as {@code users 10 -> 20} or {@code Locust 2.43.4 ->
     * 2.47.0: median semantics changed}; empty when comparable.
     */
    public List<String> changesFrom(Fingerprint earlier) {
        List<String> changes = new ArrayList<>();
        for (Field field : earlier.fields(this)) {
            if (field.differs()) {
                changes.add(
                        field.name().equals(LOCUST_VERSION)
                                ? LocustReleases.describeChange(earlier.locustVersion, locustVersion)
                                : field.name() + " " + field.mine() + " -> " + field.theirs());
            }
        }
        return changes;
    }

    private static final String LOCUST_VERSION = "Locust version";

    private record Field(String name, Object mine, Object theirs) {
        boolean differs() {
            return mine != null && theirs != null && !Objects.equals(mine, theirs);
        }
    }

    private List<Field> fields(Fingerprint other) {
        return List.of(
                new Field("users", users, other.users),
                new Field("spawn rate", spawnRate, other.spawnRate),
                new Field("run time (s)", runTimeSeconds, other.runTimeSeconds),
                new Field("user classes", sorted(userClasses), sorted(other.userClasses)),
                new Field(LOCUST_VERSION, locustVersion, other.locustVersion),
                new Field("OS", os, other.os),
                new Field("architecture", arch, other.arch),
                new Field("cores", cores, other.cores),
                new Field("environment", environment, other.environment),
                new Field("warm-up (s)", warmUpSeconds, other.warmUpSeconds),
                new Field("tags", tags, other.tags),
                new Field("Python", pythonVersion, other.pythonVersion),
                new Field("locustfile SHA-256", locustfileSha256, other.locustfileSha256),
                new Field("host", comparableHost(host), comparableHost(other.host)));
    }

    private static List<String> sorted(List<String> values) {
        return values == null ? null : values.stream().sorted().toList();
    }

    /**
     * The host as runs compare it: a service on this machine ({@code 127.0.0.1}, any {@code 127.x.x.x}, {@code
     * localhost}, {@code ::1}) is the same host whatever its port, so a port reserved anew for every build keeps its
     * history; any other host is compared as it is written.
     */
    static String comparableHost(String host) {
        if (host == null) {
            return null;
        }
        try {
            URI uri = new URI(host.trim());
            String name = uri.getHost();
            if (name == null || !isLoopback(name)) {
                return host;
            }
            return new URI(uri.getScheme(), null, name, -1, uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return host;
        }
    }

    private static boolean isLoopback(String name) {
        String host = name.toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.equals("[::1]") || host.equals("::1") || host.startsWith("127.");
    }

    public boolean comparableTo(Fingerprint other) {
        return differencesFrom(other).isEmpty();
    }
}
