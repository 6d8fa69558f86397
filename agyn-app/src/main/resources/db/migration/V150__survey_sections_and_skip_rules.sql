-- Sections and skip rules of a questionnaire (docs/formats/questionnaire.md): the public form shows one section
-- at a time with its progress, and a question with a rule is asked only when an earlier answer allows it.

-- A section groups consecutive questions under a title. A version without sections is one untitled page.
CREATE TABLE survey_section (
    id               serial PRIMARY KEY,
    questionnaire_id integer NOT NULL REFERENCES survey_questionnaire (id),
    code             varchar(60) NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    position         integer NOT NULL,
    title_kk         text NOT NULL,
    title_ru         text NOT NULL,
    title_en         text NOT NULL,
    UNIQUE (questionnaire_id, code),
    UNIQUE (questionnaire_id, position)
);

-- section: the code of the question's section. show_if_*: the question is asked only when the answer to the
-- earlier question show_if_question holds one of show_if_options (ANY_OF), or holds none of them (NONE_OF).
-- Codes rather than ids, as the JSON definition writes them; the reader checks they exist before storing.
ALTER TABLE survey_question
    ADD COLUMN section          varchar(60),
    ADD COLUMN show_if_question varchar(60),
    ADD COLUMN show_if_mode     varchar(8) CHECK (show_if_mode IN ('ANY_OF', 'NONE_OF')),
    ADD COLUMN show_if_options  text[],
    ADD CONSTRAINT survey_question_show_if_whole CHECK ((show_if_question IS NULL) = (show_if_mode IS NULL)
        AND (show_if_question IS NULL) = (show_if_options IS NULL));

-- Version 2 of the standard instrument: version 1's questions and options word for word, in four sections,
-- and no destination or reasons for leaving asked of a respondent who does not intend to leave. Version 1 stays
-- as it was: its surveys asked everyone every question, and their answers say so.
INSERT INTO survey_questionnaire (code, version, title_kk, title_ru, title_en)
SELECT code, 2, title_kk, title_ru, title_en FROM survey_questionnaire
WHERE code = 'migration-intentions' AND version = 1;

INSERT INTO survey_section (questionnaire_id, code, position, title_kk, title_ru, title_en)
SELECT q.id, v.code, v.position, v.kk, v.ru, v.en
FROM survey_questionnaire q, (VALUES
  ('about_you', 1, 'Өзіңіз туралы', 'О вас', 'About you'),
  ('work', 2, 'Жұмыс және оқу', 'Работа и учёба', 'Work and study'),
  ('intentions', 3, 'Ниеттер', 'Намерения', 'Intentions'),
  ('staying', 4, 'Қалу шарттары', 'Условия, чтобы остаться', 'What would keep you')
) AS v(code, position, kk, ru, en)
WHERE q.code = 'migration-intentions' AND q.version = 2;

INSERT INTO survey_question (questionnaire_id, code, type, text_kk, text_ru, text_en, required, position, max_length,
                             profile_field, section, show_if_question, show_if_mode, show_if_options)
SELECT q2.id, o.code, o.type, o.text_kk, o.text_ru, o.text_en, o.required, o.position, o.max_length, o.profile_field,
       CASE WHEN o.code IN ('age_group', 'sex', 'region', 'education') THEN 'about_you'
            WHEN o.code IN ('occupation', 'sector', 'studied_abroad') THEN 'work'
            WHEN o.code IN ('intend_leave', 'destination', 'reasons_main') THEN 'intentions'
            ELSE 'staying' END,
       CASE WHEN o.code IN ('destination', 'reasons_main') THEN 'intend_leave' END,
       CASE WHEN o.code IN ('destination', 'reasons_main') THEN 'NONE_OF' END,
       CASE WHEN o.code IN ('destination', 'reasons_main') THEN ARRAY['no'] END
FROM survey_question o
JOIN survey_questionnaire q1 ON q1.id = o.questionnaire_id AND q1.code = 'migration-intentions' AND q1.version = 1
JOIN survey_questionnaire q2 ON q2.code = 'migration-intentions' AND q2.version = 2;

INSERT INTO survey_option (question_id, code, text_kk, text_ru, text_en, position)
SELECT n.id, o.code, o.text_kk, o.text_ru, o.text_en, o.position
FROM survey_option o
JOIN survey_question old ON old.id = o.question_id
JOIN survey_questionnaire q1 ON q1.id = old.questionnaire_id AND q1.code = 'migration-intentions' AND q1.version = 1
JOIN survey_questionnaire q2 ON q2.code = 'migration-intentions' AND q2.version = 2
JOIN survey_question n ON n.questionnaire_id = q2.id AND n.code = old.code;
