package kz.agyn.note.writer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.agyn.platform.format.Decimals;
import kz.agyn.platform.format.Numbers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A note's map: the 20 first-level units of Kazakhstan (the map the pages draw, {@code static/geo}, KATO codes in
 * their post-2022 boundaries) shaded by a value in five classes, each named in the note's language, with a legend
 * of the classes and of "no data". Drawn with Java2D and the shipped DejaVu Sans, like the other charts, so that
 * the same data give the same bytes.
 */
final class MapImage {

    static final int WIDTH = 1600;
    static final int HEIGHT = 1050;

    /** Five blues from light to dark (ColorBrewer "Blues"), and grey where there is no value to shade. */
    private static final Color[] CLASSES = {new Color(0xdeebf7), new Color(0x9ecae1), new Color(0x6baed6),
        new Color(0x3182bd), new Color(0x08519c)};
    private static final Color NO_DATA = new Color(0xd9d9d9);
    /** The cosine of 48° N, Kazakhstan's middle latitude: a degree of longitude is that much shorter there. */
    private static final double ASPECT = Math.cos(Math.toRadians(48));
    /** A region drawn smaller than this (the three cities) is labelled beside a dot, not inside. */
    private static final double SMALL = 2500;

    private static final Map<String, List<double[][]>> SHAPES = load();

    private MapImage() {
    }

    /** The regions' KATO codes as the map has them. */
    static List<String> regions() {
        return List.copyOf(SHAPES.keySet());
    }

    /**
     * A region's name without "oblysy", "oblast", "region": the map is of regions. A city keeps its word, or
     * Almaty city and Almaty Region would read the same.
     */
    static String shortName(String name) {
        return name.replaceAll("(?iu)\\s*(облысы|область|region)\\s*", " ").trim();
    }

    /**
     * @param values the value of each region (KATO code) that has one; regions without are grey
     * @param labels each region's name, in the note's language
     */
    static byte[] render(Map<String, BigDecimal> values, Map<String, String> labels, String unit, String noData,
                         Locale locale) {
        return ChartImage.png(WIDTH, HEIGHT, g -> draw(g, values, labels, unit, noData, locale));
    }

