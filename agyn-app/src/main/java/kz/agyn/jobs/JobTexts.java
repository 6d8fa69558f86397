package kz.agyn.jobs;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A job's kind, state, phase and outcome in the reader's language: one wording for the Jobs page, the API and the
 * command line ({@code agyn jobs}), which is why it sits at the top of the feature rather than in its web package.
 */
@Component
public class JobTexts {

    private final MessageSource messages;

    public JobTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String kind(JobView job, Locale locale) {
        return messages.getMessage("jobs.kind." + job.kind(), null, job.kind().name(), locale);
    }

    public String phase(JobView job, Locale locale) {
        return job.phase() == null ? null : messages.getMessage("jobs.phase." + job.phase(), null, job.phase(), locale);
    }

    public String state(JobView job, Locale locale) {
        return messages.getMessage("jobs.state." + job.state(), null, job.state().name(), locale);
    }

    /** The outcome; an argument that is itself a message code (a feature's reason of refusal) is rendered too. */
    public String outcome(JobView job, Locale locale) {
        if (job.outcome() == null) {
            return null;
        }
        Object[] args = job.outcomeArgs().stream()
                .map(a -> a.matches("[a-z]+(\\.[A-Za-z0-9]+)+") ? messages.getMessage(a, null, a, locale) : a)
                .toArray();
        return messages.getMessage(job.outcome(), args, job.outcome(), locale);
    }
}
