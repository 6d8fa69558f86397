-- The indicator warehouse: statistics as observations with dimensions, each tied to the dataset version it
-- was imported in, so that every figure keeps its source and earlier publications stay queryable.

CREATE TABLE wh_dataset (
    id          serial PRIMARY KEY,
    code        varchar(60) NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9._-]*$'),
    title_kk    text NOT NULL,
    title_ru    text NOT NULL,
    title_en    text NOT NULL,
    publisher   text NOT NULL,
    citation    text,
    url         text,
    licence     text,
    synthetic   boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per import of a dataset. The same file imported twice for a dataset is the same version.
CREATE TABLE wh_version (
    id           serial PRIMARY KEY,
    dataset_id   integer NOT NULL REFERENCES wh_dataset (id),
    version      integer NOT NULL,
    published_on date,
    imported_at  timestamptz NOT NULL DEFAULT now(),
    imported_by  varchar(64),
    file_name    text NOT NULL,
    file_sha256  char(64) NOT NULL,
    format       varchar(10) NOT NULL,
    row_count    integer NOT NULL,
    UNIQUE (dataset_id, version),
    UNIQUE (dataset_id, file_sha256)
);

CREATE TABLE wh_indicator (
    code          varchar(40) PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    name_kk       text NOT NULL,
    name_ru       text NOT NULL,
    name_en       text NOT NULL,
    unit          varchar(20) NOT NULL CHECK (unit IN ('PERSONS', 'PERCENT', 'PERCENT_GDP', 'KZT', 'USD', 'EUR',
                                                       'LCU_PER_USD', 'LCU_PER_INTL_DOLLAR', 'RATIO', 'COUNT')),
    per           varchar(6) CHECK (per IN ('MONTH', 'YEAR')),
    definition_kk text,
    definition_ru text,
    definition_en text
);

-- Dimension codes follow SDMX conventions: '_T' total, '_U' unknown, '_Z' not applicable;
-- region '000000000' is Kazakhstan as a whole.
CREATE TABLE wh_observation (
    version_id   integer     NOT NULL REFERENCES wh_version (id),
    indicator    varchar(40) NOT NULL REFERENCES wh_indicator (code),
    period       varchar(10) NOT NULL,
    period_start date        NOT NULL,
    freq         char(1)     NOT NULL CHECK (freq IN ('A', 'Q', 'M')),
    region       char(9)     NOT NULL,
    occupation   varchar(4)  NOT NULL,
    education    varchar(2)  NOT NULL,
    country      varchar(3)  NOT NULL,
    sex          varchar(2)  NOT NULL,
    age          varchar(8)  NOT NULL,
    flow         varchar(3)  NOT NULL CHECK (flow IN ('EMI', 'IMM', 'NET', '_Z')),
    value        numeric     NOT NULL,
    unit_mult    smallint    NOT NULL DEFAULT 0,
    status       char(1)     NOT NULL DEFAULT 'A' CHECK (status IN ('A', 'P', 'E', 'C'))
);
-- The key of an observation within a version; validation rejects duplicates before anything is written.
CREATE UNIQUE INDEX wh_observation_key ON wh_observation
    (version_id, indicator, period, region, occupation, education, country, sex, age, flow);
-- Explorer queries go by indicator and time across the current versions.
CREATE INDEX wh_observation_indicator ON wh_observation (indicator, period_start);
-- Rows arrive version by version through COPY, so version_id follows the physical order: a BRIN index
-- finds a version's rows at almost no cost in space or load time.
CREATE INDEX wh_observation_version_brin ON wh_observation USING brin (version_id);

-- Uploaded files waiting for the user's decision. Nothing reaches wh_observation until accepted.
CREATE TABLE wh_import (
    id            uuid PRIMARY KEY,
    dataset_code  varchar(60) NOT NULL,
    file_name     text NOT NULL,
    format        varchar(10) NOT NULL,
    file_sha256   char(64) NOT NULL,
    file_size     bigint NOT NULL,
    mapping       text NOT NULL,
    status        varchar(12) NOT NULL CHECK (status IN ('VALIDATING', 'VALID', 'INVALID', 'ACCEPTING', 'ACCEPTED',
                                                         'CANCELLED', 'FAILED')),
    row_count     integer,
    problem_count integer,
    report        text,
    version_id    integer REFERENCES wh_version (id),
    created_by    varchar(64) NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz
);

