package kz.agyn.note.writer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import kz.agyn.platform.format.Decimals;
import kz.agyn.platform.format.Numbers;

/**
 * A note's chart drawn as a PNG, the same picture in the DOCX, the PDF and the HTML preview (decision 0051: a note
 * is written once into one document model and only laid out by the renderers). Drawn with Java2D and the shipped
 * DejaVu Sans, so that Kazakh letters in labels render and the bytes are the same at every writing — an issued note
 * written again must give the same file. ECharts draws the pages' charts in the browser; a document needs a picture.
 */
final class ChartImage {

    /** Twice the printed size (16 × 8 cm at 150 dpi), so that it stays sharp on paper and zoomed. */
    static final int WIDTH = 1600;
    static final int HEIGHT = 800;

    private static final Color[] PALETTE = {new Color(0x1f5f8b), new Color(0xc2410c), new Color(0x15803d),
        new Color(0x7c3aed), new Color(0xb45309), new Color(0x0e7490), new Color(0xbe185d), new Color(0x4d7c0f)};
    static final Font BASE = font();

    private ChartImage() {
    }

    /** One line or set of bars: its name and a value per category (null where there is none or it is withheld). */
    record Series(String name, List<BigDecimal> values) {
        Series {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    static byte[] render(NoteTemplate.ChartKind kind, List<String> categories, List<Series> series, String unit,
                         Locale locale) {
        return png(WIDTH, HEIGHT, g -> draw(g, kind, categories, series, unit, locale));
    }

    /** A white picture of the size, drawn by {@code draw} with antialiasing, as PNG bytes. */
    static byte[] png(int width, int height, java.util.function.Consumer<Graphics2D> draw) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            draw.accept(g);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(Graphics2D g, NoteTemplate.ChartKind kind, List<String> categories, List<Series> series,
                             String unit, Locale locale) {
        Numbers numbers = new Numbers(locale);
        Font label = BASE.deriveFont(30f);
        g.setFont(label);
        FontMetrics fm = g.getFontMetrics();
        double max = 0;
        for (Series s : series) {
            for (BigDecimal v : s.values()) {
                if (v != null) {
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        double step = niceStep(max <= 0 ? 1 : max / 5);
        double top = Math.max(step, Math.ceil(max / step) * step);
        int legendRows = (series.size() + 2) / 3;
        int left = 40 + fm.stringWidth(numbers.number(top, Decimals.upTo(2)));
        int right = WIDTH - 40;
        int plotTop = 70;
        int bottom = HEIGHT - 90 - legendRows * 40;
        // The unit above the axis, the gridlines and their values.
        g.setColor(new Color(0x444444));
        g.drawString(unit, 20, 40);
        g.setStroke(new BasicStroke(2f));
        for (double y = 0; y <= top + step / 2; y += step) {
            int py = (int) Math.round(bottom - (bottom - plotTop) * y / top);
            g.setColor(new Color(0xdddddd));
            g.draw(new Line2D.Double(left, py, right, py));
            g.setColor(new Color(0x444444));
            String t = numbers.number(y, Decimals.upTo(2));
            g.drawString(t, left - 12 - fm.stringWidth(t), py + fm.getAscent() / 2 - 2);
        }
        g.setColor(new Color(0x444444));
        g.draw(new Line2D.Double(left, bottom, right, bottom));
        int n = Math.max(1, categories.size());
        double slot = (double) (right - left) / n;
        for (int c = 0; c < categories.size(); c++) {
            String t = categories.get(c);
            double cx = left + slot * (c + 0.5);
            g.drawString(t, (float) (cx - fm.stringWidth(t) / 2.0), bottom + fm.getAscent() + 10);
        }
        for (int s = 0; s < series.size(); s++) {
            Color color = PALETTE[s % PALETTE.length];
            List<BigDecimal> values = series.get(s).values();
            if (kind == NoteTemplate.ChartKind.BAR) {
                double group = slot * 0.8;
                double bar = group / Math.max(1, series.size());
                for (int c = 0; c < values.size() && c < n; c++) {
                    BigDecimal v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    double h = (bottom - plotTop) * v.doubleValue() / top;
                    double x = left + slot * c + (slot - group) / 2 + bar * s;
                    g.setColor(color);
                    g.fill(new Rectangle2D.Double(x + 2, bottom - h, bar - 4, h));
                }
            } else {
                g.setColor(color);
                g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                Double px = null;
                Double py = null;
                for (int c = 0; c < values.size() && c < n; c++) {
                    BigDecimal v = values.get(c);
                    if (v == null) {
                        px = null; // a gap where the value is missing or withheld, not a line across it
                        continue;
                    }
                    double x = left + slot * (c + 0.5);
                    double y = bottom - (bottom - plotTop) * v.doubleValue() / top;
                    if (px != null) {
                        g.draw(new Line2D.Double(px, py, x, y));
                    }
                    g.fill(new java.awt.geom.Ellipse2D.Double(x - 8, y - 8, 16, 16));
                    px = x;
                    py = y;
                }
            }
        }
        // The legend under the axis, three to a row.
        int legendTop = bottom + fm.getHeight() + 50;
        double column = (right - left) / 3.0;
        for (int s = 0; s < series.size(); s++) {
            double x = left + column * (s % 3);
            int y = legendTop + (s / 3) * 40;
            g.setColor(PALETTE[s % PALETTE.length]);
            g.fill(new Rectangle2D.Double(x, y - 18, 28, 20));
            g.setColor(new Color(0x222222));
            g.drawString(series.get(s).name(), (float) (x + 38), y);
        }
    }

    /** 1, 2 or 5 times a power of ten: gridlines a reader can count in. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    }

    private static Font font() {
        try (InputStream in = ChartImage.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            if (in == null) {
                throw new IllegalStateException("fonts/DejaVuSans.ttf is missing from the build");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("the shipped DejaVu Sans cannot be read", e);
        }
    }
}
