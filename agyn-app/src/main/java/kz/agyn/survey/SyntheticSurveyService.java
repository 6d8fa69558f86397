package kz.agyn.survey;

import java.util.List;
import java.util.Map;

import kz.agyn.reference.Names;
import kz.agyn.survey.internal.SurveyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Surveys of generated answers, marked synthetic wherever they show. The way in for whoever generates them (the
 * demonstration data, {@code kz.agyn.demo.survey}) without reaching into the survey's storage: the answers are
 * written as given, since a generator produces option codes of the questionnaire, not a file to be checked as a
 * user's import is.
 */
@Service
public class SyntheticSurveyService {

    /** The source recorded on each respondent written here (as "FORM" or "IMPORT" are on the others). */
    static final String SOURCE = "DEMO";

    private final SurveyRepository repository;
    private final TransactionTemplate transactions;

    SyntheticSurveyService(SurveyRepository repository, TransactionTemplate transactions) {
        this.repository = repository;
        this.transactions = transactions;
    }

    /**
     * A synthetic survey to write. It is weighted to the warehouse population {@code marginDataset} of
     * {@code marginPeriod} when the dataset is given, else to its own {@code margins}, whose origin
     * {@code marginSource} names.
     *
     * @param questionnaire the questionnaire's code, of version {@code version}
     */
    public record NewSyntheticSurvey(String code, String questionnaire, int version, Names title, String wave,
                                     String marginDataset, String marginPeriod,
                                     Map<String, Map<String, Double>> margins, String marginSource,
                                     List<Response> responses) {
    }

    /** Whether a survey of this code exists (synthetic or not): a generator writes each of its surveys once. */
    public boolean exists(String code) {
        return repository.survey(code).isPresent();
    }

    /**
     * Writes the survey, its margins and its respondents in one transaction.
     *
     * @return the survey's id
     * @throws java.util.NoSuchElementException when the questionnaire's version is not in the database
     */
    public int create(NewSyntheticSurvey s) {
        int questionnaire = repository.questionnaireId(s.questionnaire(), s.version()).orElseThrow();
        List<Question> questions = repository.questions(questionnaire);
        boolean fromWarehouse = s.marginDataset() != null;
        return transactions.execute(status -> {
            int id = repository.createSurvey(s.code(), questionnaire, s.title(), s.wave(), true,
                    fromWarehouse ? null : s.marginSource());
            if (fromWarehouse) {
                repository.warehouseMargins(id, s.marginDataset(), s.marginPeriod());
            } else {
                repository.insertMargins(id, s.margins());
            }
            repository.insertResponses(id, SOURCE, null, questions, s.responses());
            return id;
        });
    }
}
