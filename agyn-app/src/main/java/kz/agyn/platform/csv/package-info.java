/** Writing CSV that is safe to open in a spreadsheet: the one cell encoder every CSV export uses. */
package kz.agyn.platform.csv;
