package kz.agyn.note.writer;

/**
 * What a note's fan chart reads of the forecasts (kz.agyn.forecast provides it): a yearly series forecast with its
 * 80% and 95% intervals. Declared here and implemented there, as the forecasts depend on the measures, which depend
 * on the note's published figures.
 */
public interface SeriesForecasts {

    /** The forecast: the method its backtest chose (Method's name) and, year by year, the median and bounds. */
    record Fan(String method, double[] median, double[] lo80, double[] hi80, double[] lo95, double[] hi95) {
    }

    /**
     * @throws kz.agyn.kernel.UserException saying why the series cannot be forecast (too short, …)
     */
    Fan forecast(double[] yearly, int horizon);
}
