/**
 * {@code agyn registry-import}: checks and imports the bulk files from the command line with a progress bar, and
 * stops cleanly on Ctrl-C.
 */
package kz.agyn.registry.imports.cli;
