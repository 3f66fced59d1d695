package dev.locustmaven.export;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.pushgateway.Format;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Pushes a run's metrics to a Prometheus Pushgateway with the Prometheus Java client.
 *
 * <p>A push replaces the whole group (job and grouping labels) with HTTP PUT, so series of endpoints or checks that
 * the run no longer has vanish instead of keeping their last value forever. A failed push is returned as a warning and
 * never thrown: the metrics are a report of the verdict, never a part of it.
 */
public final class PushgatewayExporter {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern USER_INFO = Pattern.compile("//[^/?#@]*@");

    private final String displayUrl;
    private final Scheme scheme;
    private final String address;
    private final String user;
    private final String password;
    private final String bearerToken;
    private final Duration timeout;

    private PushgatewayExporter(
            String displayUrl,
            Scheme scheme,
            String address,
            String user,
            String password,
            String bearerToken,
            Duration timeout) {
        this.displayUrl = displayUrl;
        this.scheme = scheme;
        this.address = address;
        this.user = user;
        this.password = password;
        this.bearerToken = bearerToken;
        this.timeout = timeout;
    }

    /**
     * Reads the Pushgateway's base URL, e.g. {@code http://pushgateway:9091} or {@code https://host/prefix}. A user and
     * password in the URL ({@code https://user:secret@host}) are sent as HTTP basic authentication and never shown in
     * messages. Call this while checking the configuration, so that a typo is reported before Locust runs.
     *
     * @throws ExportException when the text is not an http or https URL with a host
     */
    public static PushgatewayExporter forUrl(String pushgatewayUrl) {
        if (pushgatewayUrl == null || pushgatewayUrl.isBlank()) {
            throw new ExportException(
                    "The Pushgateway URL is empty; set locust.pushgatewayUrl, e.g. http://localhost:9091.");
        }
        URI uri;
        try {
            uri = new URI(pushgatewayUrl.strip());
        } catch (URISyntaxException e) {
            throw new ExportException("The Pushgateway URL '" + withoutUserInfo(pushgatewayUrl) + "' is not a URL ("
                    + e.getReason() + " at index " + e.getIndex() + "). Expected e.g. http://localhost:9091.");
        }
        String schemeText = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!schemeText.equals("http") && !schemeText.equals("https") || uri.getHost() == null) {
            throw new ExportException("The Pushgateway URL '" + withoutUserInfo(pushgatewayUrl)
                    + "' needs http:// or https:// and a host, e.g. http://localhost:9091.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ExportException("The Pushgateway URL '" + withoutUserInfo(pushgatewayUrl)
                    + "' may not have a query or fragment; give the base URL, e.g. http://localhost:9091.");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        String hostPort = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
        }
        return new PushgatewayExporter(
                schemeText + "://" + hostPort + path,
                schemeText.equals("https") ? Scheme.HTTPS : Scheme.HTTP,
                hostPort + path,
                user,
                password,
                null,
                DEFAULT_TIMEOUT);
    }

    /** The same Pushgateway, with a connect and a read timeout of {@code timeout} each (default 10 seconds). */
    public PushgatewayExporter withTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new ExportException("The Pushgateway timeout must be positive, not " + timeout + ".");
        }
        return new PushgatewayExporter(displayUrl, scheme, address, user, password, bearerToken, timeout);
    }

    /** The same Pushgateway, authenticated with {@code Authorization: Bearer <token>} instead of basic auth. */
    public PushgatewayExporter withBearerToken(String token) {
        Objects.requireNonNull(token, "token");
        return new PushgatewayExporter(displayUrl, scheme, address, null, null, token, timeout);
    }

    /** The base URL without credentials, for messages. */
    public String url() {
        return displayUrl;
    }

    /**
     * Replaces the export's group on the Pushgateway with the export's metrics.
     *
     * @return empty when the Pushgateway accepted the metrics, else a warning that says where the push went and why
     *     it failed
     */
    public Optional<String> push(MetricsExport export) {
        String group = describeGroup(export);
        try {
            PushGateway.Builder builder = PushGateway.builder(isolatedProperties())
                    .scheme(scheme)
                    .address(address)
                    .job(export.job())
                    .format(Format.PROMETHEUS_TEXT)
                    .connectionTimeout(timeout)
                    .readTimeout(timeout);
            export.groupingKey().forEach(builder::groupingKey);
            if (bearerToken != null) {
                builder.bearerToken(bearerToken);
            } else if (user != null) {
                builder.basicAuth(user, password);
            }
            MetricSnapshots snapshots = export.snapshots();
            builder.build().push((MultiCollector) () -> snapshots);
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of("Could not push the Locust metrics to the Pushgateway at " + displayUrl + " (" + group
                    + "): " + rootMessage(e) + ". The verdict is not affected.");
        }
    }

    /**
     * Settings of our own, so that a {@code prometheus.properties} file or an {@code io.prometheus.*} system property
     * meant for the build's other code cannot redirect the push.
     */
    private static PrometheusProperties isolatedProperties() {
        return PrometheusProperties.builder().build();
    }

    private static String describeGroup(MetricsExport export) {
        String labels = export.groupingKey().entrySet().stream()
                .map(e -> ", " + e.getKey() + " \"" + e.getValue() + "\"")
                .collect(Collectors.joining());
        return "job \"" + export.job() + "\"" + labels;
    }

    /** The innermost message: the client wraps the socket's or the HTTP response's error in its own text. */
    private static String rootMessage(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            String message = chain.get(i).getMessage();
            if (message != null && !message.isBlank()) {
                return message;
            }
        }
        return e.getClass().getSimpleName();
    }

    /** The URL text without a {@code user:password@} part, for messages. */
    private static String withoutUserInfo(String url) {
        return USER_INFO.matcher(url).replaceFirst("//");
    }

    @Override
    public String toString() {
        return "Pushgateway " + displayUrl;
    }
}
