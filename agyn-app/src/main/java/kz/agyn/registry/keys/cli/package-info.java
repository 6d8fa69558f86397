/** {@code agyn registry-rekey}: the re-key job after a key rotation, from the command line, stopped by Ctrl-C. */
package kz.agyn.registry.keys.cli;
