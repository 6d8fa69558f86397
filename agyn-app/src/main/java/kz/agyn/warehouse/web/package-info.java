/** Pages and REST endpoints of the warehouse: imports, the explorer, exports. */
package kz.agyn.warehouse.web;
