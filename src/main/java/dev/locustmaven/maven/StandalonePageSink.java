package dev.locustmaven.maven;

import java.io.Writer;
import org.apache.maven.doxia.module.xhtml5.Xhtml5Sink;
import org.apache.maven.doxia.sink.SinkEventAttributes;

/**
 * The sink of a standalone {@code mvn locust:report}: Doxia's XHTML5 page with a small stylesheet in its head, so that
 * the tables, figures and headings read well without a site skin. Under {@code mvn site} the site's own sink and skin
 * are used instead.
 */
final class StandalonePageSink extends Xhtml5Sink {

    /** Kept small and self-contained: the page must read well from a CI artifact, offline, without other files. */
    static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;font-size:15px;\
            line-height:1.45;color:#222;background:#fff;max-width:1200px;margin:0 auto;padding:1em 2em 3em}\
            h1{font-size:1.8em;border-bottom:2px solid #ddd;padding-bottom:.2em}\
            h2{font-size:1.4em;margin-top:1.8em;border-bottom:1px solid #e5e5e5;padding-bottom:.15em}\
            h3{font-size:1.15em;margin-top:1.4em}h4{font-size:1em}\
            table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.93em}\
            th,td{border:1px solid #d0d0d0;padding:.3em .6em;text-align:left;vertical-align:top}\
            th{background:#f2f2f2;font-weight:600}tr:nth-child(even) td{background:#fafafa}\
            figure{margin:1em 0 1.6em}figure img{max-width:100%;height:auto;border:1px solid #e5e5e5}\
            figcaption{font-size:.9em;color:#555;margin-top:.3em}\
            a{color:#0b5cad}code,pre{font-family:ui-monospace,Menlo,Consolas,monospace}\
            """;

    private final String encoding;

    StandalonePageSink(Writer writer, String encoding, String language) {
        // The charset is written here, first in the head, where a browser looks for it (the base class would write it
        // last, after the stylesheet).
        super(writer, null, language);
        this.encoding = encoding;
    }

    @Override
    public void head(SinkEventAttributes attributes) {
        super.head(attributes);
        write("<meta charset=\"" + encoding + "\"/>");
    }

    @Override
    public void head_() {
        write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
        write("<style>" + STYLE + "</style>");
        super.head_();
    }
}
