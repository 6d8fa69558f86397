package kz.agyn.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kz.agyn.reference.Names;
import kz.agyn.survey.Question;
import kz.agyn.survey.QuestionType;
import kz.agyn.survey.Response;
import kz.agyn.survey.ResponseMapping;
import kz.agyn.survey.SurveyOption;
import kz.agyn.tabular.FuzzFindings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The survey response reader fuzzed. Whatever the bytes, {@link ResponseParser#parse} answers a report — rows, or
 * problems located in the file — and throws nothing; a report is consistent (responses only without problems, one
 * per row); a reader failure shows in no report ({@code tabular.internal}). The plain test run replays the seeds
 * in {@code ResponseParserFuzzTestInputs/parse/}; bench/fuzz.sh fuzzes.
 *
 * <p>The questionnaire has a question of every type, in the layouts the parser understands (Google Forms texts,
 * KoboToolbox 0/1 columns, LimeSurvey rank columns), and each input is read twice: as the file says, and through a
 * mapping that renames columns and forces a character set and delimiter.
 */
class ResponseParserFuzzTest {

    static final List<Question> QUESTIONS = List.of(
            question(1, "sex", QuestionType.SINGLE, true, null, "M", "F"),
            question(2, "dest", QuestionType.MULTIPLE, false, null, "KZ", "RU", "DE"),
            question(3, "reasons", QuestionType.RANKING, false, null, "pay", "growth", "living"),
            question(4, "sat", QuestionType.LIKERT, false, null, "1", "2", "3", "4", "5"),
            question(5, "pay", QuestionType.NUMBER, false, null),
            question(6, "note", QuestionType.TEXT, false, 40));
    static final ResponseMapping MAPPED = new ResponseMapping(Map.of("sex", "Пол", "pay", "Жалақы"), "id", "w",
            "windows-1251", ';', "Data");

    static Path file;

    @BeforeAll
    static void setUp() throws IOException {
        FuzzFindings.instrumentOnlyTheReaders();
        file = Files.createTempFile("agyn-fuzz-responses", ".csv");
    }

    @AfterAll
    static void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) throws IOException {
        Files.write(file, input);
        for (ResponseMapping m : new ResponseMapping[] {ResponseMapping.empty(), MAPPED}) {
            // Ids starting "dup" are taken to be in the survey already.
            ResponseParser.Parsed p = new ResponseParser(QUESTIONS, ids -> ids.stream()
                    .filter(i -> i.startsWith("dup")).collect(java.util.stream.Collectors.toSet()))
                    .parse(file, "answers.csv", m);
            p.problems().forEach(x -> FuzzFindings.expected(x.code(), x));
            assertThat(p.problemCount()).isGreaterThanOrEqualTo(p.problems().size());
            if (p.problemCount() == 0) {
                assertThat(p.responses()).hasSize((int) p.rows());
                for (Response r : p.responses()) {
                    assertThat(r.weight()).isPositive().isFinite();
                    assertThat(r.externalId()).isNotBlank();
                }
            } else {
                assertThat(p.responses()).isEmpty();
            }
        }
    }

    static Question question(int id, String code, QuestionType type, boolean required, Integer maxLength,
                             String... options) {
        List<SurveyOption> o = new ArrayList<>();
        for (int i = 0; i < options.length; i++) {
            o.add(new SurveyOption(id * 100 + i, options[i], new Names("kk " + options[i], "ru " + options[i],
                    "en " + options[i])));
        }
        return new Question(id, code, type, new Names(code, code, code), required, id, maxLength, null, o);
    }
}
