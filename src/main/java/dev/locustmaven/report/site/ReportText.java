package dev.locustmaven.report.site;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The page's words in one language, from the resource bundle {@code locust-report} ({@code locust-report.properties},
 * {@code locust-report_de.properties}). A locale without its own bundle gets English, never the JVM's default language.
 */
public final class ReportText {

    static final String BUNDLE = "locust-report";

    private final ResourceBundle bundle;
    private final Locale locale;

    private ReportText(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static ReportText of(Locale locale) {
        Locale wanted = locale == null ? Locale.ENGLISH : locale;
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE,
                wanted,
                ReportText.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new ReportText(bundle, wanted);
    }

    public Locale locale() {
        return locale;
    }

    /** The language of the words, as an HTML {@code lang}: {@code de}, or {@code en} (the base bundle). */
    public String language() {
        String language = bundle.getLocale().getLanguage();
        return language.isEmpty() ? "en" : language;
    }

    /** The text of {@code key}; with arguments, a {@link MessageFormat} pattern filled in. */
    public String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("The report bundle " + BUNDLE + " has no text for " + key, e);
        }
        return new MessageFormat(pattern, locale).format(arguments);
    }
}
