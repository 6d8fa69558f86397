package kz.agyn.warehouse.web;

import io.swagger.v3.oas.annotations.Parameter;
import org.springdoc.core.annotations.ParameterObject;

/**
 * What an upload asks besides the file, the same whether the file comes as a form's part or as the request's body:
 * bound once for both endpoints of {@code POST /api/v1/imports}.
 */
@ParameterObject
record UploadParams(
        @Parameter(description = "Dataset code") String dataset,
        @Parameter(description = "csv, xlsx, sdmx-csv or sdmx-ml (detected if absent)") String format,
        @Parameter(description = "mapping as JSON") String mapping,
        @Parameter(description = "name of a saved mapping template") String template,
        @Parameter(description = "the sheet to read (overrides the mapping's)") String sheet) {
}
