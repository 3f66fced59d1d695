package dev.locustmaven.locust.output;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.LocustPercentiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Reads the final statistics Locust prints with {@code --json} (2.14.1+) or writes with {@code --json-file}
 * (2.37.10+): a list of entries with counts, exact response-time totals and extremes, and the response-time
 * histogram, but no averages, percentiles, rates or Aggregated entry. Those are derived here the way Locust derives
 * them, so that they match Locust's own report.
 *
 * <p>Captured stdout may hold the locustfile's own {@code print()} output around the JSON, so the reader takes the
 * last list that starts at the beginning of a line and holds only objects.
 */
public final class StatsJsonReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double QUARTER_HOUR = 900;

    public LocustStats read(Path file) {
        return read(file, null);
    }

    /**
     * Reads the file, taking the test's start from Locust's log where it has one: the JSON has none, and its earliest
     * entry starts some 20-800 ms after the test began, which would bias the rates high.
     *
     * @param logStart the test start as Locust's log gives it (the clock of the machine that ran Locust), or
     *     {@code null}
     */
    public LocustStats read(Path file, LocalDateTime logStart) {
        String content = readText(file);
        if (content.isBlank()) {
            throw new LocustOutputException(
                    file,
                    "the file is empty. Locust writes its JSON when the run ends, so this run died or was killed"
                            + " before that (Locust 2.37.0 also wrote --json-file empty; use 2.37.10 or newer)");
        }
        List<RawEntry> entries = lastEntryList(file, content);
        return derive(file, entries, logStart);
    }

    private static String readText(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocustOutputException(file, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** One entry as Locust serialised it, and the line its object starts on. */
    private record RawEntry(long line, JsonNode node) {}

    private static List<RawEntry> lastEntryList(Path file, String content) {
        List<ListStart> starts = listStarts(content);
        LocustOutputException lastFailure = null;
        for (int i = starts.size() - 1; i >= 0; i--) {
            ListStart start = starts.get(i);
            try {
                List<RawEntry> entries = entryList(content.substring(start.offset()), start.line());
                if (entries != null) {
                    return entries;
                }
            } catch (JsonProcessingException e) {
                // The last candidate is the one the user most likely meant; keep its problem.
                if (lastFailure == null) {
                    boolean truncated = endsAtEndOfInput(e, content.length() - start.offset());
                    lastFailure = unreadable(file, start.line(), e, truncated);
                }
            } catch (IOException e) {
                throw new LocustOutputException(file, 0, "cannot be read: " + e.getMessage(), e);
            }
        }
        if (lastFailure != null) {
            throw lastFailure;
        }
        throw new LocustOutputException(
                file,
                "no JSON list of Locust stats entries found; expected the output of Locust's --json or --json-file");
    }

    /** Jackson reports input that ends inside a value in several ways; where it stopped tells them all apart. */
    private static boolean endsAtEndOfInput(JsonProcessingException e, int length) {
        return e instanceof JsonEOFException
                || (e.getLocation() != null && e.getLocation().getCharOffset() >= length);
    }

    private static LocustOutputException unreadable(
            Path file, long firstLine, JsonProcessingException e, boolean truncated) {
        if (truncated) {
            return new LocustOutputException(
                    file,
                    firstLine,
                    "truncated JSON: the list that starts on this line ends before it is closed (did the run die"
                            + " while writing it, or was the file copied too early?)",
                    e);
        }
        if (e.getLocation() == null) {
            return new LocustOutputException(file, firstLine, "malformed JSON: " + e.getOriginalMessage(), e);
        }
        return new LocustOutputException(
                file,
                firstLine + e.getLocation().getLineNr() - 1,
                "malformed JSON at column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(),
                e);
    }

    /** Where a line's first non-blank character is '[', i.e. where a top-level JSON list can start. */
    private record ListStart(int offset, long line) {}

    private static List<ListStart> listStarts(String content) {
        List<ListStart> starts = new ArrayList<>();
        long line = 1;
        boolean lineStart = true;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = true;
            } else if (lineStart && c == '[') {
                starts.add(new ListStart(i, line));
                lineStart = false;
            } else if (lineStart && !Character.isWhitespace(c)) {
                lineStart = false;
            }
        }
        return starts;
    }

    /** The list's objects, or {@code null} when the list holds something else (then it is not Locust's). */
    private static List<RawEntry> entryList(String text, long firstLine) throws IOException {
        try (JsonParser parser = MAPPER.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            List<RawEntry> entries = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new JsonEOFException(parser, null, "end of input inside the list");
                }
                if (token != JsonToken.START_OBJECT) {
                    return null;
                }
                long line = firstLine + parser.currentLocation().getLineNr() - 1;
                entries.add(new RawEntry(line, parser.readValueAsTree()));
            }
            return entries;
        }
    }

    private static LocustStats derive(Path file, List<RawEntry> raw, LocalDateTime logStart) {
        List<Entry> entries = new ArrayList<>();
        for (RawEntry entry : raw) {
            entries.add(Entry.of(file, entry));
        }
        Double firstStart = entries.stream()
                .map(Entry::startTime)
                .filter(t -> t != null)
                .min(Double::compare)
                .orElse(null);
        Double lastRequest = entries.stream()
                .map(Entry::lastRequest)
                .filter(t -> t != null)
                .max(Double::compare)
                .orElse(null);
        // Locust divides by its global span (test start to last request); without the log's test start the earliest
        // entry start stands in for it, which the JSON lacks.
        Double testStart = firstStart == null ? null : testStart(firstStart, logStart);
        Double span =
                testStart == null || lastRequest == null || lastRequest <= testStart ? null : lastRequest - testStart;
        List<EndpointStats> endpoints =
                entries.stream().map(e -> e.toStats(span)).toList();
        Entry aggregated = Entry.merge(entries);
        Instant first = firstStart == null ? null : Instant.ofEpochMilli(Math.round(firstStart * 1000));
        return new LocustStats(file, endpoints, aggregated.toStats(span), first, span);
    }

    /**
     * The log's test start as epoch seconds. The log names no time zone: the zone offset is the whole quarter hour
     * nearest to the distance between the log's start and the first entry's start, and what is left must be a plausible
     * delay before the first request (under a minute); otherwise the first entry's start stands.
     */
    private static double testStart(double firstStart, LocalDateTime logStart) {
        if (logStart == null) {
            return firstStart;
        }
        double logSeconds = logStart.toEpochSecond(ZoneOffset.UTC) + logStart.getNano() / 1e9;
        double distance = firstStart - logSeconds;
        double offset = Math.round(distance / QUARTER_HOUR) * QUARTER_HOUR;
        double delay = distance - offset;
        return delay >= 0 && delay < 60 ? firstStart - delay : firstStart;
    }

    /** The fields of one entry that statistics are derived from. */
    private record Entry(
            String method,
            String name,
            long requests,
            long noneRequests,
            long failures,
            double totalResponseTime,
            Double min,
            Double max,
            double totalContentLength,
            NavigableMap<Double, Long> histogram,
            Double startTime,
            Double lastRequest) {

        static Entry of(Path file, RawEntry raw) {
            Fields fields = new Fields(file, raw);
            return new Entry(
                    fields.text("method", ""),
                    fields.text("name", null),
                    fields.count("num_requests", true),
                    fields.count("num_none_requests", false),
                    fields.count("num_failures", true),
                    orZero(fields.number("total_response_time")),
                    fields.number("min_response_time"),
                    fields.number("max_response_time"),
                    orZero(fields.number("total_content_length")),
                    fields.histogram("response_times"),
                    fields.number("start_time"),
                    fields.number("last_request_timestamp"));
        }

        static Entry merge(List<Entry> entries) {
            NavigableMap<Double, Long> histogram = new TreeMap<>();
            entries.forEach(e -> e.histogram.forEach((bucket, count) -> histogram.merge(bucket, count, Long::sum)));
            return new Entry(
                    "",
                    EndpointStats.AGGREGATED,
                    entries.stream().mapToLong(Entry::requests).sum(),
                    entries.stream().mapToLong(Entry::noneRequests).sum(),
                    entries.stream().mapToLong(Entry::failures).sum(),
                    entries.stream().mapToDouble(Entry::totalResponseTime).sum(),
                    entries.stream()
                            .map(Entry::min)
                            .filter(m -> m != null)
                            .min(Double::compare)
                            .orElse(null),
                    entries.stream()
                            .map(Entry::max)
                            .filter(m -> m != null)
                            .max(Double::compare)
                            .orElse(null),
                    entries.stream().mapToDouble(Entry::totalContentLength).sum(),
                    histogram,
                    null,
                    null);
        }

        EndpointStats toStats(Double span) {
            long timed = requests - noneRequests;
            Double minMs = timed > 0 ? min : null;
            Double maxMs = timed > 0 ? max : null;
            return new EndpointStats(
                    method,
                    name,
                    requests,
                    failures,
                    timed > 0 ? totalResponseTime / timed : null,
                    minMs,
                    maxMs,
                    LocustPercentiles.median(histogram, timed, minMs, maxMs),
                    requests > 0 ? totalContentLength / requests : null,
                    span == null ? null : requests / span,
                    span == null ? null : failures / span,
                    LocustPercentiles.reported(histogram, timed),
                    histogram);
        }

        private static double orZero(Double value) {
            return value == null ? 0 : value;
        }
    }

    /** Typed access to an entry's fields, with errors that name the file, the entry's line and the field. */
    private static final class Fields {
        private final Path file;
        private final RawEntry raw;

        Fields(Path file, RawEntry raw) {
            this.file = file;
            this.raw = raw;
        }

        private LocustOutputException problem(String field, String problem) {
            return new LocustOutputException(file, raw.line(), "entry field '" + field + "' " + problem);
        }

        String text(String field, String fallback) {
            JsonNode node = raw.node().get(field);
            if (node == null || node.isNull()) {
                if (fallback == null) {
                    throw problem(field, "is missing");
                }
                return fallback;
            }
            if (!node.isTextual()) {
                throw problem(field, "is " + node + ", expected a string");
            }
            return node.textValue();
        }

        Double number(String field) {
            JsonNode node = raw.node().get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isNumber()) {
                throw problem(field, "is " + node + ", expected a number");
            }
            return node.doubleValue();
        }

        long count(String field, boolean required) {
            JsonNode node = raw.node().get(field);
            if (node == null || node.isNull()) {
                if (required) {
                    throw problem(field, "is missing");
                }
                return 0;
            }
            if (!node.isIntegralNumber() && !(node.isNumber() && node.doubleValue() == Math.rint(node.doubleValue()))) {
                throw problem(field, "is " + node + ", expected a whole number");
            }
            return node.longValue();
        }

        NavigableMap<Double, Long> histogram(String field) {
            JsonNode node = raw.node().get(field);
            if (node == null || node.isNull()) {
                return new TreeMap<>();
            }
            if (!node.isObject()) {
                throw problem(field, "is " + node + ", expected an object of response-time buckets");
            }
            NavigableMap<Double, Long> histogram = new TreeMap<>();
            for (Map.Entry<String, JsonNode> bucket : node.properties()) {
                double key;
                try {
                    key = Double.parseDouble(bucket.getKey());
                } catch (NumberFormatException e) {
                    throw problem(field, "has the key '" + bucket.getKey() + "', expected a response time in ms");
                }
                if (!bucket.getValue().isIntegralNumber()) {
                    throw problem(
                            field, "has " + bucket.getValue() + " for '" + bucket.getKey() + "', expected a count");
                }
                histogram.merge(key, bucket.getValue().longValue(), Long::sum);
            }
            return histogram;
        }
    }
}
