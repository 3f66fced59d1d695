package dev.locustmaven.fidelity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One recorded run of one Locust version, {@code src/test/resources/locust/<version>/fidelity-<case>/} (written by
 * {@code scripts/capture-locust-fixtures.py}): Locust's CSV files, its JSON (stdout or {@code --json-file}) where the
 * version has one, its log and its final summary; for the case {@code run-goal}, the service folder the plugin's
 * {@code run} goal left.
 */
record FidelityFixture(String version, String caseName, Path folder) {

    static final String SERVICE = "web_api";

    /** What {@code check} is given: the {@code run} goal's folder, or what a team hands over from its own Locust run. */
    enum Input {
        RUN_GOAL("run goal"),
        CSV("own CSV"),
        CSV_LOG("own CSV + log"),
        JSON("own JSON"),
        JSON_LOG("own JSON + log"),
        BOTH("CSV + JSON");

        final String label;

        Input(String label) {
            this.label = label;
        }
    }

    /** Every {@code fidelity-*} folder, by Locust version. */
    static List<FidelityFixture> all() {
        Path root = resource("/locust");
        List<FidelityFixture> fixtures = new ArrayList<>();
        for (Path versionFolder : list(root)) {
            if (!Files.isDirectory(versionFolder)) {
                continue;
            }
            for (Path caseFolder : list(versionFolder)) {
                String name = caseFolder.getFileName().toString();
                if (Files.isDirectory(caseFolder) && name.startsWith("fidelity-")) {
                    fixtures.add(new FidelityFixture(versionFolder.getFileName().toString(), name, caseFolder));
                }
            }
        }
        fixtures.sort(Comparator.comparing(FidelityFixture::version, FidelityFixture::compareVersions)
                .thenComparing(FidelityFixture::caseName));
        return fixtures;
    }

    /** A fixture folder by {@code "<version>/<case>"}, e.g. {@code "2.37.0/json-file-empty"}. */
    static FidelityFixture of(String id) {
        String[] parts = id.split("/", 2);
        return new FidelityFixture(parts[0], parts[1], resource("/locust/" + id));
    }

    /** The case without its {@code fidelity-} prefix: {@code csv}, {@code json-file}, {@code run-goal} ... */
    String run() {
        return caseName.replaceFirst("^fidelity-", "");
    }

    String id() {
        return version + "/" + caseName;
    }

    @Override
    public String toString() {
        return id();
    }

    FinalSummary summary() {
        return FinalSummary.read(folder.resolve("final-summary.json"));
    }

    Path file(String name) {
        return folder.resolve(name);
    }

    boolean runGoal() {
        return caseName.equals("fidelity-run-goal");
    }

    /** Locust's CSV file ending in {@code suffix} ({@code _stats.csv}, {@code _failures.csv} ...), whatever its prefix. */
    Path csv(String suffix) {
        return list(folder).stream()
                .filter(p -> p.getFileName().toString().endsWith(suffix))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(folder + " has no *" + suffix));
    }

    /** Locust's stderr: {@code console.log}, or {@code locust.log} where the run goal kept it. */
    Path log() {
        return file(runGoal() ? "locust.log" : "console.log");
    }

    /** The JSON Locust wrote: {@code stats.json} (--json-file) or {@code stdout.json} (--json); none before 2.14.1. */
    Optional<Path> json() {
        return Stream.of("stats.json", "stdout.json")
                .map(folder::resolve)
                .filter(Files::isRegularFile)
                .findFirst();
    }

    /**
     * A results directory holding one service folder with the input's files only, as the run goal leaves it or a team
     * would hand it over; empty when the fixture has no such input (no JSON before 2.14.1 or from the run goal).
     */
    Optional<Path> results(Input input, Path temp) {
        boolean available = switch (input) {
            case RUN_GOAL -> runGoal();
            case CSV -> true;
            case CSV_LOG -> !runGoal();
            case JSON, JSON_LOG, BOTH -> json().isPresent();
        };
        if (!available) {
            return Optional.empty();
        }
        Path results = temp.resolve(version + "-" + caseName + "-" + input.name());
        Path service = results.resolve(SERVICE);
        List<Path> files = new ArrayList<>();
        if (input != Input.JSON && input != Input.JSON_LOG) {
            list(folder).stream()
                    .filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .forEach(files::add);
        }
        if (input == Input.JSON || input == Input.JSON_LOG || input == Input.BOTH) {
            files.add(json().orElseThrow());
        }
        if (input == Input.RUN_GOAL) {
            files.add(file("final-stats.json"));
        }
        if (input == Input.RUN_GOAL || input == Input.CSV_LOG || input == Input.JSON_LOG) {
            files.add(log());
        }
        try {
            Files.createDirectories(service);
            for (Path file : files) {
                Files.copy(file, service.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(results);
    }

    static int compareVersions(String a, String b) {
        List<Integer> x = Stream.of(a.split("\\.")).map(Integer::valueOf).toList();
        List<Integer> y = Stream.of(b.split("\\.")).map(Integer::valueOf).toList();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = Integer.compare(x.get(i), y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    private static Path resource(String name) {
        URL url = FidelityFixture.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
