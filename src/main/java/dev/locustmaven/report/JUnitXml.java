package dev.locustmaven.report;

import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one JUnit XML {@code <testsuite>} of {@code <testcase>} elements, each passed, failed ({@code <failure>}),
 * skipped ({@code <skipped>}) or passed with output ({@code <system-out>}), the layout CI servers read. {@link
 * JUnitReport} and {@link ComparisonJUnit} say what their checks become; this class only writes the elements.
 */
final class JUnitXml {

    /** What became of a test case. */
    enum Outcome {
        PASSED,
        FAILED,
        SKIPPED,
        /** Passed, with a message for the reader in {@code <system-out>}. */
        PASSED_WITH_OUTPUT
    }

    /**
     * One {@code <testcase>}.
     *
     * @param message the {@code message} attribute of a failure or a skip; unused otherwise
     * @param type the {@code type} attribute of a failure; unused otherwise
     * @param text the text of a failure or of the output; unused otherwise
     */
    record TestCase(String className, String name, Outcome outcome, String message, String type, String text) {

        static TestCase passed(String className, String name) {
            return new TestCase(className, name, Outcome.PASSED, null, null, null);
        }

        static TestCase failed(String className, String name, String message, String type, String text) {
            return new TestCase(className, name, Outcome.FAILED, message, type, text);
        }

        static TestCase skipped(String className, String name, String message) {
            return new TestCase(className, name, Outcome.SKIPPED, message, null, null);
        }

        static TestCase passedWithOutput(String className, String name, String text) {
            return new TestCase(className, name, Outcome.PASSED_WITH_OUTPUT, null, null, text);
        }
    }

    private JUnitXml() {}

    /**
     * The document: the suite's counts, its test cases in order, and the suite's {@code <system-out>} with the
     * warnings, one a line, when there are any.
     */
    static String render(String suiteName, List<TestCase> testCases, List<String> warnings) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", suiteName);
            xml.writeAttribute("tests", Integer.toString(testCases.size()));
            xml.writeAttribute("failures", Long.toString(count(testCases, Outcome.FAILED)));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Long.toString(count(testCases, Outcome.SKIPPED)));
            xml.writeAttribute("time", "0");
            for (TestCase testCase : testCases) {
                write(xml, testCase);
            }
            if (!warnings.isEmpty()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("system-out");
                xml.writeCharacters(clean(String.join("\n", warnings)));
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

    private static long count(List<TestCase> testCases, Outcome outcome) {
        return testCases.stream().filter(c -> c.outcome() == outcome).count();
    }

    private static void write(XMLStreamWriter xml, TestCase testCase) throws XMLStreamException {
        boolean passed = testCase.outcome() == Outcome.PASSED;
        xml.writeCharacters("\n  ");
        if (passed) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("classname", clean(testCase.className()));
        xml.writeAttribute("name", clean(testCase.name()));
        xml.writeAttribute("time", "0");
        if (passed) {
            return;
        }
        xml.writeCharacters("\n    ");
        switch (testCase.outcome()) {
            case FAILED -> {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", clean(testCase.message()));
                xml.writeAttribute("type", testCase.type());
                xml.writeCharacters(clean(testCase.text()));
                xml.writeEndElement();
            }
            case SKIPPED -> {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", clean(testCase.message()));
            }
            case PASSED_WITH_OUTPUT -> {
                xml.writeStartElement("system-out");
                xml.writeCharacters(clean(testCase.text()));
                xml.writeEndElement();
            }
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /** Replaces characters that XML 1.0 cannot carry at all (most control characters), which the writer passes on. */
    private static String clean(String text) {
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
