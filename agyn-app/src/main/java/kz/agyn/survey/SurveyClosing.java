package kz.agyn.survey;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.kernel.UserException;
import kz.agyn.survey.internal.SurveyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taking a survey back, by an administrator (issue 16): closing it to further answers (reversible), or deleting
 * one that has no responses. A survey with responses is never deleted: its answers are data someone gave, and
 * closing it is the way to stop it. Every act is audited.
 */
@Service
public class SurveyClosing {

    private final SurveyService surveys;
    private final SurveyRepository repository;
    private final AuditLog audit;

    public SurveyClosing(SurveyService surveys, SurveyRepository repository, AuditLog audit) {
        this.surveys = surveys;
        this.repository = repository;
        this.audit = audit;
    }

    /** Closes a survey: no new links, the public form and response files refused; results stay readable. */
    @Transactional
    public Survey close(int surveyId, String reason, String by) {
        String why = kz.agyn.kernel.StatedReason.required(reason);
        Survey s = surveys.survey(surveyId);
        if (!repository.close(surveyId, by, why)) {
            throw new SurveyException(UserException.Kind.CONFLICT, "survey.close.already", s.code());
        }
        audit.record(AuditAction.SURVEY_CLOSED, "survey", (long) surveyId, 1, s.code() + " closed. Reason: " + why);
        return surveys.survey(surveyId);
    }

    /** Opens a closed survey to answers again. */
    @Transactional
    public Survey reopen(int surveyId) {
        Survey s = surveys.survey(surveyId);
        if (!repository.close(surveyId, null, null)) {
            throw new SurveyException(UserException.Kind.CONFLICT, "survey.close.notClosed", s.code());
        }
        audit.record(AuditAction.SURVEY_REOPENED, "survey", (long) surveyId, 1, s.code() + " reopened");
        return surveys.survey(surveyId);
    }

    /** Deletes a survey without responses, with its links, response files and margins; refused with responses. */
    @Transactional
    public void delete(int surveyId, String reason) {
        String why = kz.agyn.kernel.StatedReason.required(reason);
        Survey s = surveys.survey(surveyId);
        if (!repository.deleteWithoutResponses(surveyId)) {
            throw new SurveyException(UserException.Kind.CONFLICT, "survey.delete.hasResponses", s.code(),
                    surveys.survey(surveyId).respondents());
        }
        audit.record(AuditAction.SURVEY_DELETED, "survey", (long) surveyId, 1, s.code() + " (" + s.wave()
                + ") deleted, without responses. Reason: " + why);
    }
}
