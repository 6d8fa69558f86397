package kz.agyn.note.writer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.agyn.platform.format.Decimals;
import kz.agyn.platform.format.Numbers;

/**
 * A note's fan chart: the observed values as a line, then the forecast's median as a dashed line inside its 80%
 * band (darker) and 95% band (lighter), joined to the last observed value. Java2D and the shipped DejaVu Sans, as
 * {@link ChartImage}, so the same forecast gives the same bytes.
 */
final class FanImage {

    static final int WIDTH = 1600;
    static final int HEIGHT = 800;

    private static final Color LINE = new Color(0x1f5f8b);
    private static final Color BAND80 = new Color(0x1f, 0x5f, 0x8b, 90);
    private static final Color BAND95 = new Color(0x1f, 0x5f, 0x8b, 40);

    private FanImage() {
    }

    /**
     * @param legend the words for: observed, median, 80% interval, 95% interval
     */
    static byte[] render(List<String> periods, double[] observed, List<String> future, double[] median,
                         double[] lo80, double[] hi80, double[] lo95, double[] hi95, String unit, String[] legend,
                         Locale locale) {
        return ChartImage.png(WIDTH, HEIGHT, g -> draw(g, periods, observed, future, median, lo80, hi80, lo95, hi95,
                unit, legend, locale));
    }

    private static void draw(Graphics2D g, List<String> periods, double[] observed, List<String> future,
                             double[] median, double[] lo80, double[] hi80, double[] lo95, double[] hi95,
                             String unit, String[] legend, Locale locale) {
        Numbers numbers = new Numbers(locale);
        g.setFont(ChartImage.BASE.deriveFont(28f));
        FontMetrics fm = g.getFontMetrics();
        double max = 0;
        double min = 0;
        for (double[] a : new double[][] {observed, hi95}) {
            for (double v : a) {
                max = Math.max(max, v);
            }
        }
        for (double v : lo95) {
            min = Math.min(min, v);
        }
        double step = ChartImage.niceStep((max - min) <= 0 ? 1 : (max - min) / 5);
        double top = Math.max(step, Math.ceil(max / step) * step);
        double bottomValue = Math.floor(min / step) * step;
        int left = 40 + fm.stringWidth(numbers.number(top, Decimals.upTo(2)));
        int right = WIDTH - 40;
        int plotTop = 70;
        int bottom = HEIGHT - 150;
        List<String> categories = new ArrayList<>(periods);
        categories.addAll(future);
        int n = categories.size();
        double slot = (double) (right - left) / n;
        java.util.function.IntToDoubleFunction x = i -> left + slot * (i + 0.5);
        java.util.function.DoubleUnaryOperator y = v -> bottom - (bottom - plotTop) * (v - bottomValue)
                / (top - bottomValue);
        g.setColor(new Color(0x444444));
        g.drawString(unit, 20, 40);
        g.setStroke(new BasicStroke(2f));
        for (double v = bottomValue; v <= top + step / 2; v += step) {
            double py = y.applyAsDouble(v);
            g.setColor(new Color(0xdddddd));
            g.draw(new Line2D.Double(left, py, right, py));
            g.setColor(new Color(0x444444));
            String t = numbers.number(v, Decimals.upTo(2));
            g.drawString(t, left - 12 - fm.stringWidth(t), (float) (py + fm.getAscent() / 2.0 - 2));
        }
        g.draw(new Line2D.Double(left, bottom, right, bottom));
        // Every year labelled when they fit, else every second or fifth.
        int every = n <= 16 ? 1 : n <= 32 ? 2 : 5;
        for (int i = 0; i < n; i++) {
            if ((n - 1 - i) % every != 0) {
                continue;
            }
            String t = categories.get(i);
            g.drawString(t, (float) (x.applyAsDouble(i) - fm.stringWidth(t) / 2.0), bottom + fm.getAscent() + 10);
        }
        int last = periods.size() - 1;
        // The bands start at the last observed value, so the fan opens from the line.
        band(g, x, y, last, observed[last], lo95, hi95, BAND95);
        band(g, x, y, last, observed[last], lo80, hi80, BAND80);
        g.setColor(LINE);
        g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < observed.length; i++) {
            double px = x.applyAsDouble(i);
            double py = y.applyAsDouble(observed[i]);
            if (i > 0) {
                g.draw(new Line2D.Double(x.applyAsDouble(i - 1), y.applyAsDouble(observed[i - 1]), px, py));
            }
            g.fill(new Ellipse2D.Double(px - 7, py - 7, 14, 14));
        }
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {16f, 10f},
                0f));
        double px = x.applyAsDouble(last);
        double py = y.applyAsDouble(observed[last]);
        for (int k = 0; k < median.length; k++) {
            double qx = x.applyAsDouble(last + 1 + k);
            double qy = y.applyAsDouble(median[k]);
            g.draw(new Line2D.Double(px, py, qx, qy));
            px = qx;
            py = qy;
        }
        // The legend under the axis.
        int ly = HEIGHT - 40;
        double lx = left;
        Color[] swatches = {LINE, LINE, BAND80, BAND95};
        for (int i = 0; i < 4; i++) {
            g.setColor(swatches[i]);
            if (i < 2) {
                g.setStroke(i == 0 ? new BasicStroke(5f) : new BasicStroke(4f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_ROUND, 10f, new float[] {12f, 8f}, 0f));
                g.draw(new Line2D.Double(lx, ly - 10, lx + 44, ly - 10));
            } else {
                g.fill(new Rectangle2D.Double(lx, ly - 24, 44, 28));
            }
            g.setColor(new Color(0x222222));
            g.drawString(legend[i], (float) (lx + 56), ly);
            lx += 56 + fm.stringWidth(legend[i]) + 50;
        }
    }

    private static void band(Graphics2D g, java.util.function.IntToDoubleFunction x,
                             java.util.function.DoubleUnaryOperator y, int last, double from, double[] lo,
                             double[] hi, Color colour) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x.applyAsDouble(last), y.applyAsDouble(from));
        for (int k = 0; k < hi.length; k++) {
            p.lineTo(x.applyAsDouble(last + 1 + k), y.applyAsDouble(hi[k]));
        }
        for (int k = lo.length - 1; k >= 0; k--) {
            p.lineTo(x.applyAsDouble(last + 1 + k), y.applyAsDouble(lo[k]));
        }
        p.closePath();
        g.setColor(colour);
        g.fill(p);
    }
}
