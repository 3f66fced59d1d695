package dev.locustmaven.locust.run;

import dev.locustmaven.locust.LocustRunException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One Locust run for one service, with every value resolved (scenario value, else plugin default).
 *
 * @param name the service name; also the name of its folder in the results directory
 * @param locustfiles the user's locustfiles (the plugin adds its helper in front)
 * @param userClasses run only these User classes; empty for all
 * @param warmUp how long the load runs before it is measured (Locust's statistics are reset then); zero for none.
 *     The load lasts {@code warmUp + runTime}, and the results cover the last {@code runTime} of it
 * @param host the base URL ({@code --host}); {@code null} to leave it to the locustfile's {@code host} attributes
 * @param environment extra environment variables for Locust (they may set anything, {@code LOCUST_*} included)
 * @param arguments further Locust options, passed as they are (never through a shell)
 */
public record LocustScenario(
        String name,
        List<Path> locustfiles,
        List<String> userClasses,
        List<String> tags,
        List<String> excludeTags,
        int users,
        double spawnRate,
        Duration runTime,
        Duration warmUp,
        String host,
        Map<String, String> environment,
        List<String> arguments,
        Distribution distribution) {

    /** The longest warm-up {@link #afterFreshStart} gives a scenario that sets none. */
    public static final Duration FRESH_START_WARM_UP_LIMIT = Duration.ofSeconds(30);

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** Options the plugin sets itself; passing them again in {@code arguments} would break the run or its results. */
    private static final List<String> OWNED_OPTIONS = List.of(
            "-f",
            "--locustfile",
            "-u",
            "--users",
            "-r",
            "--spawn-rate",
            "-t",
            "--run-time",
            "-H",
            "--host",
            "-T",
            "--tags",
            "-E",
            "--exclude-tags",
            "--csv",
            "--html",
            "--json",
            "--json-file",
            "--exit-code-on-error",
            "--headful",
            "--autostart",
            "--autoquit",
            "--config",
            "--master",
            "--worker",
            "--processes",
            "--expect-workers",
            "--expect-workers-max-wait",
            "--master-bind-host",
            "--master-bind-port",
            "--master-host",
            "--master-port");

    public LocustScenario {
        Objects.requireNonNull(name, "name");
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new LocustRunException("Scenario name '" + name + "' cannot be a folder name: use letters, digits,"
                    + " '.', '_' and '-', starting with a letter or digit.");
        }
        locustfiles = List.copyOf(locustfiles);
        if (locustfiles.isEmpty()) {
            throw new LocustRunException("Scenario '" + name + "' has no locustfile.");
        }
        userClasses = List.copyOf(userClasses == null ? List.of() : userClasses);
        tags = List.copyOf(tags == null ? List.of() : tags);
        excludeTags = List.copyOf(excludeTags == null ? List.of() : excludeTags);
        environment = Map.copyOf(environment == null ? Map.of() : environment);
        arguments = List.copyOf(arguments == null ? List.of() : arguments);
        distribution = distribution == null ? Distribution.standalone() : distribution;
        host = host == null || host.isBlank() ? null : host.trim();
        if (users < 1) {
            throw new LocustRunException("Scenario '" + name + "': users must be at least 1 (got " + users + ").");
        }
        if (!(spawnRate > 0)) {
            throw new LocustRunException("Scenario '" + name + "': spawnRate must be above 0 (got " + spawnRate + ").");
        }
        if (runTime == null || runTime.toSeconds() < 1) {
            throw new LocustRunException("Scenario '" + name + "': runTime must be at least 1s (got " + runTime + ").");
        }
        warmUp = warmUp == null ? Duration.ZERO : warmUp;
        if (warmUp.isNegative()) {
            throw new LocustRunException("Scenario '" + name + "': warmUp cannot be negative (got " + warmUp + ").");
        }
        if (!warmUp.isZero() && distribution.distributed()) {
            // workers send their statistics to the master every few seconds; requests made during the warm-up but
            // reported after the master's reset would be counted as measured
            throw new LocustRunException("Scenario '" + name + "': warmUp cannot be combined with workers or"
                    + " expectWorkers yet, because the workers' statistics of the warm-up would still reach the"
                    + " measured results. Run the warm-up without workers, or set warmUp to 0s.");
        }
        for (String argument : arguments) {
            String option = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            boolean owned = OWNED_OPTIONS.contains(option)
                    || OWNED_OPTIONS.stream()
                            .anyMatch(o -> o.length() == 2 && argument.startsWith(o) && !argument.startsWith("--"));
            if (owned) {
                throw new LocustRunException("Scenario '" + name + "': arguments contain '" + argument
                        + "', which the plugin sets itself. Use the parameters locustfile, users, spawnRate, runTime,"
                        + " host, tags, excludeTags, userClasses, workers and expectWorkers instead; the plugin writes"
                        + " the CSV, HTML and final statistics to the results directory.");
            }
        }
    }

    /** A scenario without warm-up. */
    public LocustScenario(
            String name,
            List<Path> locustfiles,
            List<String> userClasses,
            List<String> tags,
            List<String> excludeTags,
            int users,
            double spawnRate,
            Duration runTime,
            String host,
            Map<String, String> environment,
            List<String> arguments,
            Distribution distribution) {
        this(
                name,
                locustfiles,
                userClasses,
                tags,
                excludeTags,
                users,
                spawnRate,
                runTime,
                Duration.ZERO,
                host,
                environment,
                arguments,
                distribution);
    }

    /**
     * This scenario for a run right after its system under test was started again: as it is when it sets a warm-up or
     * runs workers (which cannot warm up), otherwise with a warm-up as long as its run time, at most
     * {@link #FRESH_START_WARM_UP_LIMIT}. A confirmation run measures a service again, and a freshly started process is
     * colder than the build's first run found it after the load of the services before it.
     */
    public LocustScenario afterFreshStart() {
        if (!warmUp.isZero() || distribution.distributed()) {
            return this;
        }
        Duration freshWarmUp = runTime.compareTo(FRESH_START_WARM_UP_LIMIT) < 0 ? runTime : FRESH_START_WARM_UP_LIMIT;
        return new LocustScenario(
                name,
                locustfiles,
                userClasses,
                tags,
                excludeTags,
                users,
                spawnRate,
                runTime,
                freshWarmUp,
                host,
                environment,
                arguments,
                distribution);
    }

    /** How long the load runs in all: the warm-up and the measured run time. */
    public Duration loadTime() {
        return warmUp.plus(runTime);
    }

    /** The spawn rate as Locust reads it: {@code 5} or {@code 0.5}. */
    String spawnRateText() {
        return spawnRate == Math.rint(spawnRate) ? Long.toString((long) spawnRate) : Double.toString(spawnRate);
    }
}
