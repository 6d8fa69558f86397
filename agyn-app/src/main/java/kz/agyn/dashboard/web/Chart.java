package kz.agyn.dashboard.web;

import java.util.List;

/** A chart: its ECharts option as JSON (drawn by static/js/charts.js), its title and the sources of its data. */
record Chart(String id, String title, String optionJson, List<String> sources, String remark) {
}
