/** The warehouse on the command line: {@code agyn import} validates a file, reports, and writes it on request. */
package kz.agyn.warehouse.cli;
