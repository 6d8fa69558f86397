/** Storage of the datasets' sources and of their last refresh. */
package kz.agyn.warehouse.refresh.internal;
