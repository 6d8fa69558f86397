/** Pages and REST endpoints of the reference data. */
package kz.agyn.reference.web;
