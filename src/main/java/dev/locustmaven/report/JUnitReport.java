package dev.locustmaven.report;

import dev.locustmaven.io.AtomicFile;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

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
        List<Check> checks = verdict.checks();
        long failures = checks.stream().filter(c -> c.failsBuild()).count();
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
            xml.writeAttribute("name", "locust");
            xml.writeAttribute("tests", Integer.toString(checks.size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Long.toString(skipped));
            xml.writeAttribute("time", "0");
            for (Check check : checks) {
                writeTestCase(xml, check);
            }
            if (!verdict.warnings().isEmpty()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("system-out");
                xml.writeCharacters(clean(String.join("\n", verdict.warnings())));
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

    public static void write(Path file, Verdict verdict) {
        try {
            AtomicFile.write(file, render(verdict));
        } catch (IOException e) {
            throw new ReportFileException(file + ": cannot write the JUnit report: " + e, e);
        }
    }

    private static void writeTestCase(XMLStreamWriter xml, Check check) throws XMLStreamException {
        String name = CheckText.metric(check) + (check.rule() == null ? "" : " [" + check.rule() + "]");
        String message = check.message() == null ? check.status().name() : check.message();
        xml.writeCharacters("\n  ");
        if (check.status() == Status.PASS) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("classname", clean("locust." + check.key().service()));
        xml.writeAttribute("name", clean(name));
        xml.writeAttribute("time", "0");
        if (check.status() == Status.PASS) {
            return;
        }
        if (check.failsBuild()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("failure");
            xml.writeAttribute("message", clean(message));
            xml.writeAttribute("type", check.status().name());
            xml.writeCharacters(clean(details(check)));
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
        } else if (check.status() == Status.MISSING || check.status() == Status.NO_BASELINE) {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", clean(message));
            xml.writeCharacters("\n  ");
        } else if (check.status() == Status.WARN) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean("WARN " + message + "\n" + details(check)));
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
        }
        xml.writeEndElement();
    }

    private static String details(Check check) {
        return check.key().displayName() + ": baseline " + CheckText.value(check, check.baseline()) + ", current "
                + CheckText.value(check, check.current()) + ", change " + CheckText.change(check) + ", rule "
                + CheckText.rule(check) + ", status " + check.status();
    }

    /** Replaces characters that XML 1.0 cannot carry at all (most control characters), which the writer passes on. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean allowed = cp == 0x9
                    || cp == 0xA
                    || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || cp >= 0x10000;
            out.appendCodePoint(allowed ? cp : 0xFFFD);
        });
        return out.toString();
    }
}
