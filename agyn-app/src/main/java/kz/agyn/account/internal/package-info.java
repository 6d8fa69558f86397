/** Storage of users and tokens, and the Spring Security adapter. */
package kz.agyn.account.internal;
