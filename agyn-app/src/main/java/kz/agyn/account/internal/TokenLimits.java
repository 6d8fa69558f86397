package kz.agyn.account.internal;

import kz.agyn.platform.startup.StartupProblem;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long personal API tokens last: {@code defaultDays} unless their owner chooses, at most {@code maxDays}.
 */
@ConfigurationProperties("agyn.security.tokens")
public record TokenLimits(int defaultDays, int maxDays) {

    public TokenLimits {
        defaultDays = defaultDays <= 0 ? 90 : defaultDays;
        maxDays = maxDays <= 0 ? 365 : maxDays;
        if (defaultDays > maxDays) {
            throw new StartupProblem("agyn.security.tokens.default-days (" + defaultDays
                    + ") is more than agyn.security.tokens.max-days (" + maxDays + ").",
                    "Set default-days to at most max-days.");
        }
    }
}
