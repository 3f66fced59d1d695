package dev.locustmaven.report;

import dev.locustmaven.io.AtomicFile;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The verdict as a JUnit XML report ({@code target/locust/TEST-locust.xml}), so that a CI server shows every check
 * in its test view: one {@code <testsuite name="locust">}, one {@code <testcase>} per check with class name {@code
 * locust.<service>} and name {@code [<endpoint>/]<metric> [<rule>]}.
 *
 * <p>FAIL is a {@code <failure>}; MISSING is a {@code <failure>} unless its rule allows it, then a {@code <skipped>}; NO_BASELINE is a {@code <skipped>}; WARN passes with its message in {@code <system-out>}.
 * Warnings that concern the whole run go to the suite's {@code <system-out>}.
 */
public final class JUnitReport {

    private JUnitReport() {}

    public static String render(Verdict verdict) {
        return JUnitXml.render(
                "locust", verdict.checks().stream().map(JUnitReport::testCase).toList(), verdict.warnings());
    }

    public static void write(Path file, Verdict verdict) {
        try {
            AtomicFile.write(file, render(verdict));
        } catch (IOException e) {
            throw new ReportFileException(file + ": cannot write the JUnit report: " + e, e);
        }
    }

    private static JUnitXml.TestCase testCase(Check check) {
        String className = "locust." + check.key().service();
        String name = CheckText.metric(check) + (check.rule() == null ? "" : " [" + check.rule() + "]");
        String message = check.message() == null ? check.status().name() : check.message();
        if (check.failsBuild()) {
            return JUnitXml.TestCase.failed(
                    className, name, message, check.status().name(), details(check));
        }
        if (check.status() == Status.PASS) {
            return JUnitXml.TestCase.passed(className, name);
        }
        if (check.status() == Status.WARN) {
            return JUnitXml.TestCase.passedWithOutput(className, name, "WARN " + message + "\n" + details(check));
        }
        return JUnitXml.TestCase.skipped(className, name, message); // NO_BASELINE, or a MISSING its rule allows
    }

    private static String details(Check check) {
        return check.key().displayName() + ": baseline " + CheckText.value(check, check.baseline()) + ", current "
                + CheckText.value(check, check.current()) + ", change " + CheckText.change(check) + ", rule "
                + CheckText.rule(check) + ", status " + check.status();
    }
}
