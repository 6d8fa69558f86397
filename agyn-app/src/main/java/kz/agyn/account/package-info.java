/**
 * Who may use the observatory: users, their roles (ADMIN, ANALYST, REGISTRY_OFFICER, VIEWER), passwords,
 * language preference and personal API tokens for scripts; the first administrator is created on first start.
 */
package kz.agyn.account;
