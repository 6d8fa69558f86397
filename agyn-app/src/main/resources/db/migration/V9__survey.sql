-- Surveys of migration intentions and reasons: versioned questionnaires, surveys (waves) that use them,
-- respondents with a coarse profile and a weight, their answers, the known population margins the weights
-- are raked to, response-file imports awaiting a decision, and one-time links to the public web form.

-- A questionnaire is versioned: a change of wording or options is a new version, so that answers always
-- refer to the text the respondent saw.
CREATE TABLE survey_questionnaire (
    id        serial PRIMARY KEY,
    code      varchar(60) NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9._-]*$'),
    version   integer NOT NULL CHECK (version > 0),
    title_kk  text NOT NULL,
    title_ru  text NOT NULL,
    title_en  text NOT NULL,
    UNIQUE (code, version)
);

-- profile_field: the respondent column a profile question fills (raking and breakdowns read the column,
-- so they need no pivot of the answers).
CREATE TABLE survey_question (
    id               serial PRIMARY KEY,
    questionnaire_id integer NOT NULL REFERENCES survey_questionnaire (id),
    code             varchar(60) NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    type             varchar(8) NOT NULL CHECK (type IN ('SINGLE', 'MULTIPLE', 'RANKING', 'LIKERT', 'NUMBER', 'TEXT')),
    text_kk          text NOT NULL,
    text_ru          text NOT NULL,
    text_en          text NOT NULL,
    required         boolean NOT NULL DEFAULT false,
    position         integer NOT NULL,
    max_length       integer CHECK (max_length > 0),
    profile_field    varchar(20) CHECK (profile_field IN ('age_group', 'sex', 'region', 'education', 'occupation',
                                                         'sector', 'studied_abroad')),
    UNIQUE (questionnaire_id, code),
    UNIQUE (questionnaire_id, position)
);

CREATE TABLE survey_option (
    id          serial PRIMARY KEY,
    question_id integer NOT NULL REFERENCES survey_question (id),
    code        varchar(60) NOT NULL,
    text_kk     text NOT NULL,
    text_ru     text NOT NULL,
    text_en     text NOT NULL,
    position    integer NOT NULL,
    UNIQUE (question_id, code)
);

-- A survey is one fielding (wave) of a questionnaire. synthetic marks generated demonstration data, which
-- every page and answer that shows the survey must say.
CREATE TABLE survey (
    id               serial PRIMARY KEY,
    code             varchar(60) NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9._-]*$'),
    questionnaire_id integer NOT NULL REFERENCES survey_questionnaire (id),
    title_kk         text NOT NULL,
    title_ru         text NOT NULL,
    title_en         text NOT NULL,
    wave             varchar(20) NOT NULL,
    synthetic        boolean NOT NULL DEFAULT false,
    margin_source    text,
    created_at       timestamptz NOT NULL DEFAULT now()
);

-- Known population totals by one variable (region, age_group, sex, education) that the weights are raked to.
CREATE TABLE survey_margin (
    survey_id  integer NOT NULL REFERENCES survey (id),
    variable   varchar(20) NOT NULL CHECK (variable IN ('age_group', 'sex', 'region', 'education', 'occupation',
                                                        'sector', 'studied_abroad')),
    category   varchar(20) NOT NULL,
    population double precision NOT NULL CHECK (population > 0),
    PRIMARY KEY (survey_id, variable, category)
);

CREATE TABLE survey_import (
    id            uuid PRIMARY KEY,
    survey_id     integer NOT NULL REFERENCES survey (id),
    file_name     text NOT NULL,
    format        varchar(10) NOT NULL,
    file_sha256   char(64) NOT NULL,
    content       bytea NOT NULL,
    mapping       text NOT NULL,
    status        varchar(10) NOT NULL CHECK (status IN ('VALID', 'INVALID', 'ACCEPTED')),
    row_count     integer NOT NULL DEFAULT 0,
    problem_count integer NOT NULL DEFAULT 0,
    report        text,
    written       integer,
    created_by    varchar(64),
    created_at    timestamptz NOT NULL DEFAULT now(),
    accepted_at   timestamptz
);
-- The same file is written into a survey at most once, however often it is accepted.
CREATE UNIQUE INDEX survey_import_once ON survey_import (survey_id, file_sha256) WHERE status = 'ACCEPTED' AND written > 0;

