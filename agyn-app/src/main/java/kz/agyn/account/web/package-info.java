/** Pages and REST endpoints of accounts: the administrator's user page, a user's own page, the users API. */
package kz.agyn.account.web;
