/**
 * The IIN check offered to forms and scripts: is a number a well-formed Kazakhstan individual identification
 * number, and which birth date and sex does it encode. The IIN travels only in request bodies, never in URLs,
 * which end up in access logs.
 */
package kz.agyn.iin;
