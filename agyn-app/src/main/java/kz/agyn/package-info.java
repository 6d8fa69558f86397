/**
 * Agyn, the observatory of intellectual migration from Kazakhstan. Each subpackage is one feature that owns
 * its web, service and data code; {@code kernel} holds the value types they share and {@code platform} the
 * plumbing (database, security, languages, errors) they stand on.
 */
package kz.agyn;
