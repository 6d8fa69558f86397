package kz.agyn.survey;

import java.util.List;
import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.survey.internal.SurveyRepository;
import kz.agyn.survey.internal.SurveyRepository.RespondentRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Declares a survey's sample design and interval method (see {@link SurveyDesignDeclaration}). A declaration the
 * stored respondents cannot carry (a declared variable some respondent lacks, a stratum with one PSU) is refused
 * with the reason, and nothing is saved; a survey without respondents takes any declaration, which the response
 * import then has to fill. Every change is audited.
 */
@Service
public class SurveyDesignService {

    private final SurveyService surveys;
    private final SurveyRepository repository;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    SurveyDesignService(SurveyService surveys, SurveyRepository repository, AuditLog audit,
                        TransactionTemplate transactions) {
        this.surveys = surveys;
        this.repository = repository;
        this.audit = audit;
        this.transactions = transactions;
    }

    public SurveyDesignDeclaration declare(int surveyId, SurveyDesignDeclaration declaration) {
        Survey survey = surveys.survey(surveyId);
        List<RespondentRow> respondents = repository.respondents(surveyId);
        if (!respondents.isEmpty()) {
            kz.agyn.survey.estimation.SurveyDesign design = SurveyService.design(declaration, respondents);
            if (!declaration.bounds().equals(repository.design(surveyId).bounds())) {
                tryBounds(survey, respondents, declaration);
            }
            if (declaration.replicated()) {
                // Each replicate is calibrated as the full sample is: one that cannot meet the margins is refused now.
                SurveyService.calibrated(declaration, design, surveys.weights(survey,
                        repository.questions(survey.questionnaireId()), respondents, declaration.bounds()));
            }
        }
        SurveyDesignDeclaration before = repository.design(surveyId);
        if (!before.equals(declaration)) {
            transactions.executeWithoutResult(status -> {
                repository.saveDesign(surveyId, declaration);
                audit.record(AuditAction.UPDATE, MarginService.AUDIT_SUBJECT, (long) surveyId, 0, "survey "
                        + survey.code() + " design " + before + " -> " + declaration);
            });
        }
        return repository.design(surveyId);
    }

    /** New trimming bounds are tried with the raking the estimates use; bounds it cannot meet are refused. */
    private void tryBounds(Survey survey, List<RespondentRow> respondents, SurveyDesignDeclaration declaration) {
        try {
            surveys.weights(survey, repository.questions(survey.questionnaireId()), respondents,
                    declaration.bounds());
        } catch (kz.agyn.survey.estimation.RakingException e) {
            throw SurveyException.invalid("survey.design.boundsUnmet", declaration.trimLower(),
                    declaration.trimUpper(), SurveyException.quoting(e));
        }
    }
}
