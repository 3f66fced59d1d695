package dev.locustmaven.locust.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One of Locust's CSV files, parsed as RFC 4180 (Python's {@code csv} module: {@code ""} escapes, line breaks inside
 * quoted cells), with its cells addressed by header name because Locust's columns may change.
 */
final class CsvTable {

    /** What to do with a last row that the file ends in the middle of. */
    enum Tail {
        /** An error: Locust rewrites the file in one go, so a cut row means the file is broken. */
        REJECT,
        /** Drop it: Locust's history file is flushed in 8 KB blocks and was not closed at exit before 2.46.3. */
        DROP_CUT_ROW
    }

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private final Path file;
    private final List<String> header;
    private final Map<String, Integer> columns;
    private final List<Row> rows;

    /** One data row and the line of the file it starts on. */
    record Row(long line, List<String> cells) {}

    private CsvTable(Path file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = List.copyOf(header);
        this.columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i), i);
        }
        this.rows = List.copyOf(rows);
    }

    static CsvTable read(Path file, Tail tail) {
        String content = readText(file);
        if (content.isBlank()) {
            throw new LocustOutputException(
                    file,
                    "the file is empty. Locust creates its CSV files when a run starts and writes the first rows a"
                            + " moment later, so this run died early; see Locust's log for why");
        }
        LineIndex lines = new LineIndex(content);
        int end = endOfLastCompleteRecord(content);
        boolean cut = !content.substring(end).isBlank();
        if (cut && tail == Tail.REJECT) {
            throw new LocustOutputException(
                    file,
                    lines.lineOf(end),
                    "the last row is cut off (no line end, or a quoted cell that never closes), so the file is"
                            + " truncated");
        }
        List<CSVRecord> records = parse(file, content.substring(0, end));
        if (records.isEmpty()) {
            throw new LocustOutputException(file, 1, "the header row is cut off, so the file is truncated");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        List<Row> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            long line = lines.lineOf(record.getCharacterPosition());
            if (record.size() != header.size()) {
                throw new LocustOutputException(
                        file,
                        line,
                        "malformed CSV: the row has " + record.size() + " cells but the header has " + header.size());
            }
            rows.add(new Row(line, record.toList()));
        }
        return new CsvTable(file, header, rows);
    }

    private static String readText(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new LocustOutputException(file, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<CSVRecord> parse(Path file, String content) {
        try (CSVParser parser = CSVParser.parse(content, FORMAT)) {
            try {
                return parser.getRecords();
            } catch (UncheckedIOException e) {
                throw malformed(file, parser, e.getCause());
            }
        } catch (IOException e) {
            throw new LocustOutputException(file, 0, "malformed CSV: " + e.getMessage(), e);
        }
    }

    private static LocustOutputException malformed(Path file, CSVParser parser, IOException cause) {
        return new LocustOutputException(
                file, Math.max(1, parser.getCurrentLineNumber()), "malformed CSV: " + cause.getMessage(), cause);
    }

    /** The index just past the last line break that ends a record, i.e. one outside a quoted cell. */
    private static int endOfLastCompleteRecord(String content) {
        boolean quoted = false;
        int end = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                end = i + 1;
            }
        }
        return end;
    }

    Path file() {
        return file;
    }

    List<String> header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    void requireColumns(String... required) {
        List<String> missing =
                Arrays.stream(required).filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new LocustOutputException(
                    file,
                    1,
                    "missing required column" + (missing.size() > 1 ? "s " : " ") + quoted(missing)
                            + "; the header has " + quoted(header));
        }
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }

    /** The cell of a column, or {@code null} when the file has no such column. */
    String text(Row row, String column) {
        Integer index = columns.get(column);
        return index == null ? null : row.cells().get(index);
    }

    /** A whole number that must be there, such as {@code Request Count}; {@code 12.0} is accepted as 12. */
    long count(Row row, String column) {
        String cell = text(row, column);
        if (cell == null || cell.isBlank()) {
            throw new LocustOutputException(file, row.line(), "column '" + column + "' is empty, expected a count");
        }
        try {
            return new BigDecimal(cell.strip()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new LocustOutputException(
                    file, row.line(), "column '" + column + "' holds '" + cell + "', expected a whole number");
        }
    }

    /**
     * A number that Locust writes as an int or a float ({@code 2}, {@code 200.0}, {@code 1.0456}); {@code null} when
     * the column is absent, the cell is empty or {@code N/A}.
     */
    Double number(Row row, String column) {
        String cell = text(row, column);
        if (cell == null || cell.isBlank() || cell.strip().equals("N/A")) {
            return null;
        }
        return parseNumber(row, column, cell);
    }

    private Double parseNumber(Row row, String column, String cell) {
        try {
            double value = Double.parseDouble(cell.strip());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException(cell);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new LocustOutputException(
                    file, row.line(), "column '" + column + "' holds '" + cell + "', expected a number or N/A");
        }
    }

    /** Maps character offsets to 1-based line numbers. */
    private static final class LineIndex {
        private final int[] lineStarts;

        LineIndex(String content) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < content.length(); i++) {
                if (content.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        long lineOf(long offset) {
            int index = Arrays.binarySearch(lineStarts, (int) offset);
            return index >= 0 ? index + 1 : -index - 1;
        }
    }
}
