package kz.agyn.platform.cli;

import java.io.PrintWriter;

/**
 * One line of progress on standard error, redrawn in place: "label [#####     ] 40%  detail". Standard output
 * is left to the report, so that it can be redirected to a file while the bar stays on the terminal.
 */
public final class ProgressLine {

    private static final int WIDTH = 25;

    private final PrintWriter err;
    private String last = "";

    public ProgressLine(PrintWriter err) {
        this.err = err;
    }

    /** Draws the line, unless it would look the same; {@code percent} -1 when unknown draws no bar. */
    public void show(String label, int percent, String detail) {
        String bar = "";
        if (percent >= 0) {
            int filled = Math.min(WIDTH, percent * WIDTH / 100);
            bar = " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "%";
        }
        String line = label + bar + (detail == null || detail.isEmpty() ? "" : "  " + detail);
        if (line.equals(last)) {
            return;
        }
        // Pad over what a longer previous line left behind.
        String pad = " ".repeat(Math.max(0, last.length() - line.length()));
        err.print("\r" + line + pad);
        err.flush();
        last = line;
    }

    /** Ends the line, so that what follows starts on a fresh one. */
    public void end() {
        if (!last.isEmpty()) {
            err.println();
            err.flush();
            last = "";
        }
    }
}