-- No names, contacts or identifiers of persons: external_id is the survey tool's response id, unique per
-- survey so that the same response cannot be imported twice.
CREATE TABLE survey_respondent (
    id             bigserial PRIMARY KEY,
    survey_id      integer NOT NULL REFERENCES survey (id),
    external_id    varchar(100),
    source         varchar(6) NOT NULL CHECK (source IN ('DEMO', 'IMPORT', 'FORM')),
    import_id      uuid REFERENCES survey_import (id),
    age_group      varchar(20),
    sex            varchar(20),
    region         varchar(20),
    education      varchar(20),
    occupation     varchar(20),
    sector         varchar(20),
    studied_abroad varchar(20),
    weight         double precision NOT NULL DEFAULT 1 CHECK (weight > 0),
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (survey_id, external_id)
);
CREATE INDEX survey_respondent_survey_idx ON survey_respondent (survey_id);

-- One row per chosen option (rank_position set for ranking questions), or per number or text answer.
CREATE TABLE survey_answer (
    respondent_id bigint NOT NULL REFERENCES survey_respondent (id) ON DELETE CASCADE,
    question_id   integer NOT NULL REFERENCES survey_question (id),
    option_id     integer REFERENCES survey_option (id),
    rank_position smallint,
    value_number  double precision,
    value_text    text
);
CREATE INDEX survey_answer_question_idx ON survey_answer (question_id, respondent_id);

-- One-time links to the public form: only the SHA-256 of the token is kept, so a database reader cannot
-- answer in someone's place.
CREATE TABLE survey_link (
    token_sha256 char(64) PRIMARY KEY,
    survey_id    integer NOT NULL REFERENCES survey (id),
    created_by   varchar(64) NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    used_at      timestamptz
);

-- The standard migration-intentions instrument ----------------------------------------------------------
-- Wording by the Agyn project after the analytical note of 06.11.2024 (reasons as in its Table 1; conditions
-- to stay as in its recommendations). Kazakh and Russian are project translations.
INSERT INTO survey_questionnaire (code, version, title_kk, title_ru, title_en) VALUES
  ('migration-intentions', 1, 'Көші-қон ниеттері мен себептері', 'Миграционные намерения и их причины',
   'Migration intentions and reasons');

