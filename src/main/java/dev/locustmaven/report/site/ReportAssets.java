package dev.locustmaven.report.site;

import dev.locustmaven.model.MetricKey;
import dev.locustmaven.report.ReportFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files the page links to, written next to it: one SVG chart per series with at least two runs, and copies of
 * Locust's own HTML reports of the latest run (so the site keeps them after {@code target/} is cleaned).
 *
 * @param charts the chart of each series, as a link relative to the page
 * @param locustReports per service (in name order), the copied HTML reports as links relative to the page
 */
public record ReportAssets(Map<MetricKey, String> charts, Map<String, List<String>> locustReports) {

    /** Runs a chart needs: one run is a dot, not a trend. */
    public static final int MIN_CHART_RUNS = 2;

    public ReportAssets {
        charts = Collections.unmodifiableMap(new LinkedHashMap<>(charts));
        Map<String, List<String>> copy = new TreeMap<>();
        locustReports.forEach((service, links) -> copy.put(service, List.copyOf(links)));
        locustReports = Collections.unmodifiableMap(copy);
    }

    public static ReportAssets none() {
        return new ReportAssets(Map.of(), Map.of());
    }

    /**
     * Writes the charts and copies the HTML reports into {@code pageDirectory/folder/}, replacing what an earlier
     * report left there.
     *
     * @param pageDirectory the folder of the page ({@code target/site}, or {@code target/reports} standalone)
     * @param folder the sub-folder for the files, e.g. {@code locust-report}
     * @throws ReportFileException when a file cannot be written
     */
    public static ReportAssets write(PerformanceReportData data, Path pageDirectory, String folder, ReportText text) {
        Path target = pageDirectory.resolve(folder);
        try {
            deleteTree(target);
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new ReportFileException(target + ": cannot prepare the folder of the report's charts: " + e, e);
        }
        Map<MetricKey, String> charts = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (ServiceReport service : data.services()) {
            for (SeriesTrend series : service.series()) {
                if (series.points().size() < MIN_CHART_RUNS) {
                    continue;
                }
                String name = unique(
                        names, safe(service.service()) + "-" + safe(series.key().metric()) + ".svg");
                Path file = target.resolve(name);
                try {
                    Files.writeString(file, TrendChart.svg(service.service(), series, text), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new ReportFileException(file + ": cannot write the chart: " + e, e);
                }
                charts.put(series.key(), folder + "/" + name);
            }
        }
        return new ReportAssets(charts, copyLocustReports(data.request().resultsDirectory(), target, folder));
    }

    /** Copies every {@code *.html} of each service folder of the results directory. */
    private static Map<String, List<String>> copyLocustReports(Path resultsDirectory, Path target, String folder) {
        Map<String, List<String>> links = new TreeMap<>();
        if (resultsDirectory == null || !Files.isDirectory(resultsDirectory)) {
            return links;
        }
        List<Path> services;
        try (Stream<Path> children = Files.list(resultsDirectory)) {
            services = children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new ReportFileException(resultsDirectory + ": cannot list the results directory: " + e, e);
        }
        Path copies = target.resolve("locust");
        for (Path serviceFolder : services) {
            String service = serviceFolder.getFileName().toString();
            List<String> serviceLinks = new ArrayList<>();
            for (Path html : htmlFiles(serviceFolder)) {
                Path copy =
                        copies.resolve(safe(service)).resolve(html.getFileName().toString());
                try {
                    Files.createDirectories(copy.getParent());
                    Files.copy(html, copy, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new ReportFileException(copy + ": cannot copy Locust's HTML report " + html + ": " + e, e);
                }
                serviceLinks.add(folder + "/locust/" + safe(service) + "/" + html.getFileName());
            }
            if (!serviceLinks.isEmpty()) {
                links.put(service, serviceLinks);
            }
        }
        return links;
    }

    private static List<Path> htmlFiles(Path folder) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.{html,htm}")) {
            stream.forEach(p -> {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            });
        } catch (IOException e) {
            throw new ReportFileException(folder + ": cannot list the folder: " + e, e);
        }
        Collections.sort(files);
        return files;
    }

    /** A file-name part that needs no escaping in a URL: letters, digits, {@code . _ -}; others become {@code _}. */
    static String safe(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }

    private static String unique(Set<String> names, String name) {
        String candidate = name;
        int n = 2;
        while (!names.add(candidate.toLowerCase(Locale.ROOT))) {
            candidate = name.replaceFirst("\\.svg$", "-" + n++ + ".svg");
        }
        return candidate;
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
