package kz.agyn.survey;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.agyn.kernel.UserException;
import kz.agyn.platform.problems.Problem;
import kz.agyn.platform.startup.StartupProblem;
import kz.agyn.survey.internal.SurveyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
 *
 * <p>A link expires (after {@code agyn.surveys.links.default-days}, 30 by default, or as many days as the analyst
 * chose when issuing it) and can be revoked, one by one or all the unused links of a survey at once: a link that
 * leaked, or a wave that closed, stops taking answers. An expired or revoked link is gone for good (410).
 *
 * <p>Skip rules ({@link ShowIf}) are applied here as in the browser, in question order over the answers already
 * accepted: a question its rule skips is not required and what was sent for it is dropped, so a respondent
 * without JavaScript, who sees every question, is held to the same questionnaire.
 */
@Service
public class FormService {

    /** The most links issued at once. */
    public static final int MAX_BATCH = 500;
    /** The longest a link may stay usable, in days. */
    public static final int MAX_DAYS = 365;
    /** How many of a survey's latest links are listed. */
    public static final int LISTED = 200;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(FormService.class);

    private final SurveyService surveys;
    private final SurveyRepository repository;
    private final TransactionTemplate transactions;
    private final int defaultDays;

    public FormService(SurveyService surveys, SurveyRepository repository, TransactionTemplate transactions,
                       @Value("${agyn.surveys.links.default-days:30}") int defaultDays) {
        this.surveys = surveys;
        this.repository = repository;
        this.transactions = transactions;
        if (defaultDays < 1 || defaultDays > MAX_DAYS) {
            throw new StartupProblem("agyn.surveys.links.default-days is " + defaultDays + ", but a link can last "
                    + "1 to " + MAX_DAYS + " days.", "Set it to a number of days between 1 and " + MAX_DAYS + ".");
        }
        this.defaultDays = defaultDays;
    }

    /**
     * An open form: its survey, questions and the sections they are shown in (one untitled section holding every
     * question when the questionnaire version has none).
     */
    public record Form(Survey survey, List<Question> questions, List<Section> sections) {

        public Form {
            questions = List.copyOf(questions);
            sections = List.copyOf(sections);
        }
    }

    /** Issues one link for a survey, usable for the default number of days; returns its token. */
    public String issue(int surveyId, String user) {
        return issue(surveyId, 1, null, user).get(0).token();
    }