INSERT INTO survey_question (questionnaire_id, code, type, text_kk, text_ru, text_en, required, position, max_length, profile_field)
SELECT q.id, v.code, v.type, v.kk, v.ru, v.en, v.required, v.position, v.max_length, v.profile
FROM survey_questionnaire q, (VALUES
  ('age_group', 'SINGLE', 'Жасыңыз', 'Ваш возраст', 'Your age', true, 1, NULL::integer, 'age_group'),
  ('sex', 'SINGLE', 'Жынысыңыз', 'Ваш пол', 'Your sex', true, 2, NULL, 'sex'),
  ('region', 'SINGLE', 'Қай өңірде тұрасыз?', 'В каком регионе вы живёте?', 'Which region do you live in?', true, 3, NULL, 'region'),
  ('education', 'SINGLE', 'Білім деңгейіңіз', 'Ваш уровень образования', 'Your level of education', true, 4, NULL, 'education'),
  ('occupation', 'SINGLE', 'Кәсібіңіз (ХСКЖ-08 негізгі тобы)', 'Ваше занятие (основная группа МСКЗ-08)', 'Your occupation (ISCO-08 major group)', false, 5, NULL, 'occupation'),
  ('sector', 'SINGLE', 'Қай салада жұмыс істейсіз?', 'В каком секторе вы работаете?', 'Which sector do you work in?', false, 6, NULL, 'sector'),
  ('studied_abroad', 'SINGLE', 'Шетелде оқыдыңыз ба?', 'Учились ли вы за рубежом?', 'Have you studied abroad?', false, 7, NULL, 'studied_abroad'),
  ('intend_leave', 'SINGLE', 'Қазақстаннан кетуді жоспарлайсыз ба?', 'Планируете ли вы уехать из Казахстана?', 'Do you intend to leave Kazakhstan?', true, 8, NULL, NULL),
  ('destination', 'SINGLE', 'Кетсеңіз, қай елге?', 'Если уедете, то в какую страну?', 'If you leave, to which country?', false, 9, NULL, NULL),
  ('reasons_main', 'RANKING', 'Кетудің себептерін маңыздылығы бойынша реттеңіз (1 – ең басты)', 'Расположите причины отъезда по важности (1 – главная)', 'Rank the reasons for leaving by importance (1 = the main one)', true, 10, NULL, NULL),
  ('conditions_stay', 'MULTIPLE', 'Қандай жағдайда қалар едіңіз немесе оралар едіңіз?', 'При каких условиях вы бы остались или вернулись?', 'What would make you stay or return?', false, 11, NULL, NULL),
  ('pay_satisfaction', 'LIKERT', 'Жалақыңызға қаншалықты ризасыз?', 'Насколько вы довольны своей оплатой труда?', 'How satisfied are you with your pay?', false, 12, NULL, NULL),
  ('pay_expected', 'NUMBER', 'Қалу үшін қандай айлық жалақы (мың теңге) жеткілікті?', 'Какая месячная зарплата (тыс. тенге) удержала бы вас?', 'What monthly pay (thousand KZT) would keep you?', false, 13, NULL, NULL),
  ('comment', 'TEXT', 'Қосқыңыз келетін пікір (жеке деректерсіз)', 'Ваш комментарий (без персональных данных)', 'Anything to add (no personal data, please)', false, 14, 500, NULL)
) AS v(code, type, kk, ru, en, required, position, max_length, profile)
WHERE q.code = 'migration-intentions' AND q.version = 1;

