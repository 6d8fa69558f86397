/** The IIN check as a page and as a REST endpoint. */
package kz.agyn.iin.web;
