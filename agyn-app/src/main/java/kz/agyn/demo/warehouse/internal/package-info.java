/**
 * Loads the demonstration datasets shipped in {@code resources/demo} into the indicator warehouse at start-up,
 * through the warehouse's import as a user's file would go.
 */
package kz.agyn.demo.warehouse.internal;
