-- Adopted measures and their KPIs (issue 18): each measure follows one KPI from its baseline to its target by a
-- deadline. The KPI is computed live from the warehouse (an indicator and a filter of its dimensions), from the
-- registry (a formula of the cohort analytics over obligation states) or from values entered by hand with their
-- evidence. The note's four recommendations are seeded here, marked from_note, so a first start shows them.
CREATE TABLE measure (
    id               bigserial PRIMARY KEY,
    name_kk          text NOT NULL,
    name_ru          text NOT NULL,
    name_en          text NOT NULL,
    owner_kk         text NOT NULL,
    owner_ru         text NOT NULL,
    owner_en         text NOT NULL,
    legal_basis      text,
    budget_kzt       numeric(20, 2) CHECK (budget_kzt >= 0),
    kpi_source       varchar(10) NOT NULL CHECK (kpi_source IN ('WAREHOUSE', 'REGISTRY', 'MANUAL')),
    kpi_unit         varchar(10) NOT NULL CHECK (kpi_unit IN ('PERCENT', 'KZT', 'COUNT')),
    indicator        varchar(40),
    dataset          varchar(100),
    filters          text,
    registry_formula varchar(20),
    baseline_value   numeric NOT NULL,
    baseline_year    integer NOT NULL CHECK (baseline_year BETWEEN 1990 AND 2100),
    target_value     numeric NOT NULL,
    target_year      integer NOT NULL CHECK (target_year BETWEEN 1990 AND 2100),
    deadline         date NOT NULL,
    status           varchar(10) NOT NULL CHECK (status IN ('ADOPTED', 'COMPLETED', 'SUSPENDED', 'CANCELLED')),
    from_note        boolean NOT NULL DEFAULT false,
    created_by       varchar(64) NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_by       varchar(64) NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (target_year >= baseline_year),
    CHECK (kpi_source <> 'WAREHOUSE' OR indicator IS NOT NULL),
    CHECK (kpi_source <> 'REGISTRY' OR registry_formula IS NOT NULL)
);

-- Values of a manually reported KPI: one a year, each with its evidence (a document, a link).
CREATE TABLE measure_value (
    measure_id  bigint NOT NULL REFERENCES measure (id),
    year        integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    value       numeric NOT NULL,
    evidence    text NOT NULL,
    entered_by  varchar(64) NOT NULL,
    entered_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (measure_id, year)
);

-- Comments and evidence on a measure: free text about the measure (not about people), a link or a file.
CREATE TABLE measure_comment (
    id           bigserial PRIMARY KEY,
    measure_id   bigint NOT NULL REFERENCES measure (id),
    body         text NOT NULL,
    link         text,
    file_name    text,
    file_type    text,
    file_content bytea,
    author       varchar(64) NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX measure_comment_measure ON measure_comment (measure_id, id);

-- What changed in a measure, field by field, by whom and when (the audit log holds that it changed).
CREATE TABLE measure_change (
    id          bigserial PRIMARY KEY,
    measure_id  bigint NOT NULL REFERENCES measure (id),
    changed_by  varchar(64) NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    field       varchar(40) NOT NULL,
    old_value   text,
    new_value   text
);
CREATE INDEX measure_change_measure ON measure_change (measure_id, id);

-- Two warehouse indicators the note's recommendations are measured by; their figures come by import.
INSERT INTO wh_indicator (code, name_kk, name_ru, name_en, unit, per, kind, source, definition_kk, definition_ru,
                          definition_en) VALUES
('RESEARCH_BUDGET', 'Ғылымға бюджеттік қаржы', 'Бюджетное финансирование науки', 'Public funding of research',
 'KZT', 'YEAR', 'LEVEL', NULL,
 'Ғылым мен зерттеулерге республикалық бюджеттен бір жылда бөлінген қаржы, теңгемен.',
 'Средства республиканского бюджета на науку и исследования за год, в тенге.',
 'Funds of the republican budget for science and research in a year, in tenge.'),
('RESEARCHER_WAGE', 'Ғылыми қызметкерлердің жалақысы', 'Заработная плата научных работников', 'Pay of researchers',
 'KZT', 'MONTH', 'LEVEL', NULL,
 'Ғылыми зерттеулер мен әзірлемелер саласындағы қызметкерлердің орташа айлық номиналды жалақысы.',
 'Среднемесячная номинальная заработная плата работников в сфере научных исследований и разработок.',
 'Average monthly nominal pay of employees in scientific research and development.');

-- The note's four recommendations (analytical note of 6 November 2024), with its figures as baselines.
INSERT INTO measure (name_kk, name_ru, name_en, owner_kk, owner_ru, owner_en, legal_basis, budget_kzt, kpi_source,
                     kpi_unit, indicator, dataset, filters, registry_formula, baseline_value, baseline_year,
                     target_value, target_year, deadline, status, from_note, created_by, updated_by) VALUES
('«Болашақ» түлектерінің оралуын арттыру', 'Повышение возврата выпускников «Болашак»',
 'Raise the return of Bolashak graduates',
 'Ғылым және жоғары білім министрлігі', 'Министерство науки и высшего образования',
 'Ministry of Science and Higher Education', NULL, NULL, 'REGISTRY', 'PERCENT', NULL, NULL, NULL, 'RETURN_RATE',
 40, 2024, 70, 2030, DATE '2030-12-31', 'ADOPTED', true, 'system', 'system'),
('Ғылымға бюджеттік қаржыны екі есе арттыру', 'Удвоение бюджетного финансирования науки',
 'Double public funding of research',
 'Ғылым және жоғары білім министрлігі', 'Министерство науки и высшего образования',
 'Ministry of Science and Higher Education', NULL, NULL, 'WAREHOUSE', 'KZT', 'RESEARCH_BUDGET', NULL, NULL, NULL,
 5000000000, 2024, 10000000000, 2030, DATE '2030-12-31', 'ADOPTED', true, 'system', 'system'),
('Шетелдік университеттермен келісімдер', 'Соглашения с зарубежными университетами',
 'Agreements with foreign universities',
 'Ғылым және жоғары білім министрлігі', 'Министерство науки и высшего образования',
 'Ministry of Science and Higher Education', NULL, NULL, 'MANUAL', 'COUNT', NULL, NULL, NULL, NULL,
 10, 2024, 15, 2028, DATE '2028-12-31', 'ADOPTED', true, 'system', 'system'),
('Ғылыми қызметкерлердің жалақысын 30%-ға арттыру', 'Повышение заработной платы научных работников на 30%',
 'Raise researchers'' pay by 30%',
 'Ғылым және жоғары білім министрлігі', 'Министерство науки и высшего образования',
 'Ministry of Science and Higher Education', NULL, NULL, 'WAREHOUSE', 'KZT', 'RESEARCHER_WAGE', NULL, NULL, NULL,
 200000, 2024, 260000, 2030, DATE '2030-12-31', 'ADOPTED', true, 'system', 'system');
