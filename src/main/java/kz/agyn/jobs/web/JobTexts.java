package kz.agyn.jobs.web;

import java.util.Locale;

import kz.agyn.jobs.JobView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A job's kind, phase and outcome in the reader's language. */
@Component
class JobTexts {

    private final MessageSource messages;

    JobTexts(MessageSource messages) {
        this.messages = messages;
    }

    String kind(JobView job, Locale locale) {
        return messages.getMessage("jobs.kind." + job.kind(), null, job.kind().name(), locale);
    }

    String phase(JobView job, Locale locale) {
        return job.phase() == null ? null : messages.getMessage("jobs.phase." + job.phase(), null, job.phase(), locale);
    }

    /** The outcome; an argument that is itself a message code (a feature's reason of refusal) is rendered too. */
    String outcome(JobView job, Locale locale) {
        if (job.outcome() == null) {
            return null;
        }
        Object[] args = job.outcomeArgs().stream()
                .map(a -> a.matches("[a-z]+(\\.[A-Za-z0-9]+)+") ? messages.getMessage(a, null, a, locale) : a)
                .toArray();
        return messages.getMessage(job.outcome(), args, job.outcome(), locale);
    }
}
