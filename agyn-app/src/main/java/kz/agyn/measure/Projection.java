package kz.agyn.measure;

import java.util.List;
import java.util.Optional;

/**
 * Where a KPI is heading, year by year to the deadline, with a prediction interval.
 *
 * @param method what projected it, a message key's last part ({@code trend}, later {@code forecast})
 * @param level  the interval's nominal coverage, e.g. 0.8
 * @param points the projected years, in order
 */
public record Projection(String method, double level, List<Point> points) {

    public Projection {
        points = List.copyOf(points);
    }

    /**
     * A projected year.
     *
     * @param lower the interval's lower bound, or null when the method gives none
     * @param upper the upper bound, or null
     */
    public record Point(int year, double value, Double lower, Double upper) {

        public boolean hasInterval() {
            return lower != null && upper != null;
        }
    }

    /** The projection of a year, if it reaches that far. */
    public Optional<Point> at(int year) {
        return points.stream().filter(p -> p.year() == year).findFirst();
    }
}
