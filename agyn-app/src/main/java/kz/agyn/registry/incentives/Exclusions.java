package kz.agyn.registry.incentives;

/**
 * Why people are not eligible for an incentive on a day: of the {@code returnees} back in Kazakhstan with a job
 * recorded then (and no debt to the state), how many fail each condition of the rule: their time since return is
 * over ({@code ended}), their job is in another sector or in another region. One person may fail several, so the
 * counts need not add up; they are what an officer reads when "eligible: 0" needs explaining.
 */
public record Exclusions(int returnees, int ended, int otherSector, int otherRegion) {

    public static final Exclusions NONE = new Exclusions(0, 0, 0, 0);
}
