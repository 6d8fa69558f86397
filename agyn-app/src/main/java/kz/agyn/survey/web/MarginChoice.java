package kz.agyn.survey.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** A new margin source for a survey, as the API receives it. */
@Schema(description = "A warehouse dataset and period, or `dataset` null for the survey's own margins")
public record MarginChoice(
        @Schema(description = "warehouse dataset code, e.g. synthetic-population; null for the survey's own margins",
                nullable = true) String dataset,
        @Schema(description = "period the dataset holds the margin indicator for, e.g. 2024; ignored when "
                + "dataset is null", nullable = true) String period) {
}
