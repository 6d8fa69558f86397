package kz.agyn.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import kz.agyn.platform.problems.Problem;
import tools.jackson.databind.JsonNode;

/**
 * Reads an uploaded questionnaire definition from its JSON tree, collecting every problem with its JSON path
 * rather than stopping at the first, so that one round of fixes is enough. The patterns and lengths are those
 * of the columns and CHECKs in V9__survey.sql, so that a definition read without problems can be stored.
 */
final class QuestionnaireReader {

    static final Pattern QUESTIONNAIRE_CODE = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    static final Pattern QUESTION_CODE = Pattern.compile("[a-z][a-z0-9_]*");
    /**
     * Option codes are written in response files, several to a cell separated by ";", "," or "|", and matched
     * by the import: no spaces or separators, so that a code reads the same in a cell as in the definition.
     */
    static final Pattern OPTION_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    static final int CODE_LENGTH = 60;
    /** The respondent profile columns are varchar(20): a profile question's option is stored there. */
    static final int PROFILE_OPTION_LENGTH = 20;
    static final int TITLE_LENGTH = 300;
    static final int QUESTION_TEXT_LENGTH = 1000;
    static final int OPTION_TEXT_LENGTH = 300;
    static final int MAX_QUESTIONS = 200;
    static final int MAX_OPTIONS = 300;
    /** The longest free-text answer a question may allow; the form's default when none is set is 2,000. */
    static final int MAX_TEXT_LENGTH = 10_000;

    private static final Set<String> ROOT_FIELDS = Set.of("code", "version", "titleKk", "titleRu", "titleEn",
            "sections", "questions");
    private static final Set<String> QUESTION_FIELDS = Set.of("code", "type", "required", "maxLength",
            "profileField", "textKk", "textRu", "textEn", "options", "section", "showIf");
    private static final Set<String> SECTION_FIELDS = Set.of("code", "titleKk", "titleRu", "titleEn");
    private static final Set<String> SHOW_IF_FIELDS = Set.of("question", "anyOf", "noneOf");
    static final int MAX_SECTIONS = 50;
    private static final Set<String> OPTION_FIELDS = Set.of("code", "textKk", "textRu", "textEn", "none");
    private static final List<String> LANGUAGES = List.of("Kk", "Ru", "En");

    private final List<Problem> problems = new ArrayList<>();

    private QuestionnaireReader() {
    }

    /** The definition read, and what is wrong with it; the definition is only meaningful without problems. */
    record Result(QuestionnaireDefinition definition, List<Problem> problems) {
    }

    static Result read(JsonNode root) {
        QuestionnaireReader r = new QuestionnaireReader();
        QuestionnaireDefinition d = r.root(root);
        return new Result(d, List.copyOf(r.problems));
    }

