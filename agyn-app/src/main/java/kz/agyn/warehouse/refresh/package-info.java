/**
 * Refreshing a dataset from its source: where its data are published (an SDMX 2.1 REST web service of an agency,
 * or the World Bank's Indicators API), fetching the agency's message, and importing it as a new version through
 * the warehouse's import, with the same validation, progress, cancel and report as an uploaded file. The agencies
 * and how their addresses are built come from nbbrd's sdmx-dl; the fetch is Agyn's own, so that the message reaches
 * the import byte for byte and an agency's error is quoted (docs/decisions/0019-refresh-connectors-and-sdmx-dl.md).
 */
package kz.agyn.warehouse.refresh;
