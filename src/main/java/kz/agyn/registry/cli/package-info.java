/**
 * The scholar registry on the command line: {@code agyn registry-import} checks and imports the bulk files with a
 * progress bar, and stops cleanly on Ctrl-C.
 */
package kz.agyn.registry.cli;
