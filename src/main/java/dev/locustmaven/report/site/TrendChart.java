package dev.locustmaven.report.site;

import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

/**
 * One key metric of one service over the history, as a static SVG drawn by JFreeChart into JFreeSVG: the values, the
 * baseline as a line, the warning and fail levels as dashed lines, every change point as a vertical line, and failed
 * (and warned) runs as marked points.
 *
 * <p>Each change point is an SVG group {@code <g id="change-point-N" class="change-point">} with a {@code <title>}
 * that names the run, the commit and the shift, and each failed run a group of class {@code failed-run}, so that a
 * browser shows the details on hover and a test or a tool can find them.
 */
final class TrendChart {

    static final int WIDTH = 860;
    static final int HEIGHT = 320;

    private static final Color VALUES = new Color(0x1f, 0x77, 0xb4);
    private static final Color BASELINE = new Color(0x2c, 0xa0, 0x2c);
    private static final Color WARNING = new Color(0xff, 0x7f, 0x0e);
    private static final Color FAIL = new Color(0xd6, 0x27, 0x28);
    private static final Color CHANGE = new Color(0x94, 0x67, 0xbd);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 200);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Stroke DASHED =
            new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    private static final Stroke SOLID = new BasicStroke(1.5f);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static final int VALUE_SERIES = 0;
    private static final int FAILED_SERIES = 1;
    private static final int WARNED_SERIES = 2;

    private TrendChart() {}

    /** The SVG document of the series; the series has at least one point. */
    static String svg(String service, SeriesTrend series, ReportText text) {
        String metric = series.key().metric();
        JFreeChart chart = chart(service, series, text);
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        // Two decimals of a pixel are plenty and keep a chart small; a fixed prefix keeps the output reproducible.
        g2.setGeomDoubleConverter(TrendChart::twoDecimals);
        g2.setTransformDoubleConverter(TrendChart::twoDecimals);
        g2.setDefsKeyPrefix("locust-");
        g2.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, text.get("chart.alt", service, metric));
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + g2.getSVGElement(null, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null) + "\n";
    }

    private static String twoDecimals(double value) {
        return MetricFormat.number(Math.round(value * 100) / 100.0);
    }

    private static JFreeChart chart(String service, SeriesTrend series, ReportText text) {
        String metric = series.key().metric();
        XYSeries values = new XYSeries(metric, false, true);
        XYSeries failed = new XYSeries(text.get("chart.failedRuns"), false, true);
        XYSeries warned = new XYSeries(text.get("chart.warnedRuns"), false, true);
        for (RunPoint point : series.points()) {
            double x = point.run().time().toEpochMilli();
            values.add(x, point.value());
            if (point.run().verdict() == Status.FAIL) {
                failed.add(x, point.value());
            } else if (point.run().verdict() == Status.WARN) {
                warned.add(x, point.value());
            }
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(values);
        dataset.addSeries(failed);
        dataset.addSeries(warned);

        Instant first = series.points().get(0).run().time();
        Instant last = series.points().get(series.points().size() - 1).run().time();
        TimeTicks ticks = TimeTicks.over(first, last);
        DateAxis time = new DateAxis(text.get("chart.timeAxis") + ticks.labelSuffix());
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        SimpleDateFormat format = new SimpleDateFormat(ticks.pattern(), Locale.ROOT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setDateFormatOverride(format);
        time.setLabelFont(TEXT);
        time.setTickLabelFont(TEXT);
        NumberAxis value = new NumberAxis(unitLabel(metric));
        value.setLabelFont(TEXT);
        value.setTickLabelFont(TEXT);
        value.setAutoRangeIncludesZero(false);
        setRange(value, series);
        padTime(time, series);

        MarkingRenderer renderer = new MarkingRenderer(series, text, service);
        XYPlot plot = new XYPlot(dataset, time, value, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem(metric, null, null, null, new Line2D.Double(-7, 0, 7, 0), SOLID, VALUES));
        addLevel(plot, legend, series.baseline(), text.get("chart.baseline"), metric, BASELINE, SOLID);
        addLevel(plot, legend, series.warningLevel(), text.get("chart.warning"), metric, WARNING, DASHED);
        addLevel(plot, legend, series.failLevel(), text.get("chart.fail"), metric, FAIL, DASHED);
        for (DetectedChange change : series.changes()) {
            ChangeMarker marker = new ChangeMarker(change);
            marker.setPaint(CHANGE);
            marker.setStroke(new BasicStroke(2f));
            marker.setLabel(
                    change.changePct() == null
                            ? text.get("chart.changePointShort")
                            : MetricFormat.signedPercent(change.changePct()));
            marker.setLabelFont(TEXT);
            marker.setLabelPaint(CHANGE);
            marker.setLabelBackgroundColor(LABEL_BACKGROUND);
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(marker);
        }
        if (!series.changes().isEmpty()) {
            legend.add(new LegendItem(
                    text.get("chart.changePoint"),
                    null,
                    null,
                    null,
                    new Line2D.Double(0, -6, 0, 6),
                    new BasicStroke(2f),
                    CHANGE));
        }
        if (failed.getItemCount() > 0) {
            legend.add(shapeItem(text.get("chart.failedRuns"), cross(), FAIL));
        }
        if (warned.getItemCount() > 0) {
            legend.add(shapeItem(text.get("chart.warnedRuns"), triangle(), WARNING));
        }
        plot.setFixedLegendItems(legend);

        JFreeChart chart = new JFreeChart(plot);
        chart.setBackgroundPaint(Color.WHITE);
        // Room on the right for the last date label.
        chart.setPadding(new RectangleInsets(4, 4, 4, 28));
        chart.setTitle(new TextTitle(text.get("chart.title", service, metric), TITLE));
        chart.getLegend().setItemFont(TEXT);
        chart.getLegend().setFrame(BlockBorder.NONE);
        return chart;
    }

    private static void addLevel(
            XYPlot plot,
            LegendItemCollection legend,
            Double level,
            String name,
            String metric,
            Color color,
            Stroke stroke) {
        if (level == null) {
            return;
        }
        String label = name + " " + MetricFormat.withUnit(metric, MetricValue.of(level));
        ValueMarker marker = new ValueMarker(level, color, stroke);
        marker.setLabel(label);
        marker.setLabelFont(TEXT);
        marker.setLabelPaint(color);
        marker.setLabelBackgroundColor(LABEL_BACKGROUND);
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(marker);
        legend.add(new LegendItem(label, null, null, null, new Line2D.Double(-7, 0, 7, 0), stroke, color));
    }

    private static LegendItem shapeItem(String label, Shape shape, Color color) {
        return new LegendItem(label, null, null, null, shape, color, new BasicStroke(1f), color);
    }

    /** The value axis covers the values and every level line, so that a line far from the values stays visible. */
    private static void setRange(NumberAxis axis, SeriesTrend series) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (RunPoint point : series.points()) {
            min = Math.min(min, point.value());
            max = Math.max(max, point.value());
        }
        for (Double level : new Double[] {series.baseline(), series.warningLevel(), series.failLevel()}) {
            if (level != null) {
                min = Math.min(min, level);
                max = Math.max(max, level);
            }
        }
        double span = max - min;
        double pad = span > 0 ? span * 0.08 : Math.max(Math.abs(max) * 0.1, 1);
        double lower = min - pad;
        if (min >= 0 && lower < 0) {
            lower = 0;
        }
        axis.setRange(lower, max + pad);
    }

    /**
     * How the time axis labels its ticks: the date for runs over several days; for runs within one day the time of day,
     * with the date once in the axis label, so that every tick does not repeat the same date.
     *
     * @param pattern the ticks' {@link SimpleDateFormat} pattern
     * @param labelSuffix appended to the axis label, e.g. {@code , 2026-12-06}
     */
    record TimeTicks(String pattern, String labelSuffix) {

        static TimeTicks over(Instant first, Instant last) {
            LocalDate firstDay = first.atZone(ZoneOffset.UTC).toLocalDate();
            LocalDate lastDay = last.atZone(ZoneOffset.UTC).toLocalDate();
            if (firstDay.equals(lastDay)) {
                return new TimeTicks("HH:mm", ", " + firstDay);
            }
            if (Duration.between(first, last).compareTo(Duration.ofDays(3)) < 0) {
                return new TimeTicks("MM-dd HH:mm", "");
            }
            return new TimeTicks("yyyy-MM-dd", "");
        }
    }

    /** A single run gets a day either side, so that the time axis has a width. */
    private static void padTime(DateAxis axis, SeriesTrend series) {
        long first = series.points().get(0).run().time().toEpochMilli();
        long last = series.points().get(series.points().size() - 1).run().time().toEpochMilli();
        long span = last - first;
        long pad = span > 0 ? span / 40 : 86_400_000L;
        axis.setRange(first - pad, last + pad);
    }

    private static String unitLabel(String metric) {
        String unit = MetricFormat.unit(metric).trim();
        return unit.isEmpty() ? metric : metric + " (" + unit + ")";
    }

    private static Shape cross() {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(-5, -5);
        path.lineTo(5, 5);
        path.moveTo(-5, 5);
        path.lineTo(5, -5);
        return new BasicStroke(2.5f).createStrokedShape(path);
    }

    private static Shape triangle() {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(0, -5);
        path.lineTo(5, 4);
        path.lineTo(-5, 4);
        path.closePath();
        return path;
    }

    /** A vertical line at the first run of a new level. */
    private static final class ChangeMarker extends ValueMarker {
        private static final long serialVersionUID = 1L;
        private final transient DetectedChange change;

        ChangeMarker(DetectedChange change) {
            super(change.first().time().toEpochMilli());
            this.change = change;
        }
    }

    /**
     * Draws the series and wraps each change point and each failed run in an SVG group with an id, a class and a
     * title, through JFreeSVG's group and title hints (other Graphics2D targets ignore them).
     */
    private static final class MarkingRenderer extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;
        private final transient SeriesTrend series;
        private final transient ReportText text;
        private final String service;
        private final transient List<RunPoint> failedPoints;
        private int changeNumber;

        MarkingRenderer(SeriesTrend series, ReportText text, String service) {
            super(true, true);
            this.series = series;
            this.text = text;
            this.service = service;
            this.failedPoints = series.points().stream()
                    .filter(p -> p.run().verdict() == Status.FAIL)
                    .toList();
            setSeriesPaint(VALUE_SERIES, VALUES);
            setSeriesStroke(VALUE_SERIES, SOLID);
            setSeriesShape(VALUE_SERIES, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            setSeriesLinesVisible(FAILED_SERIES, false);
            setSeriesPaint(FAILED_SERIES, FAIL);
            setSeriesShape(FAILED_SERIES, cross());
            setSeriesLinesVisible(WARNED_SERIES, false);
            setSeriesPaint(WARNED_SERIES, WARNING);
            setSeriesShape(WARNED_SERIES, triangle());
            setDrawSeriesLineAsPath(true);
        }

        @Override
        public void drawDomainMarker(
                Graphics2D g2, XYPlot plot, ValueAxis domainAxis, Marker marker, Rectangle2D dataArea) {
            if (!(marker instanceof ChangeMarker changeMarker)) {
                super.drawDomainMarker(g2, plot, domainAxis, marker, dataArea);
                return;
            }
            DetectedChange change = changeMarker.change;
            changeNumber++;
            Map<String, String> group = new LinkedHashMap<>();
            group.put("id", "change-point-" + changeNumber);
            group.put("class", "change-point");
            group.put("data-run", change.first().runId());
            if (change.first().commit() != null) {
                group.put("data-commit", change.first().commit());
            }
            g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, group);
            g2.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, describe(change));
            super.drawDomainMarker(g2, plot, domainAxis, marker, dataArea);
            g2.setRenderingHint(SVGHints.KEY_END_GROUP, "");
        }

        private String describe(DetectedChange change) {
            String metric = series.key().metric();
            RunRef run = change.first();
            return text.get(
                    "chart.changePointTitle",
                    service,
                    metric,
                    MetricFormat.withUnit(metric, MetricValue.of(change.before())),
                    MetricFormat.withUnit(metric, MetricValue.of(change.after())),
                    change.changePct() == null ? "" : " (" + MetricFormat.signedPercent(change.changePct()) + ")",
                    run.runId(),
                    run.commit() == null ? "-" : run.commit(),
                    DAY.format(run.time()));
        }

        @Override
        public void drawItem(
                Graphics2D g2,
                XYItemRendererState state,
                Rectangle2D dataArea,
                PlotRenderingInfo info,
                XYPlot plot,
                ValueAxis domainAxis,
                ValueAxis rangeAxis,
                XYDataset dataset,
                int seriesIndex,
                int item,
                CrosshairState crosshairState,
                int pass) {
            boolean markFailed = seriesIndex == FAILED_SERIES && isItemPass(pass);
            if (markFailed) {
                RunPoint point = failedPoints.get(item);
                Map<String, String> group = new LinkedHashMap<>();
                group.put("class", "failed-run");
                group.put("data-run", point.run().runId());
                g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, group);
                g2.setRenderingHint(
                        SVGHints.KEY_ELEMENT_TITLE,
                        text.get(
                                "chart.failedRunTitle",
                                point.run().runId(),
                                point.run().commit() == null ? "-" : point.run().commit(),
                                DAY.format(point.run().time()),
                                MetricFormat.withUnit(series.key().metric(), MetricValue.of(point.value()))));
            }
            super.drawItem(
                    g2,
                    state,
                    dataArea,
                    info,
                    plot,
                    domainAxis,
                    rangeAxis,
                    dataset,
                    seriesIndex,
                    item,
                    crosshairState,
                    pass);
            if (markFailed) {
                g2.setRenderingHint(SVGHints.KEY_END_GROUP, "");
            }
        }
    }
}
