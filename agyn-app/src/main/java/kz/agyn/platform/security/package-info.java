/**
 * Who may reach what: form login for people, HTTP Basic and API tokens for scripts, roles on every door. The
 * features say who may reach their own routes ({@link kz.agyn.platform.security.AccessRule}); the platform names
 * none of them.
 */
package kz.agyn.platform.security;
