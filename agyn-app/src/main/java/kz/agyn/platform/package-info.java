/**
 * The plumbing every feature stands on: the database (embedded PostgreSQL by default, any PostgreSQL 15+
 * when configured), security, languages, the page layout and error pages, the writing of numbers in the
 * reader's language and the charts' options. No domain logic lives here.
 */
package kz.agyn.platform;
