/**
 * The demonstration data: every generator of synthetic data and every loader that fills a new installation with
 * them at start-up, one sub-package per feature they feed ({@link kz.agyn.demo.warehouse}, {@link
 * kz.agyn.demo.survey}, {@link kz.agyn.demo.registry}), each loader in that sub-package's {@code internal}.
 *
 * <p>The demonstration uses the features as a user's import would, only through their public top-level classes
 * (the warehouse's {@code ImportService}, the registry's {@code RegistryImport}, the survey's
 * {@code SyntheticSurveyService}); no feature depends on this package ({@code ArchitectureTest}), so it can be left
 * out without the observatory noticing. What the live code needs to know about the demonstration is
 * configuration: the day it describes ({@code agyn.demo.as-of}, read by the registry's cohorts and incentives) and
 * the survey whose margins a new survey takes ({@code agyn.surveys.default-margins-from}). Switched off with
 * {@code agyn.demo.enabled=false} (warehouse and registry), {@code agyn.demo.survey=false} and
 * {@code agyn.demo.registry=false}.
 */
package kz.agyn.demo;
