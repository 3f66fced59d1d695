package dev.locustmaven.thresholds;

import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.LocustReleases;
import dev.locustmaven.model.LocustRun;
import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.RunInfo;
import dev.locustmaven.model.ServiceResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Tells whether a run can fairly be compared with the baseline: latencies and throughput depend on the load, the
 * length of the run and the Locust release (its histogram buckets changed in 2.43.4). Each difference is a warning,
 * never a failure; a value that either side does not record is not compared.
 *
 * <p>What is read, per service of the run that the baseline has:
 *
 * <ul>
 *   <li>users: the service's {@value #BASELINE_USERS} in the baseline (falling back to {@code metadata.}{@value
 *       #USERS}) against {@link RunInfo#users()}; any difference warns.
 *   <li>run time: the service's {@value #RUN_TIME_S} in the baseline (falling back to {@code metadata.}{@value
 *       #RUN_TIME_S}), in seconds, against {@link RunInfo#durationSeconds()}; a difference of more than {@value
 *       #RUN_TIME_TOLERANCE_PCT}% warns, because the measured span of a run is always a little shorter than the
 *       configured time.
 *   <li>Locust version: {@code metadata.}{@value #LOCUST_VERSION} against {@link RunInfo#locustVersion()}; any
 *       difference warns, once per version of the run.
 * </ul>
 */
public final class Comparability {

    public static final String BASELINE_USERS = "baseline_users";
    public static final String USERS = "users";
    public static final String RUN_TIME_S = "run_time_s";
    public static final String LOCUST_VERSION = "locust_version";
    public static final int RUN_TIME_TOLERANCE_PCT = 10;

    private Comparability() {}

    /** One sentence per difference; empty when the run is comparable or there is no baseline. */
    public static List<String> warnings(Baseline baseline, LocustRun run) {
        List<String> warnings = new ArrayList<>();
        if (baseline == null) {
            return warnings;
        }
        Map<String, List<String>> servicesByVersion = new TreeMap<>();
        String baselineVersion = blankToNull(baseline.metadata().get(LOCUST_VERSION));
        for (ServiceResult service : run.services()) {
            if (!baseline.hasService(service.service())) {
                continue;
            }
            RunInfo info = service.info();
            users(baseline, service.service(), warnings).ifPresent(expected -> {
                if (info.users() != null && !info.users().equals(expected)) {
                    warnings.add(service.service() + " ran with " + info.users() + " users, but its baseline was"
                            + " measured with " + expected + " (" + BASELINE_USERS + "); latencies and throughput"
                            + " under different load are not comparable, so run with the baseline's load or"
                            + " re-baseline");
                }
            });
            runTime(baseline, service.service(), warnings).ifPresent(expected -> {
                Double actual = info.durationSeconds();
                if (actual != null
                        && expected > 0
                        && Math.abs(actual - expected) / expected * 100 > RUN_TIME_TOLERANCE_PCT) {
                    warnings.add(service.service() + " ran for " + MetricFormat.number(actual) + " s, but its baseline"
                            + " run took " + MetricFormat.number(expected) + " s (" + RUN_TIME_S + "); runs of"
                            + " different length warm up and sample differently, so use the baseline's run time or"
                            + " re-baseline");
                }
            });
            String version = blankToNull(info.locustVersion());
            if (baselineVersion != null && version != null && !version.equals(baselineVersion)) {
                servicesByVersion
                        .computeIfAbsent(version, v -> new ArrayList<>())
                        .add(service.service());
            }
        }
        servicesByVersion.forEach((version, services) -> warnings.add("Locust " + version + " ran "
                + String.join(", ", services) + ", but the baseline was measured with Locust " + baselineVersion
                + " (metadata." + LOCUST_VERSION + "); " + whatMayDiffer(baselineVersion, version)
                + ", so re-baseline after upgrading Locust"));
        return warnings;
    }

    /** What may differ between the baseline's Locust and the run's, for the warning. */
    private static String whatMayDiffer(String baselineVersion, String version) {
        if (LocustReleases.changesBetween(baselineVersion, version).contains("median semantics changed")) {
            return "the median changed between them (from " + LocustReleases.MEDIAN_RELEASE + " it is the upper"
                    + " median, equal to the 50% column, and an even request count can move it one bucket), and"
                    + " Locust's percentiles and rates can differ between releases";
        }
        return "Locust's percentiles and rates can differ between releases";
    }

    private static Optional<Integer> users(Baseline baseline, String service, List<String> warnings) {
        return number(baseline, service, BASELINE_USERS, USERS, warnings).map(d -> (int) Math.round(d));
    }

    private static Optional<Double> runTime(Baseline baseline, String service, List<String> warnings) {
        return number(baseline, service, RUN_TIME_S, RUN_TIME_S, warnings);
    }

    /** The service's numeric value {@code serviceKey}, else the number in {@code metadata.metadataKey}. */
    private static Optional<Double> number(
            Baseline baseline, String service, String serviceKey, String metadataKey, List<String> warnings) {
        Optional<MetricValue> value = baseline.value(MetricKey.of(service, serviceKey));
        if (value.isPresent() && value.get() instanceof MetricValue.Numeric numeric) {
            return Optional.of(numeric.value());
        }
        String text = blankToNull(baseline.metadata().get(metadataKey));
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            String warning = "The baseline's metadata." + metadataKey + " '" + text + "' is not a number, so it was"
                    + " not compared with the run";
            if (!warnings.contains(warning)) {
                warnings.add(warning);
            }
            return Optional.empty();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
