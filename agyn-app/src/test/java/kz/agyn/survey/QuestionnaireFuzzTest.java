package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import kz.agyn.tabular.FuzzFindings;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.json.JsonMapper;

/**
 * The questionnaire definition reader fuzzed: the bytes of an upload read as JSON
 * ({@link QuestionnaireService#read}) and checked ({@link QuestionnaireReader}). Whatever the bytes, the answer is
 * a definition, or every problem with its path ({@link InvalidFieldsException}); nothing else is thrown, and a
 * definition read without problems holds what the tables take (so that storing it cannot fail). The plain test run
 * replays the seeds in {@code QuestionnaireFuzzTestInputs/read/}; bench/fuzz.sh fuzzes.
 */
class QuestionnaireFuzzTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void instrument() {
        FuzzFindings.instrumentOnlyTheReaders();
    }

    @FuzzTest(maxDuration = "60s")
    void read(byte[] input) throws IOException {
        QuestionnaireReader.Result r;
        try {
            r = QuestionnaireService.read(new ByteArrayInputStream(input), JSON);
        } catch (InvalidFieldsException refused) {
            assertThat(refused.problems()).isNotEmpty();
            return;
        }
        if (r == null || !r.problems().isEmpty()) {
            return;
        }
        QuestionnaireDefinition d = r.definition();
        assertThat(d.code()).matches(QuestionnaireReader.QUESTIONNAIRE_CODE)
                .hasSizeLessThanOrEqualTo(QuestionnaireReader.CODE_LENGTH);
        assertThat(d.titleKk()).isNotBlank().hasSizeLessThanOrEqualTo(QuestionnaireReader.TITLE_LENGTH);
        assertThat(d.questions()).isNotEmpty().hasSizeLessThanOrEqualTo(QuestionnaireReader.MAX_QUESTIONS);
        for (QuestionnaireDefinition.Item q : d.questions()) {
            assertThat(q.code()).matches(QuestionnaireReader.QUESTION_CODE);
            QuestionType type = QuestionType.valueOf(q.type());
            if (type.hasOptions()) {
                assertThat(q.options()).hasSizeGreaterThanOrEqualTo(QuestionnaireReader.minimumOptions(type));
            } else {
                assertThat(q.options()).isEmpty();
            }
            assertThat(q.textRu()).isNotBlank().hasSizeLessThanOrEqualTo(QuestionnaireReader.QUESTION_TEXT_LENGTH);
            for (QuestionnaireDefinition.Option o : q.options()) {
                assertThat(o.code()).matches(QuestionnaireReader.OPTION_CODE);
                assertThat(o.textEn()).isNotBlank().hasSizeLessThanOrEqualTo(QuestionnaireReader.OPTION_TEXT_LENGTH);
            }
        }
    }
}
