/** Incentive rules ({@code reg_incentive}) and the facts eligibility is computed from. */
package kz.agyn.registry.incentives.internal;
