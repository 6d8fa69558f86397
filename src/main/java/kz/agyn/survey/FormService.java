package kz.agyn.survey;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.agyn.kernel.UserException;
import kz.agyn.survey.internal.SurveyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public web form: one-time links an analyst issues, and the checking and storing of what a respondent
 * sends through one.
 *
 * <p>A link's token is 256 random bits; only its SHA-256 is stored. The form posts option ids, so every id is
 * checked to belong to its question (a changed page is refused, not guessed at), texts are held to the
 * question's maximum length, and the link is marked used in the same transaction that stores the answers, by
 * an update that succeeds once: a second submission, even a simultaneous one, is refused. Nothing identifying
 * the respondent is stored — no IP address, no session, no time finer than the row's own.
 */
@Service
public class FormService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SurveyService surveys;
    private final SurveyRepository repository;
    private final TransactionTemplate transactions;

    public FormService(SurveyService surveys, SurveyRepository repository, TransactionTemplate transactions) {
        this.surveys = surveys;
        this.repository = repository;
        this.transactions = transactions;
    }

    /** A problem with a submitted form: a message key and its arguments. */
    public record FormError(String code, List<Object> args) {
    }

    /** An open form: its survey and questions. */
    public record Form(Survey survey, List<Question> questions) {
    }

    /** Issues a one-time link token for a survey. */
    public String issue(int surveyId, String user) {
        surveys.survey(surveyId);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        repository.insertLink(hash(token), surveyId, user);
        return token;
    }

    /** The form behind a link that has not been used. */
    public Form open(String token) {
        SurveyRepository.LinkRow link = link(token);
        if (link.used()) {
            throw new SurveyException(UserException.Kind.CONFLICT, "survey.form.used");
        }
        return new Form(surveys.survey(link.surveyId()), surveys.questions(link.surveyId()));
    }

    /**
     * Checks and stores one submission. Returns the problems to show when it cannot be stored; an empty list
     * means it was stored.
     *
     * @param locale the respondent's language, for the question texts in the problems
     * @param params form fields: {@code q_CODE} (option ids, a number or a text), {@code q_CODE_K} for rank K
     */
    public List<FormError> submit(String token, Map<String, List<String>> params, java.util.Locale locale) {
        Form form = open(token);
        List<FormError> errors = new ArrayList<>();
        Map<String, List<String>> choices = new LinkedHashMap<>();
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Question q : form.questions()) {
            String field = "q_" + q.code();
            List<String> raw = new ArrayList<>();
            if (q.type() == QuestionType.RANKING) {
                for (int k = 1; k <= q.options().size(); k++) {
                    raw.add(first(params, field + "_" + k));
                }
            } else {
                raw.addAll(params.getOrDefault(field, List.of()).stream().map(v -> v == null ? "" : v.trim())
                        .toList());
            }
            String name = q.text().in(locale);
            switch (q.type()) {
                case NUMBER, TEXT -> {
                    String v = raw.isEmpty() ? "" : raw.get(0);
                    if (raw.size() > 1) {
                        errors.add(new FormError("survey.form.tampered", List.of()));
                    } else if (v.isEmpty()) {
                        if (q.required()) {
                            errors.add(new FormError("survey.form.required", List.of(name)));
                        }
                    } else if (q.type() == QuestionType.TEXT) {
                        int max = q.maxLength() == null ? 2000 : q.maxLength();
                        if (v.codePointCount(0, v.length()) > max) {
                            errors.add(new FormError("survey.form.tooLong", List.of(name, max)));
                        } else {
                            texts.put(q.code(), v);
                        }
                    } else {
                        try {
                            double d = Double.parseDouble(v.replace(',', '.').replaceAll("\\s", ""));
                            if (!Double.isFinite(d) || v.length() > 30) {
                                throw new NumberFormatException();
                            }
                            numbers.put(q.code(), d);
                        } catch (NumberFormatException e) {
                            errors.add(new FormError("survey.form.notANumber", List.of(name)));
                        }
                    }
                }
                default -> {
                    List<String> codes = new ArrayList<>();
                    boolean gap = false;
                    boolean tampered = false;
                    for (String v : raw) {
                        if (v == null || v.isEmpty()) {
                            gap = true;
                            continue;
                        }
                        SurveyOption o = optionById(q, v);
                        if (o == null) {
                            tampered = true;
                        } else {
                            if (gap && q.type() == QuestionType.RANKING) {
                                errors.add(new FormError("survey.form.rankingIncomplete", List.of()));
                            }
                            codes.add(o.code());
                        }
                    }
                    if (tampered || (codes.size() > 1 && q.type() != QuestionType.MULTIPLE
                            && q.type() != QuestionType.RANKING)) {
                        errors.add(new FormError("survey.form.tampered", List.of()));
                    } else if (new HashSet<>(codes).size() < codes.size()) {
                        errors.add(new FormError(q.type() == QuestionType.RANKING ? "survey.form.rankingIncomplete"
                                : "survey.form.tampered", List.of()));
                    } else if (codes.isEmpty()) {
                        if (q.required()) {
                            errors.add(new FormError("survey.form.required", List.of(name)));
                        }
                    } else {
                        choices.put(q.code(), codes);
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            return errors.stream().distinct().toList();
        }
        Response response = new Response(null, 1.0, choices, numbers, texts);
        transactions.executeWithoutResult(status -> {
            if (!repository.useLink(hash(token))) {
                throw new SurveyException(UserException.Kind.CONFLICT, "survey.form.used");
            }
            repository.insertResponses(form.survey().id(), "FORM", null, form.questions(), List.of(response));
        });
        return List.of();
    }

    private static SurveyOption optionById(Question q, String value) {
        if (value.length() > 10 || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return q.optionById(Integer.parseInt(value)).orElse(null);
    }

    private static String first(Map<String, List<String>> params, String key) {
        List<String> v = params.get(key);
        return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0).trim();
    }

    private SurveyRepository.LinkRow link(String token) {
        if (token == null || token.length() > 100) {
            throw SurveyException.notFound("survey.form.unknownLink");
        }
        return repository.link(hash(token)).orElseThrow(() -> SurveyException.notFound("survey.form.unknownLink"));
    }

    static String hash(String token) {
        return ResponseImportService.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}
