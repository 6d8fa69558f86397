/** Storage, mapping and validation of the warehouse: SQL, COPY loading, and the row-by-row checks of imports. */
package kz.agyn.warehouse.internal;
