package dev.locustmaven.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locustmaven.machine.Calibration;
import dev.locustmaven.machine.Calibrator;
import dev.locustmaven.machine.MachineComparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Replays the machine calibration of recorded campaign builds: each build's calibration against those of the builds
 * before it in the same campaign, as {@code check} compares it with the history, at the shipped overload factor.
 *
 * <p>Input: the {@code <name>-results.jsonl} files of {@code benchmarks/campaign/campaign.py} (one build per line,
 * with its {@code calibration}, {@code phase}, {@code verdict} and the rule checks that {@code failed}). A build that
 * FAILED only by latency rules ({@code _ms} metrics) on a machine the replay finds overloaded would have been a WARN:
 * that is the count per phase it prints beside the recorded failures. A/B builds turned so are regressions the
 * overload hid. It replays the recorded figures; it does not rerun a build.
 *
 * <p>Run: {@code ./mvnw -B -q test-compile -Dinvoker.skip=true}, {@code ./mvnw -B -q dependency:build-classpath
 * -Dmdep.outputFile=target/bench.classpath}, then {@code java -cp target/classes:target/test-classes:$(cat
 * target/bench.classpath) dev.locustmaven.bench.MachineOverloadReplay benchmarks/hostile/results/s5-1run-results.jsonl
 * …}.
 */
public final class MachineOverloadReplay {

    private MachineOverloadReplay() {}

    public static void main(String[] args) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        System.out.println("| campaign | phase | builds | compared | slower | overloaded | FAIL recorded | of them"
                + " only latency rules on an overloaded machine | FAIL after |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (String file : args) {
            List<JsonNode> builds = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(file))) {
                if (!line.isBlank()) {
                    builds.add(mapper.readTree(line));
                }
            }
            replay(Path.of(file).getFileName().toString().replace("-results.jsonl", ""), builds);
        }
    }

    private static void replay(String campaign, List<JsonNode> builds) {
        List<Calibration> earlier = new ArrayList<>();
        List<String> phases = new ArrayList<>();
        builds.forEach(b -> {
            if (!phases.contains(phase(b))) {
                phases.add(phase(b));
            }
        });
        int[][] counts = new int[phases.size()][6];
        for (JsonNode build : builds) {
            JsonNode figures = build.path("calibration");
            if (!figures.has("cpu_loop_ms")) {
                continue;
            }
            Calibration current = new Calibration(
                    Calibrator.METHOD,
                    figures.get("cpu_loop_ms").asDouble(),
                    figures.get("loopback_round_trip_ms").asDouble());
            int[] row = counts[phases.indexOf(phase(build))];
            Optional<MachineComparison> comparison = MachineComparison.of(current, earlier);
            boolean failed = "FAIL".equals(build.path("verdict").asText());
            boolean overloaded = comparison.map(MachineComparison::overloaded).orElse(false);
            boolean onlyLatency = onlyLatencyRules(build);
            row[0]++;
            row[1] += comparison.isPresent() ? 1 : 0;
            row[2] += comparison.map(MachineComparison::slower).orElse(false) ? 1 : 0;
            row[3] += overloaded ? 1 : 0;
            row[4] += failed ? 1 : 0;
            row[5] += failed && overloaded && onlyLatency ? 1 : 0;
            earlier.add(current);
        }
        for (int i = 0; i < phases.size(); i++) {
            int[] c = counts[i];
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %d | %d | %d | %d | %d | %d | %d |%n",
                    campaign,
                    phases.get(i),
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    c[4],
                    c[5],
                    c[4] - c[5]);
        }
    }

    /** {@code aa}, {@code ab x2}: the A/B builds by their slowdown. */
    private static String phase(JsonNode build) {
        String phase = build.path("phase").asText();
        return phase.equals("ab") ? phase + " x" + build.path("slowdown").asText() : phase;
    }

    /** True when the build failed by the threshold rules alone, and only on latency metrics. */
    private static boolean onlyLatencyRules(JsonNode build) {
        JsonNode failed = build.path("failed");
        if (failed.path("gate").size() > 0 || failed.path("rule").isEmpty()) {
            return false;
        }
        for (JsonNode check : failed.path("rule")) {
            if (!check.asText().endsWith("_ms")) {
                return false;
            }
        }
        return true;
    }
}
