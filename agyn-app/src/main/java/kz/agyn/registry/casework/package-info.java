/**
 * The registry officer's casework on one award (issue 15): the six-monthly work reports of work-off with their
 * schedule and the "report due"/"report overdue" tasks it feeds to monitoring, instalment agreements with their
 * monthly schedule, payments and balance, the award's security (a pledge or guarantors), and the notices an officer
 * prints or sends. Every answer takes an {@code asOf} day; personal data only for {@link kz.agyn.registry.Access#PERSONAL},
 * every read audited.
 */
package kz.agyn.registry.casework;
