package dev.locustmaven.report.site;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The rendered page parsed as XML (the XHTML5 sink writes well-formed markup), with XPath look-ups by section. */
final class Html {

    private final Document document;
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    private Html(Document document) {
        this.document = document;
    }

    static Html parse(String html) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            return new Html(factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("the page is not well-formed XHTML: " + e.getMessage() + "\n" + html, e);
        }
    }

    private NodeList nodes(String expression) {
        try {
            return (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
        } catch (Exception e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    private static String section(String anchor) {
        return "//section[a/@id='" + anchor + "']";
    }

    boolean hasSection(String anchor) {
        return nodes(section(anchor)).getLength() > 0;
    }

    /** The rows of the {@code index}-th table directly inside the section, each a list of its cells' text. */
    List<List<String>> table(String anchor, int index) {
        List<List<String>> rows = new ArrayList<>();
        NodeList tr = nodes("(" + section(anchor) + "/table)[" + (index + 1) + "]/tr");
        for (int i = 0; i < tr.getLength(); i++) {
            List<String> cells = new ArrayList<>();
            for (Node cell = tr.item(i).getFirstChild(); cell != null; cell = cell.getNextSibling()) {
                if (cell instanceof Element element) {
                    cells.add(element.getTextContent().trim());
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    List<List<String>> table(String anchor) {
        return table(anchor, 0);
    }

    /** The text of the section's own paragraphs (not those of sub-sections). */
    List<String> paragraphs(String anchor) {
        List<String> texts = new ArrayList<>();
        NodeList p = nodes(section(anchor) + "/p");
        for (int i = 0; i < p.getLength(); i++) {
            texts.add(p.item(i).getTextContent().trim().replaceAll("\\s+", " "));
        }
        return texts;
    }

    /** The {@code src} of every image in the section. */
    List<String> images(String anchor) {
        List<String> sources = new ArrayList<>();
        NodeList img = nodes(section(anchor) + "//img");
        for (int i = 0; i < img.getLength(); i++) {
            sources.add(((Element) img.item(i)).getAttribute("src"));
        }
        return sources;
    }

    List<String> links(String anchor) {
        List<String> hrefs = new ArrayList<>();
        NodeList a = nodes(section(anchor) + "//a[@href]");
        for (int i = 0; i < a.getLength(); i++) {
            hrefs.add(((Element) a.item(i)).getAttribute("href"));
        }
        return hrefs;
    }

    /** Every section anchor, in document order. */
    List<String> sections() {
        List<String> anchors = new ArrayList<>();
        NodeList a = nodes("//section/a[@id]");
        for (int i = 0; i < a.getLength(); i++) {
            anchors.add(((Element) a.item(i)).getAttribute("id"));
        }
        return anchors;
    }
}
