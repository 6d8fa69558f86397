/** The three languages of the interface: Kazakh (default), Russian and English. */
package kz.agyn.platform.i18n;