    private QuestionnaireDefinition root(JsonNode root) {
        if (root == null || !root.isObject()) {
            problem("", "survey.definition.notObject");
            return null;
        }
        unknownFields(root, ROOT_FIELDS, "");
        String code = code(root, "", QUESTIONNAIRE_CODE, CODE_LENGTH, "survey.definition.questionnaireCodeBad");
        String[] titles = texts(root, "", "title", TITLE_LENGTH);
        List<QuestionnaireDefinition.SectionItem> sections = sections(root.get("sections"));
        List<QuestionnaireDefinition.Item> questions = new ArrayList<>();
        JsonNode items = root.get("questions");
        if (items == null || items.isNull() || (items.isArray() && items.isEmpty())) {
            problem("questions", "survey.definition.noQuestions");
        } else if (!items.isArray()) {
            problem("questions", "survey.definition.notArray");
        } else if (items.size() > MAX_QUESTIONS) {
            problem("questions", "survey.definition.tooManyQuestions", items.size(), MAX_QUESTIONS);
        } else {
            Map<String, String> codes = new HashMap<>();
            Map<String, String> profiles = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                QuestionnaireDefinition.Item q = question(items.get(i), "questions[" + i + "]", codes, profiles);
                if (q != null) {
                    String path = "questions[" + i + "]";
                    section(q, path, sections, questions);
                    questions.add(withShowIf(q, showIf(items.get(i).get("showIf"), path + ".showIf", questions)));
                }
            }
            Set<String> used = new HashSet<>();
            questions.forEach(q -> used.add(q.section()));
            for (int k = 0; k < sections.size(); k++) {
                if (sections.get(k).code() != null && !used.contains(sections.get(k).code())) {
                    problem("sections[" + k + "]", "survey.definition.sectionEmpty", sections.get(k).code());
                }
            }
        }
        return new QuestionnaireDefinition(code, null, titles[0], titles[1], titles[2], sections, questions);
    }

    /** The sections, each a code and three titles; none when the field is absent or empty. */
    private List<QuestionnaireDefinition.SectionItem> sections(JsonNode items) {
        List<QuestionnaireDefinition.SectionItem> out = new ArrayList<>();
        if (items == null || items.isNull()) {
            return out;
        }
        if (!items.isArray()) {
            problem("sections", "survey.definition.notArray");
            return out;
        }
        if (items.size() > MAX_SECTIONS) {
            problem("sections", "survey.definition.tooManySections", items.size(), MAX_SECTIONS);
            return out;
        }
        Map<String, String> codes = new HashMap<>();
        for (int k = 0; k < items.size(); k++) {
            String at = "sections[" + k + "]";
            JsonNode s = items.get(k);
            if (!object(s, at, SECTION_FIELDS)) {
                continue;
            }
            String code = uniqueCode(s, at, QUESTION_CODE, CODE_LENGTH, "survey.definition.sectionCodeBad",
                    "survey.definition.sectionCodeTwice", codes);
            String[] titles = texts(s, at, "title", TITLE_LENGTH);
            out.add(new QuestionnaireDefinition.SectionItem(code, titles[0], titles[1], titles[2]));
        }
        return out;
    }

    /**
     * A question's section must be one of the definition's, and sections follow one another: a section's
     * questions are consecutive, in the order of the sections, since each is one page of the form.
     */
    private void section(QuestionnaireDefinition.Item q, String path, List<QuestionnaireDefinition.SectionItem> sections,
                         List<QuestionnaireDefinition.Item> before) {
        List<String> known = sections.stream().map(QuestionnaireDefinition.SectionItem::code).toList();
        if (q.section() == null) {
            if (!sections.isEmpty()) {
                problem(path + ".section", "survey.definition.sectionMissing", String.join(", ", known));
            }
            return;
        }
        int index = known.indexOf(q.section());
        if (index < 0) {
            problem(path + ".section", sections.isEmpty() ? "survey.definition.noSections"
                    : "survey.definition.sectionUnknown", q.section(), String.join(", ", known));
            return;
        }
        int last = before.isEmpty() ? -1 : known.indexOf(before.get(before.size() - 1).section());
        if (index < last) {
            problem(path + ".section", "survey.definition.sectionOrder", q.section(), known.get(last));
        }
    }

    /**
     * A skip rule names an earlier question with options and some of its option codes, in anyOf or noneOf
     * (exactly one): a rule can only depend on what the respondent has already been asked.
     */
    private QuestionnaireDefinition.ShowIfItem showIf(JsonNode rule, String path,
                                                      List<QuestionnaireDefinition.Item> before) {
        if (rule == null || rule.isNull()) {
            return null;
        }
        if (!rule.isObject()) {
            problem(path, "survey.definition.notObject");
            return null;
        }
        unknownFields(rule, SHOW_IF_FIELDS, path);
        JsonNode q = rule.get("question");
        String question = q != null && q.isString() ? q.stringValue().strip() : null;
        QuestionnaireDefinition.Item earlier = before.stream().filter(i -> i.code() != null
                && i.code().equals(question)).findFirst().orElse(null);
        if (question == null || question.isEmpty()) {
            problem(path + ".question", "survey.definition.showIfQuestionMissing");
        } else if (earlier == null) {
            problem(path + ".question", "survey.definition.showIfNotEarlier", question);
        } else if (earlier.options().isEmpty()) {
            problem(path + ".question", "survey.definition.showIfNoOptions", question);
        }
        JsonNode any = rule.get("anyOf");
        JsonNode none = rule.get("noneOf");
        boolean hasAny = any != null && !any.isNull();
        boolean hasNone = none != null && !none.isNull();
        if (hasAny == hasNone) {
            problem(path, "survey.definition.showIfOneList");
            return null;
        }
        String field = hasAny ? "anyOf" : "noneOf";
        JsonNode list = hasAny ? any : none;
        if (!list.isArray() || list.isEmpty()) {
            problem(path + "." + field, "survey.definition.showIfOneList");
            return null;
        }
        List<String> codes = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            JsonNode c = list.get(k);
            String code = c.isString() ? c.stringValue().strip() : c.toString();
            if (earlier != null && earlier.options().stream().noneMatch(o -> code.equals(o.code()))) {
                problem(path + "." + field + "[" + k + "]", "survey.definition.showIfOptionUnknown", code, question);
            }
            codes.add(code);
        }
        return new QuestionnaireDefinition.ShowIfItem(question, hasAny ? codes : null, hasAny ? null : codes);
    }

    private static QuestionnaireDefinition.Item withShowIf(QuestionnaireDefinition.Item q,
                                                           QuestionnaireDefinition.ShowIfItem rule) {
        return new QuestionnaireDefinition.Item(q.code(), q.type(), q.required(), q.maxLength(), q.profileField(),
                q.textKk(), q.textRu(), q.textEn(), q.options(), q.section(), rule);
    }

    private QuestionnaireDefinition.Item question(JsonNode q, String path, Map<String, String> codes,
                                                  Map<String, String> profiles) {
        if (q == null || !q.isObject()) {
            problem(path, "survey.definition.notObject");
            return null;
        }
        unknownFields(q, QUESTION_FIELDS, path);
        String code = code(q, path, QUESTION_CODE, CODE_LENGTH, "survey.definition.questionCodeBad");
        if (code != null) {
            String first = codes.putIfAbsent(code, path);
            if (first != null) {
                problem(path + ".code", "survey.definition.questionCodeTwice", code, first);
            }
        }
        QuestionType type = type(q, path);
        String[] texts = texts(q, path, "text", QUESTION_TEXT_LENGTH);
        boolean required = false;
        JsonNode r = q.get("required");
        if (r != null && !r.isNull()) {
            if (r.isBoolean()) {
                required = r.booleanValue();
            } else {
                problem(path + ".required", "survey.definition.notBoolean");
            }
        }
        Integer maxLength = maxLength(q, path, type);
        String profile = profile(q, path, code, type, profiles);
        List<QuestionnaireDefinition.Option> options = options(q, path, type,
                profile == null ? CODE_LENGTH : PROFILE_OPTION_LENGTH);
        JsonNode section = q.get("section");
        String sectionCode = null;
        if (section != null && !section.isNull()) {
            if (section.isString()) {
                sectionCode = section.stringValue().strip();
            } else {
                problem(path + ".section", "survey.definition.notText");
            }
        }
        return new QuestionnaireDefinition.Item(code, type == null ? null : type.name(), required, maxLength, profile,
                texts[0], texts[1], texts[2], options, sectionCode, null);
    }

    private QuestionType type(JsonNode q, String path) {
        JsonNode t = q.get("type");
        String known = String.join(", ", Arrays.stream(QuestionType.values()).map(Enum::name).toList());
        if (t == null || t.isNull() || (t.isString() && t.stringValue().isBlank())) {
            problem(path + ".type", "survey.definition.typeMissing", known);
            return null;
        }
        if (t.isString()) {
            String name = t.stringValue().strip().toUpperCase(Locale.ROOT);
            for (QuestionType type : QuestionType.values()) {
                if (type.name().equals(name)) {
                    return type;
                }
            }
        }
        problem(path + ".type", "survey.definition.typeUnknown", t.isString() ? t.stringValue() : t.toString(), known);
        return null;
    }

    private Integer maxLength(JsonNode q, String path, QuestionType type) {
        JsonNode m = q.get("maxLength");
        if (m == null || m.isNull()) {
            return null;
        }
        if (!m.isIntegralNumber() || !m.canConvertToInt()) {
            problem(path + ".maxLength", "survey.definition.notInteger");
            return null;
        }
        int value = m.intValue();
        if (type != null && type != QuestionType.TEXT) {
            problem(path + ".maxLength", "survey.definition.maxLengthNotText", type.name());
        } else if (value < 1 || value > MAX_TEXT_LENGTH) {
            problem(path + ".maxLength", "survey.definition.maxLengthRange", value, MAX_TEXT_LENGTH);
        }
        return value;
    }

    /**
     * The profile field, which must be a known one, asked once, by a single-choice question of the same code:
     * responses fill the respondent's profile column from the question of that code, and breakdowns and raking
     * read the column.
     */
    private String profile(JsonNode q, String path, String code, QuestionType type, Map<String, String> profiles) {
        JsonNode p = q.get("profileField");
        String known = String.join(", ", Arrays.stream(ProfileField.values()).map(ProfileField::code).toList());
        if (p == null || p.isNull()) {
            if (code != null && ProfileField.parse(code).filter(f -> f.code().equals(code)).isPresent()) {
                problem(path + ".code", "survey.definition.profileCodeReserved", code);
            }
            return null;
        }
        String value = p.isString() ? p.stringValue().strip() : p.toString();
        ProfileField field = p.isString() ? Arrays.stream(ProfileField.values())
                .filter(f -> f.code().equals(value)).findFirst().orElse(null) : null;
        if (field == null) {
            problem(path + ".profileField", "survey.definition.profileUnknown", value, known);
            return null;
        }
        String first = profiles.putIfAbsent(field.code(), path);
        if (first != null) {
            problem(path + ".profileField", "survey.definition.profileTwice", field.code(), first);
        }
        if (code != null && !code.equals(field.code())) {
            problem(path + ".code", "survey.definition.profileCode", field.code(), code);
        }
        if (type != null && type != QuestionType.SINGLE) {
            problem(path + ".type", "survey.definition.profileNotSingle", field.code(), type.name());
        }
        return field.code();
    }

    private List<QuestionnaireDefinition.Option> options(JsonNode q, String path, QuestionType type,
                                                         int codeLength) {
        JsonNode items = q.get("options");
        boolean none = items == null || items.isNull() || (items.isArray() && items.isEmpty());
        List<QuestionnaireDefinition.Option> options = new ArrayList<>();
        if (items != null && !items.isNull() && !items.isArray()) {
            problem(path + ".options", "survey.definition.notArray");
            return options;
        }
        if (type != null && !type.hasOptions()) {
            if (!none) {
                problem(path + ".options", "survey.definition.optionsNotAllowed", type.name());
            }
            return options;
        }
        int minimum = minimumOptions(type);
        if (none) {
            if (type != null) {
                problem(path + ".options", type == QuestionType.LIKERT ? "survey.definition.likertTooFew"
                        : "survey.definition.optionsMissing", type.name(), minimum);
            }
            return options;
        }
        if (type != null && items.size() < minimum) {
            problem(path + ".options", type == QuestionType.LIKERT ? "survey.definition.likertTooFew"
                    : "survey.definition.tooFewOptions", type.name(), minimum, items.size());
        }
        if (items.size() > MAX_OPTIONS) {
            problem(path + ".options", "survey.definition.tooManyOptions", items.size(), MAX_OPTIONS);
            return options;
        }
        Map<String, String> codes = new HashMap<>();
        String noneAt = null;
        for (int i = 0; i < items.size(); i++) {
            String at = path + ".options[" + i + "]";
            JsonNode o = items.get(i);
            if (!object(o, at, OPTION_FIELDS)) {
                continue;
            }
            String code = uniqueCode(o, at, OPTION_CODE, codeLength, "survey.definition.optionCodeBad",
                    "survey.definition.optionCodeTwice", codes);
            String[] texts = texts(o, at, "text", OPTION_TEXT_LENGTH);
            Boolean noneFlag = null;
            JsonNode flag = o.get("none");
            if (flag != null && !flag.isNull()) {
                if (!flag.isBoolean()) {
                    problem(at + ".none", "survey.definition.noneNotBoolean");
                } else if (flag.booleanValue()) {
                    if (type != QuestionType.MULTIPLE) {
                        problem(at + ".none", "survey.definition.noneNotMultiple", type == null ? "" : type.name());
                    } else if (noneAt != null) {
                        problem(at + ".none", "survey.definition.noneTwice", noneAt);
                    } else {
                        noneAt = at;
                        noneFlag = Boolean.TRUE;
                    }
                }
            }
            options.add(new QuestionnaireDefinition.Option(code, texts[0], texts[1], texts[2], noneFlag));
        }
        return options;
    }

    /** Single choice and ranking need a choice between two; a Likert scale three ordered points. */
    static int minimumOptions(QuestionType type) {
        if (type == null) {
            return 1;
        }
        return switch (type) {
            case LIKERT -> 3;
            case SINGLE, RANKING -> 2;
            default -> 1;
        };
    }

    private String code(JsonNode node, String path, Pattern pattern, int length, String badKey) {
        String at = path.isEmpty() ? "code" : path + ".code";
        JsonNode c = node.get("code");
        if (c == null || c.isNull() || (c.isString() && c.stringValue().isBlank())) {
            problem(at, "survey.definition.codeMissing");
            return null;
        }
        if (!c.isString()) {
            problem(at, "survey.definition.notText");
            return null;
        }
        String code = c.stringValue().strip();
        if (code.length() > length || !pattern.matcher(code).matches()) {
            problem(at, badKey, code, length);
        }
        return code;
    }

    /** Whether the entry at {@code at} is a JSON object; its unknown fields are reported. */
    private boolean object(JsonNode node, String at, Set<String> fields) {
        if (node == null || !node.isObject()) {
            problem(at, "survey.definition.notObject");
            return false;
        }
        unknownFields(node, fields, at);
        return true;
    }

    /** An entry's code, checked against its pattern and against the codes already seen in its list. */
    private String uniqueCode(JsonNode node, String at, Pattern pattern, int length, String badKey, String twiceKey,
                              Map<String, String> seen) {
        String code = code(node, at, pattern, length, badKey);
        if (code != null) {
            String first = seen.putIfAbsent(code, at);
            if (first != null) {
                problem(at + ".code", twiceKey, code, first);
            }
        }
        return code;
    }

    /** The three texts {@code prefix}Kk, Ru and En, each required. */
    private String[] texts(JsonNode node, String path, String prefix, int length) {
        String[] out = new String[3];
        for (int i = 0; i < 3; i++) {
            String field = prefix + LANGUAGES.get(i);
            String at = path.isEmpty() ? field : path + "." + field;
            JsonNode t = node.get(field);
            Object language = SurveyCreationService.language(LANGUAGES.get(i).toLowerCase(Locale.ROOT));
            if (t == null || t.isNull() || (t.isString() && t.stringValue().isBlank())) {
                problem(at, "survey.definition.textMissing", language);
            } else if (!t.isString()) {
                problem(at, "survey.definition.notText");
            } else {
                out[i] = t.stringValue().strip();
                if (out[i].length() > length) {
                    problem(at, "survey.definition.textTooLong", language, length);
                }
            }
        }
        return out;
    }

    private void unknownFields(JsonNode node, Set<String> known, String path) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                problem(path.isEmpty() ? name : path + "." + name, "survey.definition.unknownField", name,
                        String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private void problem(String path, String code, Object... args) {
        problems.add(Problem.inField(path, code, args));
    }
}
