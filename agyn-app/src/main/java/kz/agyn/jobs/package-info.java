/**
 * Jobs: the one record of every long piece of work (a warehouse import's check and write, a refresh from a source,
 * a registry import or re-key, and from now on simulations, forecasts, note generation and estimation).
 *
 * <p>A feature opens a {@link kz.agyn.jobs.Jobs.Handle} when its work starts (or hands the work to
 * {@link kz.agyn.jobs.Jobs#submit}), moves its counters as it goes, and closes it with an outcome. The job's row in
 * PostgreSQL says what runs, who started it, with which parameters, how far it got and how it ended, so that the
 * administrators' Jobs page, {@code /api/v1/jobs} and the command line show every job alike, a cancel reaches the
 * work wherever it runs, and a job whose process died (kill -9, a crash) is marked failed with that reason at the
 * next start instead of "running" for ever. Why a table of our own rather than a scheduling library:
 * docs/decisions/0020-jobs-in-a-table-of-our-own.md.
 */
package kz.agyn.jobs;
