/** Who may reach what: form login for people, HTTP Basic and API tokens for scripts, roles on every door. */
package kz.agyn.platform.security;
