/**
 * The few spreadsheet conventions every export shares (POI): a bold header row, label–value pairs and blank cells
 * that read as blank rather than zero, so that every feature's XLSX looks and reads the same.
 */
package kz.agyn.platform.xlsx;
