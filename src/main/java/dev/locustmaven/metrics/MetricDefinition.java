package dev.locustmaven.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A metric the user defines in the pom ({@code <metrics><metric>…</metric></metrics>}): a name, which requests it is
 * about, and a statistic of them, mapped onto this record by the Maven layer; {@link #validate()} reports every problem
 * at once, before any work is done.
 *
 * <ul>
 *   <li>{@code name}: the metric's key in every service it is computed for; letters, digits, {@code _ . -}, and not
 *       the name of a {@linkplain DefaultMetrics default metric}.
 *   <li>{@code service}: the one service it is computed for; absent or {@code *}: every service.
 *   <li>{@code requests}: a regular expression that must match the whole request name; absent: every request.
 *   <li>{@code method}: a regular expression that must match the whole request type ({@code GET}, or a custom type
 *       such as {@code SANDBOX}); absent: every type.
 *   <li>{@code failures}: a regular expression <em>found</em> anywhere in the failure message (the message as the
 *       user wrote it, without Locust's {@code CatchResponseError('…')} wrapping). With it, the statistic is over the
 *       matching failures of the selected requests: {@code count}, {@code rate_pct} or {@code none}. Without it, the
 *       statistic is over the selected requests: {@code count}, {@code failures}, {@code error_rate_pct}, {@code rps},
 *       {@code avg}, {@code min}, {@code max}, {@code p50} … {@code p999}.
 * </ul>
 *
 * <p>How several selected endpoints combine: counts and rps add up, {@code avg} is weighted by request count, {@code
 * min}/{@code max} are the extremes. Percentiles are never averaged. When the selection is every request of the
 * service, Locust's Aggregated row is used, which is exact. Otherwise a percentile over several endpoints is computed
 * from their merged response-time histograms (Locust's JSON or the plugin's helper output); when the results hold only
 * Locust's per-endpoint percentile columns (CSV), an exact value cannot be derived, so the metric is reported as
 * unavailable with that reason rather than approximated. A percentile over exactly one endpoint with requests is that
 * endpoint's own value.
 */
public record MetricDefinition(
        String name, String service, String requests, String method, String failures, String statistic) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    /**
     * Blank names, services and statistics mean "not set" and are trimmed; the regular expressions are kept as
     * written (whitespace may be part of a pattern), only an empty one means "not set".
     */
    public MetricDefinition {
        name = trimToNull(name);
        service = trimToNull(service);
        requests = emptyToNull(requests);
        method = emptyToNull(method);
        failures = emptyToNull(failures);
        statistic = trimToNull(statistic);
    }

    /** True when the metric is computed for every service of the run. */
    public boolean appliesToEveryService() {
        return service == null || service.equals("*");
    }

    /** True when the metric selects every request of a service (no {@code requests} and no {@code method}). */
    boolean selectsEveryRequest() {
        return requests == null && method == null;
    }

    /** Every problem of this definition, each a sentence naming the offending text; empty when it is valid. */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (name == null) {
            problems.add("name is missing");
        } else if (!NAME.matcher(name).matches()) {
            problems.add("name '" + name + "' may only contain letters, digits, '_', '.' and '-'");
        } else if (DefaultMetrics.NAMES.contains(name)) {
            problems.add("name '" + name + "' is a default metric; choose another name");
        }
        checkRegex(problems, "requests", requests);
        checkRegex(problems, "method", method);
        checkRegex(problems, "failures", failures);
        if (statistic == null) {
            problems.add("statistic is missing; expected one of "
                    + String.join(", ", failures == null ? RequestStatistic.texts() : FailureStatistic.texts()));
        } else if (failures != null && FailureStatistic.parse(statistic).isEmpty()) {
            problems.add("statistic '" + statistic + "' does not apply to <failures>; expected one of "
                    + String.join(", ", FailureStatistic.texts()));
        } else if (failures == null && RequestStatistic.parse(statistic).isEmpty()) {
            problems.add(
                    FailureStatistic.parse(statistic).isPresent()
                            ? "statistic '" + statistic + "' needs a <failures> pattern"
                            : "statistic '" + statistic + "' is unknown; expected one of "
                                    + String.join(", ", RequestStatistic.texts()) + " (or, with <failures>, "
                                    + String.join(", ", FailureStatistic.texts()) + ")");
        }
        return problems;
    }

    Optional<Pattern> requestsPattern() {
        return Optional.ofNullable(requests).map(Pattern::compile);
    }

    Optional<Pattern> methodPattern() {
        return Optional.ofNullable(method).map(Pattern::compile);
    }

    Optional<Pattern> failuresPattern() {
        return Optional.ofNullable(failures).map(Pattern::compile);
    }

    /** For example {@code query_p95_ms (service rag_service, requests 'query', statistic p95)}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name == null ? "(no name)" : name).append(" (service ");
        text.append(appliesToEveryService() ? "*" : service);
        if (requests != null) {
            text.append(", requests '").append(requests).append('\'');
        }
        if (method != null) {
            text.append(", method '").append(method).append('\'');
        }
        if (failures != null) {
            text.append(", failures '").append(failures).append('\'');
        }
        return text.append(", statistic ").append(statistic).append(')').toString();
    }

    private static void checkRegex(List<String> problems, String field, String regex) {
        if (regex == null) {
            return;
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            problems.add(field + " '" + regex + "' is not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
    }

    private static String trimToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
