package dev.roster.console;

import dev.roster.activity.ActivityLog.Hour;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The tenant page's chart of requests and failures per hour (issue 16, item 5), as inline SVG drawn on the server: no
 * chart library and no script, presentation attributes only (the Content-Security-Policy allows no inline style). Each
 * hour is a bar of its requests with its failures drawn over it in red; the chart has a title and a text summary for
 * screen readers, and each bar a tooltip.
 */
final class HourlyChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 160;
    private static final int AXIS = 20;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private HourlyChart() {
    }

    static String svg(List<Hour> hours) {
        long max = Math.max(1, hours.stream().mapToLong(Hour::requests).max().orElse(0));
        long requests = hours.stream().mapToLong(Hour::requests).sum();
        long failures = hours.stream().mapToLong(Hour::failures).sum();
        double slot = (double) WIDTH / Math.max(1, hours.size());
        double plot = HEIGHT - AXIS;
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title\"")
                .append(" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"100%\"")
                .append(" class=\"chart\"><title id=\"chart-title\">Requests per hour over the last ")
                .append(hours.size()).append(" hours: ").append(requests).append(" requests, ").append(failures)
                .append(" failed</title>")
                .append("<line x1=\"0\" y1=\"").append(plot).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
                .append(plot).append("\" stroke=\"#57606a\" stroke-width=\"1\"/>");
        for (int i = 0; i < hours.size(); i++) {
            Hour hour = hours.get(i);
            double x = i * slot + 1;
            double width = Math.max(1, slot - 2);
            double height = plot * hour.requests() / max;
            double failed = plot * hour.failures() / max;
            svg.append("<g><title>").append(HOUR.format(hour.start())).append(" UTC: ").append(hour.requests())
                    .append(" requests, ").append(hour.failures()).append(" failed</title>")
                    .append(rect(x, plot - height, width, height, "#0b5cad"))
                    .append(rect(x, plot - failed, width, failed, "#b42318")).append("</g>");
            if (i % 6 == 0) {
                svg.append("<text x=\"").append(format(x)).append("\" y=\"").append(HEIGHT - 4)
                        .append("\" font-size=\"11\" fill=\"#57606a\">").append(HOUR.format(hour.start()))
                        .append(" UTC</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String rect(double x, double y, double width, double height, String fill) {
        return height <= 0 ? "" : "<rect x=\"" + format(x) + "\" y=\"" + format(y) + "\" width=\"" + format(width)
                + "\" height=\"" + format(height) + "\" fill=\"" + fill + "\"/>";
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
