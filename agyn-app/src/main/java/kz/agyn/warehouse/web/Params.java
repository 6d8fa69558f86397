package kz.agyn.warehouse.web;

/** Request parameters as the warehouse's pages and endpoints read them. */
final class Params {

    private Params() {
    }

    /** A parameter's trimmed value, or null when it is absent or blank. */
    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
