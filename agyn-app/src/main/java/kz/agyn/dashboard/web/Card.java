package kz.agyn.dashboard.web;

import java.util.List;

/**
 * A headline card: a title, one or more values each with the figure it comes from, and a remark. Several
 * values on one card are figures that answer the same question from different sources or places.
 */
record Card(String id, String title, List<CardValue> values, String remark, boolean contradicted) {

    record CardValue(String caption, String value, String figureCode, String source) {
    }
}