    /**
     * Issues {@code count} links for a survey, each usable for {@code days} days (the default when null), in one
     * transaction. The tokens are returned once and never stored: only their SHA-256 and first characters are.
     *
     * @throws SurveyException when count is not 1 to {@value #MAX_BATCH} or days not 1 to {@value #MAX_DAYS}
     */
    public List<IssuedLink> issue(int surveyId, int count, Integer days, String user) {
        Survey survey = surveys.survey(surveyId);
        if (!survey.takesAnswers()) {
            throw new SurveyException(UserException.Kind.CONFLICT, "survey.closed", survey.code());
        }
        if (count < 1 || count > MAX_BATCH) {
            throw SurveyException.invalid("survey.links.badCount", MAX_BATCH);
        }
        int d = days == null ? defaultDays : days;
        if (d < 1 || d > MAX_DAYS) {
            throw SurveyException.invalid("survey.links.badDays", MAX_DAYS);
        }
        OffsetDateTime expires = OffsetDateTime.now().plusDays(d).truncatedTo(ChronoUnit.SECONDS);
        List<IssuedLink> issued = transactions.execute(status -> {
            List<IssuedLink> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                long id = repository.insertLink(hash(token), token.substring(0, HINT), surveyId, expires, user);
                out.add(new IssuedLink(id, token, expires));
            }
            return out;
        });
        log.info("{} issued {} form link(s) for survey {}, usable until {}", user, count, surveyId, expires);
        return issued;
    }

    /** The first characters of a token, kept to recognise a link by: 36 of its 256 random bits. */
    static final int HINT = 6;

    /** A survey's links: counts by state and the latest {@value #LISTED}. */
    public SurveyLinks links(int surveyId) {
        surveys.survey(surveyId);
        SurveyRepository.LinkCountRow c = repository.linkCounts(surveyId);
        return new SurveyLinks(c.open(), c.used(), c.expired(), c.revoked(),
                repository.links(surveyId, LISTED).stream().map(FormService::view).toList(), defaultDays, MAX_DAYS);
    }

    /**
     * Revokes one unused link of the survey: it takes no answers from now on. Revoking a revoked link changes
     * nothing; a used one cannot be revoked (its answers are in), which is a conflict.
     */
    public SurveyLink revoke(int surveyId, long linkId, String user) {
        surveys.survey(surveyId);
        boolean done = repository.revokeLink(surveyId, linkId, user);
        SurveyRepository.LinkRow link = repository.link(surveyId, linkId)
                .orElseThrow(() -> SurveyException.notFound("survey.links.notFound", linkId));
        if (!done && link.used()) {
            throw new SurveyException(UserException.Kind.CONFLICT, "survey.links.alreadyUsed", linkId);
        }
        if (done) {
            log.info("{} revoked form link {} of survey {}", user, linkId, surveyId);
        }
        return view(link);
    }

    /** Revokes every link of the survey that could still be used; returns how many. */
    public int revokeOpen(int surveyId, String user) {
        surveys.survey(surveyId);
        int n = repository.revokeOpenLinks(surveyId, user);
        log.info("{} revoked the {} open form link(s) of survey {}", user, n, surveyId);
        return n;
    }

    /** The form behind a link that is open: not used, not revoked, not expired. */
    public Form open(String token) {
        SurveyRepository.LinkRow link = link(token);
        refuseClosed(link);
        Survey survey = surveys.survey(link.surveyId());
        if (!survey.takesAnswers()) {
            throw new SurveyException(UserException.Kind.GONE, "survey.form.surveyClosed");
        }
        List<Question> questions = repository.questions(survey.questionnaireId());
        return new Form(survey, questions, sections(repository.sections(survey.questionnaireId()), questions));
    }

    /** The questions grouped by their sections, in the sections' order. */
    static List<Section> sections(List<SurveyRepository.SectionRow> rows, List<Question> questions) {
        if (rows.isEmpty()) {
            return List.of(new Section(null, null, questions));
        }
        List<Section> out = new ArrayList<>();
        for (SurveyRepository.SectionRow row : rows) {
            out.add(new Section(row.code(), row.title(),
                    questions.stream().filter(q -> row.code().equals(q.section())).toList()));
        }
        return out;
    }

    /**
     * Why a link takes no answers, if it does not: revoked or expired, it is gone (410); used, it is a conflict
     * (409), since it did take its answers. Revocation is told first: it was the organisers' decision.
     */
    private static void refuseClosed(SurveyRepository.LinkRow link) {
        if (link.revoked()) {
            throw new SurveyException(UserException.Kind.GONE, "survey.form.revoked");
        }
        if (link.used()) {
            throw new SurveyException(UserException.Kind.CONFLICT, "survey.form.used");
        }
        if (link.expired()) {
            throw new SurveyException(UserException.Kind.GONE, "survey.form.expired");
        }
    }

    private static SurveyLink view(SurveyRepository.LinkRow r) {
        SurveyLink.State state = r.used() ? SurveyLink.State.USED : r.revoked() ? SurveyLink.State.REVOKED
                : r.expired() ? SurveyLink.State.EXPIRED : SurveyLink.State.OPEN;
        return new SurveyLink(r.id(), r.hint(), r.createdAt(), r.createdBy(), r.expiresAt(), r.usedAt(),
                r.revokedAt(), r.revokedBy(), state);
    }

    /**
     * Checks and stores one submission. Returns the problems to show when it cannot be stored, each with its form
     * field ({@code q_CODE}) as its column; an empty list means it was stored.
     *
     * @param locale the respondent's language, for the question texts in the problems
     * @param params form fields: {@code q_CODE} (option ids, a number or a text), {@code q_CODE_K} for rank K
     */
    public List<Problem> submit(String token, Map<String, List<String>> params, java.util.Locale locale) {
        Form form = open(token);
        List<Problem> errors = new ArrayList<>();
        Map<String, List<String>> choices = new LinkedHashMap<>();
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Question q : form.questions()) {
            // A question its rule skips was not asked: nothing of it is required or stored, whatever was sent.
            if (q.showIf() != null && !q.showIf().shows(choices.getOrDefault(q.showIf().question(), List.of()))) {
                continue;
            }
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
                        errors.add(Problem.inField(field, "survey.form.tampered"));
                    } else if (v.isEmpty()) {
                        if (q.required()) {
                            errors.add(Problem.inField(field, "survey.form.required", name));
                        }
                    } else if (q.type() == QuestionType.TEXT) {
                        int max = q.maxLength() == null ? 2000 : q.maxLength();
                        if (v.codePointCount(0, v.length()) > max) {
                            errors.add(Problem.inField(field, "survey.form.tooLong", name, max));
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
                            errors.add(Problem.inField(field, "survey.form.notANumber", name));
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
                                errors.add(Problem.inField(field, "survey.form.rankingIncomplete"));
                            }
                            codes.add(o.code());
                        }
                    }
                    if (tampered || (codes.size() > 1 && q.type() != QuestionType.MULTIPLE
                            && q.type() != QuestionType.RANKING)) {
                        errors.add(Problem.inField(field, "survey.form.tampered"));
                    } else if (new HashSet<>(codes).size() < codes.size()) {
                        errors.add(Problem.inField(field, q.type() == QuestionType.RANKING
                                ? "survey.form.rankingIncomplete" : "survey.form.tampered"));
                    } else if (codes.isEmpty()) {
                        if (q.required()) {
                            errors.add(Problem.inField(field, "survey.form.required", name));
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
                // Used, revoked or expired since the form was opened: say which.
                refuseClosed(link(token));
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
