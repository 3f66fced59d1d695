package dev.locustmaven.bench;

import dev.locustmaven.statistical.ChangePoint;
import dev.locustmaven.statistical.ChangePointDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Writes the shared series for the comparison with Apache Otava, and our change points on them: {@code series.csv}
 * (one series per line), {@code ours.csv} (our change points with Otava's settings and no minimum segment) and {@code
 * ours-min3.csv} (our defaults: minimum segment 3). {@code otava_agreement.py} then runs Otava on the same series and
 * counts the change points that agree within one run. See docs/benchmarks.md for the command.
 */
public final class ChangePointAgreement {

    private ChangePointAgreement() {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/changepoint-agreement");
        Files.createDirectories(folder);
        List<double[]> series = series();
        ChangePointDetector otavaSettings = new ChangePointDetector(50, 0.001, 0.0, 1);
        ChangePointDetector defaults = ChangePointDetector.defaults();
        List<String> data = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        List<String> oursMin3 = new ArrayList<>();
        for (double[] values : series) {
            List<String> text = new ArrayList<>();
            for (double v : values) {
                text.add(String.format(Locale.ROOT, "%.6f", v));
            }
            data.add(String.join(",", text));
            ours.add(indexes(otavaSettings.detect(values)));
            oursMin3.add(indexes(defaults.detect(values)));
        }
        Files.write(folder.resolve("series.csv"), data);
        Files.write(folder.resolve("ours.csv"), ours);
        Files.write(folder.resolve("ours-min3.csv"), oursMin3);
        System.out.println("wrote " + series.size() + " series to " + folder);
    }

    private static String indexes(List<ChangePoint> points) {
        return points.stream().map(p -> String.valueOf(p.index())).collect(Collectors.joining(","));
    }

    /**
     * 200 series of 60 to 300 runs: 5% lognormal or t3 noise, with no change, one step, two steps, a single spike, a
     * 2-run transient or a slow creep, of 5 to 50 percent.
     */
    static List<double[]> series() {
        List<double[]> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            SplittableRandom random = new SplittableRandom(4242 + i);
            int n = 60 + random.nextInt(241);
            boolean heavy = i % 2 == 1;
            double size = new double[] {0.05, 0.1, 0.2, 0.5}[random.nextInt(4)];
            int kind = i % 6;
            int at = 10 + random.nextInt(n - 20);
            int second = Math.min(n - 5, at + 5 + random.nextInt(Math.max(1, n - at - 5)));
            double[] values = new double[n];
            for (int t = 0; t < n; t++) {
                double noise = heavy ? DetectionBenchmark.tNoise(random) : random.nextGaussian();
                double level = switch (kind) {
                    case 1 -> t >= at ? 1 + size : 1;
                    case 2 -> (t >= at ? 1 + size : 1) * (t >= second ? 1 - size / 2 : 1);
                    case 3 -> t == at ? 1 + size : 1;
                    case 4 -> t == at || t == at + 1 ? 1 + size : 1;
                    case 5 -> 1 + size * Math.max(0, t - at) / (double) (n - at);
                    default -> 1;
                };
                values[t] = 100 * level * Math.exp(0.05 * noise);
            }
            all.add(values);
        }
        return all;
    }
}
