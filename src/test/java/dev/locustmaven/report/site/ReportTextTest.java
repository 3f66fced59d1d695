package dev.locustmaven.report.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ReportTextTest {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ReportTextTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void englishAndGermanHaveTheSameKeys() throws IOException {
        assertThat(bundle("locust-report_de.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(
                        bundle("locust-report.properties").stringPropertyNames());
    }

    @Test
    void everyTextFormatsWithoutStrayQuotesOrPlaceholders() throws IOException {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            ReportText text = ReportText.of(locale);
            for (String key : bundle("locust-report.properties").stringPropertyNames()) {
                String formatted = text.get(key, 2, 3, "c", "d", "e", "f", "g", "h");
                assertThat(formatted).as(key).doesNotContain("{").doesNotContain("''");
            }
        }
        assertThat(ReportText.of(Locale.ENGLISH).get("fingerprint.intro")).contains("service's");
    }

    @Test
    void aLanguageWithoutItsOwnBundleGetsEnglish() {
        Locale original = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        try {
            assertThat(ReportText.of(Locale.FRENCH).get("verdict.title")).isEqualTo("Latest verdict");
        } finally {
            Locale.setDefault(original);
        }
        assertThat(ReportText.of(Locale.GERMAN).get("verdict.title")).isEqualTo("Letztes Urteil");
    }

    @Test
    void countsAgreeInNumber() {
        ReportText en = ReportText.of(Locale.ENGLISH);
        assertThat(en.get("baseline.ageDays", 0L)).isEqualTo("less than a day");
        assertThat(en.get("baseline.ageDays", 1L)).isEqualTo("1 day");
        assertThat(en.get("baseline.ageDays", 40L)).isEqualTo("40 days");
        assertThat(en.get("chart.captionChanges", 1)).isEqualTo("1 change point marked");
    }
}
