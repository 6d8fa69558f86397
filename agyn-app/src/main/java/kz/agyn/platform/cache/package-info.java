/**
 * Figures computed once per generation of the data they read (issue 22, decision 0042). Every table a page reads
 * belongs to a domain (warehouse, reference, note, registry, survey); a statement-level trigger records each
 * committed writing transaction of a domain, whichever process wrote it, so the domain's generation grows exactly
 * when the change becomes visible. A page's figures are kept in memory under the generations of the domains they
 * read and computed again on the first request after a change: nothing served is older than the last committed
 * import or edit, and the check costs one small query. {@link kz.agyn.platform.cache.RenderedFragments} renders a
 * page's part to HTML once so that a page can keep the text the same way (decision 0049).
 */
package kz.agyn.platform.cache;
