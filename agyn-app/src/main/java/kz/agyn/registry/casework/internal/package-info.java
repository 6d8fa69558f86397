/** Storage of the casework: reports received, agreements and payments, security and guarantors. */
package kz.agyn.registry.casework.internal;
