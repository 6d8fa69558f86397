package kz.agyn.tabular;

import java.util.Locale;

/** The kinds of file the readers understand. */
public enum Format {
    CSV, XLSX, SDMX_CSV, SDMX_ML;

    /**
     * Guesses the format from the first bytes of a file; the name is only consulted when there are no bytes.
     * Old binary .xls files count as XLSX so that the workbook reader can say what to do with them.
     */
    public static Format sniff(byte[] head, String fileName) {
        byte[] h = head == null ? new byte[0] : head;
        if (h.length >= 4 && h[0] == 'P' && h[1] == 'K' && (h[2] == 3 || h[2] == 5) && (h[3] == 4 || h[3] == 6)) {
            return XLSX;
        }
        if (h.length >= 4 && (h[0] & 0xFF) == 0xD0 && (h[1] & 0xFF) == 0xCF && (h[2] & 0xFF) == 0x11
                && (h[3] & 0xFF) == 0xE0) {
            return XLSX;
        }
        int i = h.length >= 3 && (h[0] & 0xFF) == 0xEF && (h[1] & 0xFF) == 0xBB && (h[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < h.length && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n')) {
            i++;
        }
        if (i >= h.length) {
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            return name.endsWith(".xlsx") ? XLSX : name.endsWith(".xml") ? SDMX_ML : CSV;
        }
        if (h[i] == '<') {
            return SDMX_ML;
        }
        if (h[i] == '"') {
            i++;
        }
        StringBuilder token = new StringBuilder();
        for (; i < h.length && token.length() < 10; i++) {
            char c = (char) (h[i] & 0xFF);
            if (!Character.isLetter(c) || c > 127) {
                break;
            }
            token.append(c);
        }
        String t = token.toString().toUpperCase(Locale.ROOT);
        return t.equals("DATAFLOW") || t.equals("STRUCTURE") ? SDMX_CSV : CSV;
    }
}