-- The latest version of each dataset; "as published on date X" picks the latest imported by then.
CREATE VIEW wh_current_version AS
SELECT DISTINCT ON (dataset_id) id, dataset_id, version, imported_at
FROM wh_version ORDER BY dataset_id, version DESC;

INSERT INTO wh_indicator (code, name_kk, name_ru, name_en, unit, per, definition_kk, definition_ru, definition_en) VALUES
('EMIGRANTS', 'Эмигранттар', 'Эмигранты', 'Emigrants', 'PERSONS', 'YEAR',
 'Тұрақты тұруға елден шығып кеткен адамдар саны (ағын).',
 'Число выбывших на постоянное жительство за пределы страны (поток).',
 'People who left the country for permanent residence (flow).'),
('IMMIGRANTS', 'Иммигранттар', 'Иммигранты', 'Immigrants', 'PERSONS', 'YEAR',
 'Тұрақты тұруға елге келген адамдар саны (ағын).',
 'Число прибывших на постоянное жительство в страну (поток).',
 'People who arrived for permanent residence (flow).'),
('NET_MIGRATION', 'Таза көші-қон', 'Сальдо миграции', 'Net migration', 'PERSONS', 'YEAR',
 'Келгендер минус кеткендер.', 'Прибывшие минус выбывшие.', 'Immigrants minus emigrants.'),
('POPULATION', 'Халық саны', 'Численность населения', 'Population', 'PERSONS', NULL,
 'Жыл басындағы халық саны.', 'Численность населения на начало года.', 'Population on 1 January.'),
('POP_TERTIARY_25PLUS', 'Жоғары білімді тұрғындар (25+)', 'Население 25+ с высшим образованием',
 'Resident population 25+ with tertiary education', 'PERSONS', NULL,
 'ISCED 5–8 деңгейлі білімі бар 25 жастан асқан тұрғындар.',
 'Жители в возрасте 25 лет и старше с образованием уровней МСКО 5–8.',
 'Residents aged 25 and over with education at ISCED levels 5–8.'),
('WAGE_AVG', 'Орташа жалақы', 'Средняя заработная плата', 'Average wage', 'KZT', 'MONTH',
 'Бір қызметкердің орташа айлық номиналды жалақысы.', 'Среднемесячная номинальная заработная плата.',
 'Average monthly nominal wage per employee.'),
('WAGE_ABROAD', 'Шетелдегі жалақы', 'Заработная плата за рубежом', 'Pay abroad', 'USD', 'YEAR',
 'Салыстыру елдегі жалақы, жергілікті немесе көрсетілген валютада.', 'Заработная плата в стране сравнения.',
 'Pay in the comparison country.'),
('GERD_GDP', 'ҒЗТКЖ шығыстары, ЖІӨ-ге %', 'Расходы на НИОКР, % ВВП', 'R&D expenditure, % of GDP', 'PERCENT_GDP', 'YEAR',
 'Ғылыми зерттеулер мен тәжірибелік-конструкторлық жұмыстарға ішкі шығындар (GERD), ЖІӨ-ге пайызбен.',
 'Внутренние затраты на исследования и разработки (GERD) в процентах к ВВП.',
 'Gross domestic expenditure on R&D (GERD) as a percentage of GDP.'),
('EXCHANGE_RATE', 'Айырбас бағамы', 'Обменный курс', 'Exchange rate', 'LCU_PER_USD', NULL,
 'Бір АҚШ долларына шаққандағы ұлттық валюта бірліктері, кезең орташасы.',
 'Единиц национальной валюты за доллар США, среднее за период.',
 'National currency units per US dollar, period average.'),
('PPP_FACTOR', 'Сатып алу қабілетінің паритеті', 'Паритет покупательной способности', 'PPP conversion factor',
 'LCU_PER_INTL_DOLLAR', NULL,
 'Бір халықаралық долларға шаққандағы ұлттық валюта бірліктері (ЖІӨ бойынша).',
 'Единиц национальной валюты за международный доллар (по ВВП).',
 'National currency units per international dollar (GDP).');
