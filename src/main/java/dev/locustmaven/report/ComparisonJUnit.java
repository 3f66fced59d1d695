package dev.locustmaven.report;

import dev.locustmaven.compare.Comparison;
import dev.locustmaven.compare.PairedCheck;
import dev.locustmaven.io.AtomicFile;
import dev.locustmaven.model.Status;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

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
        List<PairedCheck> checks = comparison.checks();
        long failures = checks.stream().filter(PairedCheck::failsBuild).count();
        long skipped = checks.stream()
                .filter(c -> !c.failsBuild())
                .filter(c -> c.status() == Status.MISSING || c.status() == Status.NO_BASELINE)
                .count();
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "locust-compare");
            xml.writeAttribute("tests", Integer.toString(checks.size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Long.toString(skipped));
            xml.writeAttribute("time", "0");
            for (PairedCheck check : checks) {
                writeTestCase(xml, check);
            }
            if (!comparison.warnings().isEmpty()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("system-out");
                xml.writeCharacters(JUnitReport.clean(String.join("\n", comparison.warnings())));
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The JDK's XML writer failed on an in-memory document", e);
        }
        return text.toString();
    }

    public static void write(Path file, Comparison comparison) {
        try {
            AtomicFile.write(file, render(comparison));
        } catch (IOException e) {
            throw new ReportFileException(file + ": cannot write the JUnit comparison: " + e, e);
        }
    }

    private static void writeTestCase(XMLStreamWriter xml, PairedCheck check) throws XMLStreamException {
        String name = ComparisonText.metric(check) + " [" + check.rule() + "]";
        xml.writeCharacters("\n  ");
        if (check.status() == Status.PASS) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute(
                "classname", JUnitReport.clean("locust.compare." + check.key().service()));
        xml.writeAttribute("name", JUnitReport.clean(name));
        xml.writeAttribute("time", "0");
        if (check.status() == Status.PASS) {
            return;
        }
        xml.writeCharacters("\n    ");
        if (check.failsBuild()) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", JUnitReport.clean(check.message()));
            xml.writeAttribute("type", check.status().name());
            xml.writeCharacters(JUnitReport.clean(details(check)));
            xml.writeEndElement();
        } else if (check.status() == Status.WARN) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(JUnitReport.clean("WARN " + check.message() + "\n" + details(check)));
            xml.writeEndElement();
        } else {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", JUnitReport.clean(check.message()));
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static String details(PairedCheck check) {
        return check.key() + ": base " + ComparisonText.value(check, check.base()) + ", change "
                + ComparisonText.value(check, check.change()) + ", change vs base "
                + ComparisonText.change(check) + ", interval " + ComparisonText.interval(check) + ", pairs "
                + check.pairs() + ", rule " + check.rule() + ", status " + check.status();
    }
}
