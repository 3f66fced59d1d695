package dev.locustmaven.thresholds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.LocustRun;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.RunInfo;
import dev.locustmaven.model.ServiceResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparabilityTest {

    private static ServiceResult service(String name, RunInfo info) {
        EndpointStats aggregated =
                new EndpointStats("", EndpointStats.AGGREGATED, 10, 0, 5.0, 1.0, 9.0, 5.0, 0.0, 1.0, 0.0, null, null);
        return new ServiceResult(name, List.of(), aggregated, List.of(), List.of(), info, List.of());
    }

    private static Baseline baseline(Map<String, String> metadata, Map<MetricKey, MetricValue> values) {
        return new Baseline("1", null, null, "test", metadata, values, Map.of());
    }

    @Test
    void theSeedBaselineAgainstARunWithTheSameSetupIsComparable() {
        Baseline seed = SeedBaseline.baseline();
        LocustRun run = new LocustRun(List.of(
                service("api_gateway", new RunInfo("2.20.0", 1, 120.0, null)),
                service("rag_service", new RunInfo("2.20.0", 1, 119.2, null))));

        assertThat(Comparability.warnings(seed, run)).isEmpty();
    }

    @Test
    void differentUsersRunTimeAndLocustVersionEachWarn() {
        Baseline baseline = baseline(
                Map.of("locust_version", "2.20.0", "run_time_s", "120"),
                Map.of(
                        MetricKey.of("api_gateway", "baseline_users"), MetricValue.of(1),
                        MetricKey.of("api_gateway", "rps"), MetricValue.of(2.5),
                        MetricKey.of("rag_service", "rps"), MetricValue.of(0.8),
                        MetricKey.of("rag_service", "run_time_s"), MetricValue.of(300)));
        LocustRun run = new LocustRun(List.of(
                service("api_gateway", new RunInfo("2.47.0", 10, 60.0, null)),
                service("rag_service", new RunInfo("2.47.0", null, 290.0, null)),
                service("new_service", new RunInfo("2.47.0", 50, 5.0, null))));

        assertThat(Comparability.warnings(baseline, run))
                .containsExactly(
                        "api_gateway ran with 10 users, but its baseline was measured with 1 (baseline_users);"
                                + " latencies and throughput under different load are not comparable, so run with the"
                                + " baseline's load or re-baseline",
                        "api_gateway ran for 60 s, but its baseline run took 120 s (run_time_s); runs of different"
                                + " length warm up and sample differently, so use the baseline's run time or"
                                + " re-baseline",
                        "Locust 2.47.0 ran api_gateway, rag_service, but the baseline was measured with Locust 2.20.0"
                                + " (metadata.locust_version); the median changed between them (from 2.47.0 it is"
                                + " the upper median, equal to the 50% column, and an even request count can move it"
                                + " one bucket), and Locust's percentiles and rates can differ between releases, so"
                                + " re-baseline after upgrading Locust");
    }

    @Test
    void usersFallBackToMetadataAndUnknownValuesAreNotCompared() {
        Baseline baseline = baseline(
                Map.of("users", "5", "run_time_s", "two minutes"),
                Map.of(MetricKey.of("svc", "rps"), MetricValue.of(1)));

        assertThat(Comparability.warnings(
                        baseline, new LocustRun(List.of(service("svc", new RunInfo(null, 5, 3.0, null))))))
                .containsExactly("The baseline's metadata.run_time_s 'two minutes' is not a number, so it was not"
                        + " compared with the run");
        assertThat(Comparability.warnings(
                        baseline, new LocustRun(List.of(service("svc", new RunInfo("", 6, null, null))))))
                .hasSize(2)
                .first()
                .asString()
                .startsWith("svc ran with 6 users, but its baseline was measured with 5");
        assertThat(Comparability.warnings(null, new LocustRun(List.of(service("svc", RunInfo.unknown())))))
                .isEmpty();
    }
}