    private static void draw(Graphics2D g, Map<String, BigDecimal> values, Map<String, String> labels, String unit,
                             String noData, Locale locale) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (List<double[][]> rings : SHAPES.values()) {
            for (double[][] ring : rings) {
                for (double[] p : ring) {
                    minX = Math.min(minX, p[0] * ASPECT);
                    maxX = Math.max(maxX, p[0] * ASPECT);
                    minY = Math.min(minY, p[1]);
                    maxY = Math.max(maxY, p[1]);
                }
            }
        }
        int legendHeight = 130;
        double scale = Math.min((WIDTH - 60) / (maxX - minX), (HEIGHT - legendHeight - 60) / (maxY - minY));
        double left = (WIDTH - (maxX - minX) * scale) / 2;
        double top = 30;
        double x0 = minX;
        double y1 = maxY;
        java.util.function.BiFunction<Double, Double, double[]> at = (lon, lat) -> new double[] {
            left + (lon * ASPECT - x0) * scale, top + (y1 - lat) * scale};
        double[] breaks = breaks(new ArrayList<>(values.values()));
        Font font = ChartImage.BASE.deriveFont(26f);
        g.setFont(font);
        // The regions, then their borders, then the labels above everything.
        Map<String, double[]> labelAt = new LinkedHashMap<>();
        Map<String, Boolean> small = new LinkedHashMap<>();
        for (Map.Entry<String, List<double[][]>> e : SHAPES.entrySet()) {
            Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            double biggest = -1;
            double[] centre = null;
            for (double[][] ring : e.getValue()) {
                double[][] pts = new double[ring.length][];
                for (int i = 0; i < ring.length; i++) {
                    pts[i] = at.apply(ring[i][0], ring[i][1]);
                    if (i == 0) {
                        path.moveTo(pts[i][0], pts[i][1]);
                    } else {
                        path.lineTo(pts[i][0], pts[i][1]);
                    }
                }
                path.closePath();
                double[] c = centroid(pts);
                if (c[2] > biggest) {
                    biggest = c[2];
                    centre = c;
                }
            }
            BigDecimal v = values.get(e.getKey());
            g.setColor(v == null ? NO_DATA : CLASSES[classOf(v.doubleValue(), breaks)]);
            g.fill(path);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(2.5f));
            g.draw(path);
            labelAt.put(e.getKey(), centre);
            small.put(e.getKey(), biggest < SMALL);
        }
        FontMetrics fm = g.getFontMetrics();
        for (Map.Entry<String, double[]> e : labelAt.entrySet()) {
            String label = labels.getOrDefault(e.getKey(), e.getKey());
            double[] c = e.getValue();
            if (small.get(e.getKey())) {
                g.setColor(new Color(0x222222));
                g.fill(new Ellipse2D.Double(c[0] - 6, c[1] - 6, 12, 12));
                halo(g, label, (float) (c[0] + 12), (float) (c[1] + fm.getAscent() / 2.0 - 4));
            } else {
                // Centred on the region, but kept inside the picture (East Kazakhstan reaches its right edge).
                double x = Math.min(WIDTH - 10 - fm.stringWidth(label), Math.max(10, c[0] - fm.stringWidth(label) / 2.0));
                halo(g, label, (float) x, (float) (c[1] + fm.getAscent() / 2.0));
            }
        }
        // The legend: the unit, each class's range, and "no data".
        Numbers numbers = new Numbers(locale);
        Decimals d = Decimals.upTo(breaks[breaks.length - 1] < 10 ? 2 : 0);
        int y = HEIGHT - legendHeight + 30;
        g.setColor(new Color(0x444444));
        g.drawString(unit, 30, y);
        y += 50;
        double x = 30;
        List<String> texts = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        int classes = values.isEmpty() ? 0 : breaks.length - 1;
        for (int i = 0; i < classes; i++) {
            texts.add(numbers.number(breaks[i], d) + Numbers.DASH + numbers.number(breaks[i + 1], d));
            colours.add(CLASSES[i]);
        }
        texts.add(noData);
        colours.add(NO_DATA);
        for (int i = 0; i < texts.size(); i++) {
            g.setColor(colours.get(i));
            g.fill(new Rectangle2D.Double(x, y - 24, 40, 28));
            g.setColor(new Color(0x888888));
            g.setStroke(new BasicStroke(1f));
            g.draw(new Rectangle2D.Double(x, y - 24, 40, 28));
            g.setColor(new Color(0x222222));
            g.drawString(texts.get(i), (float) (x + 50), y);
            x += 50 + fm.stringWidth(texts.get(i)) + 40;
        }
    }

    /** A label in dark letters on a white outline, readable on the darkest blue and the lightest. */
    private static void halo(Graphics2D g, String text, float x, float y) {
        java.awt.font.TextLayout layout = new java.awt.font.TextLayout(text, g.getFont(), g.getFontRenderContext());
        java.awt.Shape outline = layout.getOutline(java.awt.geom.AffineTransform.getTranslateInstance(x, y));
        g.setColor(new Color(255, 255, 255, 220));
        g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
        g.setColor(new Color(0x111111));
        g.fill(outline);
    }

    /**
     * Five classes of equal count (quintiles) of the values, bounds rounded to two significant digits so that the
     * legend reads "1 000–1 400", not "1 003,4–1 397,2"; fewer when the values are fewer or repeat.
     */
    static double[] breaks(List<BigDecimal> values) {
        List<Double> v = new ArrayList<>(values.stream().map(BigDecimal::doubleValue).toList());
        if (v.isEmpty()) {
            return new double[] {0, 0};
        }
        Collections.sort(v);
        List<Double> out = new ArrayList<>();
        out.add(round(v.get(0), -1));
        for (int k = 1; k < CLASSES.length; k++) {
            double b = round(v.get((int) Math.round(k * (v.size() - 1) / (double) CLASSES.length)), 0);
            if (b > out.get(out.size() - 1)) {
                out.add(b);
            }
        }
        double top = round(v.get(v.size() - 1), 1);
        if (top <= out.get(out.size() - 1)) {
            if (out.size() == 1) {
                out.add(top + 1);
            } else {
                out.set(out.size() - 1, Math.max(top, out.get(out.size() - 1)));
            }
        } else {
            out.add(top);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Rounded to two significant digits: down ({@code way} -1), up (1) or to the nearest (0). */
    private static double round(double value, int way) {
        if (value == 0) {
            return 0;
        }
        double power = Math.pow(10, Math.floor(Math.log10(Math.abs(value))) - 1);
        double scaled = value / power;
        double r = way > 0 ? Math.ceil(scaled - 1e-9) : way == 0 ? Math.round(scaled) : Math.floor(scaled + 1e-9);
        return r * power;
    }

    static int classOf(double value, double[] breaks) {
        for (int i = 1; i < breaks.length - 1; i++) {
            if (value < breaks[i]) {
                return i - 1;
            }
        }
        return Math.max(0, breaks.length - 2);
    }

    /** A ring's centroid and area, {x, y, area}, by the shoelace formula. */
    private static double[] centroid(double[][] pts) {
        double a = 0;
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < pts.length; i++) {
            double[] p = pts[i];
            double[] q = pts[(i + 1) % pts.length];
            double cross = p[0] * q[1] - q[0] * p[1];
            a += cross;
            cx += (p[0] + q[0]) * cross;
            cy += (p[1] + q[1]) * cross;
        }
        if (Math.abs(a) < 1e-9) {
            return new double[] {pts[0][0], pts[0][1], 0};
        }
        return new double[] {cx / (3 * a), cy / (3 * a), Math.abs(a / 2)};
    }

    /** Each region's outer rings (holes are left out: the regions have none that matter at this size). */
    private static Map<String, List<double[][]>> load() {
        try (InputStream in = MapImage.class.getResourceAsStream("/static/geo/kz-regions-2024.geojson")) {
            if (in == null) {
                throw new IllegalStateException("static/geo/kz-regions-2024.geojson is missing from the build");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, List<double[][]>> out = new LinkedHashMap<>();
            for (JsonNode f : root.path("features")) {
                String kato = f.path("properties").path("KATO").asString();
                JsonNode geometry = f.path("geometry");
                List<JsonNode> polygons = new ArrayList<>();
                if (geometry.path("type").asString().equals("MultiPolygon")) {
                    geometry.path("coordinates").forEach(polygons::add);
                } else {
                    polygons.add(geometry.path("coordinates"));
                }
                List<double[][]> rings = new ArrayList<>();
                for (JsonNode polygon : polygons) {
                    JsonNode outer = polygon.get(0);
                    double[][] ring = new double[outer.size()][];
                    for (int i = 0; i < outer.size(); i++) {
                        ring[i] = new double[] {outer.get(i).get(0).asDouble(), outer.get(i).get(1).asDouble()};
                    }
                    rings.add(ring);
                }
                out.put(kato, rings);
            }
            return Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
