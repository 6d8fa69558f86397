/** {@code agyn refresh DATASET}: fetch a dataset's source and import it, with the import command's progress. */
package kz.agyn.warehouse.refresh.cli;
