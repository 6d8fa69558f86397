/** Storage of the reference feature. */
package kz.agyn.reference.internal;
