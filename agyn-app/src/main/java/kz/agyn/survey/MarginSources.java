package kz.agyn.survey;

import java.util.List;

import kz.agyn.reference.Names;

/**
 * Where a survey's weights take their population margins from, and what they could take them from instead.
 *
 * @param current    the source in use
 * @param ownMargins whether the survey has margins of its own ({@code survey_margin}), so that it can go back
 *                   to them
 * @param ownSource  where those own margins come from, in words as recorded with them; null when not said
 * @param indicator  the warehouse indicator that margins are read from ({@value PopulationMargins#INDICATOR})
 * @param choices    the warehouse datasets that hold the indicator, each with the periods it holds
 */
public record MarginSources(int surveyId, String code, Source current, boolean ownMargins, String ownSource,
                            String indicator, List<DatasetChoice> choices) {

    public MarginSources {
        choices = List.copyOf(choices);
    }

    /** What kind of source: the survey's own margins, a warehouse dataset, or none (design weights only). */
    public enum Kind { OWN, WAREHOUSE, NONE }

    /**
     * The source in use. For a warehouse source, the dataset's title, publisher, current version and synthetic
     * flag are null when the warehouse no longer has the dataset; the estimates then say so.
     */
    public record Source(Kind kind, String dataset, String period, Names title, String publisher, Integer version,
                         Boolean synthetic) {
    }

    /**
     * A warehouse dataset the survey can be weighted to.
     *
     * @param periods the periods it holds the indicator for, latest first
     */
    public record DatasetChoice(String dataset, Names title, String publisher, Integer version, boolean synthetic,
                                List<String> periods) {

        public DatasetChoice {
            periods = List.copyOf(periods);
        }
    }
}
