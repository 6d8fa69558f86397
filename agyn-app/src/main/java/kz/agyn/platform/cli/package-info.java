/** What the command-line tools share: how progress is drawn on a terminal. */
package kz.agyn.platform.cli;
