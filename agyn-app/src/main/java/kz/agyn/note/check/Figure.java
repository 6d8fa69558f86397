package kz.agyn.note.check;

import java.math.BigDecimal;
import java.util.List;

/**
 * One figure of a text. {@code value} is in full units (150 bn KZT is 150000000000, 25% is 25); {@code high} the
 * upper end of a range ("2–3%"), else null; {@code approx} marks "about", "up to", "1,000+". {@code start} and
 * {@code end} are offsets in the line {@link Place#line()}. A TARGET is what the text proposes, not what it
 * states, so it needs no source and contradicts nothing. A PROJECTION is a figure of a table of scenarios or
 * forecasts: what a model gives for a year to come or a policy not taken, not a fact about the world, so it is set
 * against neither the warehouse nor the text's facts (a scenario's emigrants are not the year's); it still needs
 * its source. {@code sources} are the citations ("2", "3") that back it.
 */
public record Figure(FigureKind kind, BigDecimal value, BigDecimal high, boolean approx, String currency,
                     String text, int start, int end, Place place, Subject subject, Role role,
                     List<String> sources) {

    public enum Role { FACT, TARGET, PROJECTION }

    public boolean isRange() {
        return high != null;
    }
}