INSERT INTO survey_option (question_id, code, text_kk, text_ru, text_en, position)
SELECT qn.id, v.code, v.kk, v.ru, v.en, v.position
FROM survey_question qn JOIN survey_questionnaire q ON q.id = qn.questionnaire_id, (VALUES
  ('age_group', '18-24', '18–24', '18–24', '18–24', 1),
  ('age_group', '25-29', '25–29', '25–29', '25–29', 2),
  ('age_group', '30-35', '30–35', '30–35', '30–35', 3),
  ('sex', 'M', 'Ер', 'Мужской', 'Male', 1),
  ('sex', 'F', 'Әйел', 'Женский', 'Female', 2),
  ('sector', 'public', 'Мемлекеттік сектор', 'Государственный сектор', 'Public sector', 1),
  ('sector', 'private', 'Жеке сектор', 'Частный сектор', 'Private sector', 2),
  ('sector', 'research', 'Ғылым және жоғары білім', 'Наука и высшее образование', 'Research and higher education', 3),
  ('sector', 'other', 'Басқа', 'Другое', 'Other', 4),
  ('studied_abroad', 'yes', 'Иә', 'Да', 'Yes', 1),
  ('studied_abroad', 'no', 'Жоқ', 'Нет', 'No', 2),
  ('intend_leave', 'within_1y', 'Иә, бір жыл ішінде', 'Да, в течение года', 'Yes, within a year', 1),
  ('intend_leave', 'within_3y', 'Иә, үш жыл ішінде', 'Да, в течение трёх лет', 'Yes, within three years', 2),
  ('intend_leave', 'within_5y', 'Иә, бес жыл ішінде', 'Да, в течение пяти лет', 'Yes, within five years', 3),
  ('intend_leave', 'no', 'Жоқ', 'Нет', 'No', 4),
  ('intend_leave', 'undecided', 'Әлі шешкен жоқпын', 'Ещё не решил(а)', 'Undecided', 5),
  ('destination', 'RU', 'Ресей', 'Россия', 'Russia', 1),
  ('destination', 'DE', 'Германия', 'Германия', 'Germany', 2),
  ('destination', 'US', 'АҚШ', 'США', 'United States', 3),
  ('destination', 'KR', 'Корея', 'Корея', 'Korea', 4),
  ('destination', 'CN', 'Қытай', 'Китай', 'China', 5),
  ('destination', 'GB', 'Ұлыбритания', 'Великобритания', 'United Kingdom', 6),
  ('destination', 'CA', 'Канада', 'Канада', 'Canada', 7),
  ('destination', 'other', 'Басқа ел', 'Другая страна', 'Another country', 8),
  ('reasons_main', 'pay', 'Жалақы деңгейі', 'Уровень оплаты труда', 'Pay', 1),
  ('reasons_main', 'growth', 'Кәсіби өсу мүмкіндіктері', 'Возможности профессионального роста', 'Professional growth', 2),
  ('reasons_main', 'sociopolitical', 'Әлеуметтік-саяси жағдай', 'Социально-политическая ситуация', 'Socio-political situation', 3),
  ('reasons_main', 'research_infra', 'Ғылыми инфрақұрылым', 'Научная инфраструктура', 'Research infrastructure', 4),
  ('reasons_main', 'living', 'Тұрмыс жағдайы', 'Условия жизни', 'Living conditions', 5),
  ('conditions_stay', 'pay_level', 'Жалақы деңгейі', 'Уровень оплаты труда', 'Pay level', 1),
  ('conditions_stay', 'research_funding', 'Ғылымды қаржыландыру', 'Финансирование науки', 'Research funding', 2),
  ('conditions_stay', 'housing', 'Тұрғын үй', 'Жильё', 'Housing', 3),
  ('conditions_stay', 'career', 'Мансап перспективалары', 'Карьерные перспективы', 'Career prospects', 4),
  ('conditions_stay', 'fair_hiring', 'Жұмысқа алудағы әділдік', 'Справедливость при найме', 'Fairness in hiring', 5),
  ('pay_satisfaction', '1', '1 – мүлдем риза емеспін', '1 – совсем не доволен', '1 – not at all satisfied', 1),
  ('pay_satisfaction', '2', '2', '2', '2', 2),
  ('pay_satisfaction', '3', '3', '3', '3', 3),
  ('pay_satisfaction', '4', '4', '4', '4', 4),
  ('pay_satisfaction', '5', '5 – толық ризамын', '5 – полностью доволен', '5 – fully satisfied', 5)
) AS v(question, code, kk, ru, en, position)
WHERE q.code = 'migration-intentions' AND q.version = 1 AND qn.questionnaire_id = q.id AND qn.code = v.question;

-- Regions, education levels and occupations come from the reference classifiers (KATO, ISCED 2011, ISCO-08).
INSERT INTO survey_option (question_id, code, text_kk, text_ru, text_en, position)
SELECT qn.id, r.kato, r.name_kk, r.name_ru, r.name_en, row_number() OVER (ORDER BY r.kato)
FROM survey_question qn JOIN survey_questionnaire q ON q.id = qn.questionnaire_id, region r
WHERE q.code = 'migration-intentions' AND q.version = 1 AND qn.code = 'region' AND r.valid_to IS NULL;

INSERT INTO survey_option (question_id, code, text_kk, text_ru, text_en, position)
SELECT qn.id, e.code, e.name_kk, e.name_ru, e.name_en, e.code::integer
FROM survey_question qn JOIN survey_questionnaire q ON q.id = qn.questionnaire_id, education_level e
WHERE q.code = 'migration-intentions' AND q.version = 1 AND qn.code = 'education' AND e.code BETWEEN '4' AND '8';

INSERT INTO survey_option (question_id, code, text_kk, text_ru, text_en, position)
SELECT qn.id, o.code, o.name_kk, o.name_ru, o.name_en, CASE WHEN o.code = '0' THEN 10 ELSE o.code::integer END
FROM survey_question qn JOIN survey_questionnaire q ON q.id = qn.questionnaire_id, occupation o
WHERE q.code = 'migration-intentions' AND q.version = 1 AND qn.code = 'occupation' AND o.level = 1;
