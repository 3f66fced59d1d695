package dev.locustmaven.report;

import dev.locustmaven.compare.Comparison;
import dev.locustmaven.compare.PairedCheck;
import dev.locustmaven.io.AtomicFile;
import dev.locustmaven.model.Status;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A paired comparison as a JUnit XML report ({@code target/locust/TEST-locust-compare.xml}), laid out as {@link
 * JUnitReport} lays out a check: one {@code <testsuite name="locust-compare">}, one {@code <testcase>} per check with
 * class name {@code locust.compare.<service>} and name {@code [<endpoint>/]<metric> [<rule>]}.
 *
 * <p>FAIL is a {@code <failure>}; MISSING is a {@code <failure>} unless its rule allows it, then a {@code <skipped>};
 * NO_BASELINE (the base lacks the metric) is a {@code <skipped>}; WARN passes with its message in {@code
 * <system-out>}. Warnings about the whole comparison go to the suite's {@code <system-out>}.
 */
public final class ComparisonJUnit {

    private ComparisonJUnit() {}

    public static String render(Comparison comparison) {
        return JUnitXml.render(
                "locust-compare",
                comparison.checks().stream().map(ComparisonJUnit::testCase).toList(),
                comparison.warnings());
    }

    public static void write(Path file, Comparison comparison) {
        try {
            AtomicFile.write(file, render(comparison));
        } catch (IOException e) {
            throw new ReportFileException(file + ": cannot write the JUnit comparison: " + e, e);
        }
    }

    private static JUnitXml.TestCase testCase(PairedCheck check) {
        String className = "locust.compare." + check.key().service();
        String name = ComparisonText.metric(check) + " [" + check.rule() + "]";
        if (check.failsBuild()) {
            return JUnitXml.TestCase.failed(
                    className, name, check.message(), check.status().name(), details(check));
        }
        if (check.status() == Status.PASS) {
            return JUnitXml.TestCase.passed(className, name);
        }
        if (check.status() == Status.WARN) {
            return JUnitXml.TestCase.passedWithOutput(
                    className, name, "WARN " + check.message() + "\n" + details(check));
        }
        return JUnitXml.TestCase.skipped(className, name, check.message()); // NO_BASELINE, or a MISSING allowed
    }

    private static String details(PairedCheck check) {
        return check.key() + ": base " + ComparisonText.value(check, check.base()) + ", change "
                + ComparisonText.value(check, check.change()) + ", change vs base "
                + ComparisonText.change(check) + ", interval " + ComparisonText.interval(check) + ", pairs "
                + check.pairs() + ", rule " + check.rule() + ", status " + check.status();
    }
}
