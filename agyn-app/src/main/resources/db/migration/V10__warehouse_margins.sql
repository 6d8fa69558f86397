-- Population margins from the indicator warehouse: the young specialists the survey of migration intentions
-- samples, as an indicator, and each survey's choice of the warehouse dataset and year its weights are raked to.

-- Ages and levels are fixed by the indicator's definition and also coded in the observations' AGE and EDUCATION
-- dimensions (Y18T24, Y25T29, Y30T35; ISCED 4 to 8), so the cube can be broken down like any other.
INSERT INTO wh_indicator (code, name_kk, name_ru, name_en, unit, per, definition_kk, definition_ru, definition_en) VALUES
('POP_YOUNG_SPECIALISTS', 'Жас мамандар (18–35 жас, ISCED 4–8)', 'Молодые специалисты (18–35 лет, МСКО 4–8)',
 'Young specialists (aged 18–35, ISCED 4–8)', 'PERSONS', NULL,
 'Жыл басындағы 18–35 жастағы, орта білімнен кейінгі немесе жоғары білімі (ISCED 4–8 деңгейлері) бар тұрғындар.',
 'Жители в возрасте 18–35 лет с послесредним или высшим образованием (уровни МСКО 4–8) на начало года.',
 'Residents aged 18 to 35 with post-secondary or tertiary education (ISCED levels 4–8) on 1 January.');

-- margin_dataset and margin_period name the warehouse figures a survey is weighted to; when they are set the
-- survey's own survey_margin rows are not used. Both or neither.
ALTER TABLE survey ADD COLUMN margin_dataset varchar(60);
ALTER TABLE survey ADD COLUMN margin_period varchar(10);
ALTER TABLE survey ADD CONSTRAINT survey_margin_warehouse_both
    CHECK ((margin_dataset IS NULL) = (margin_period IS NULL));

-- The demonstration waves were weighted to margins made up for them; the synthetic warehouse population now
-- holds the same population, so they take it from there (the 2025 wave too: 2024 is the latest year it holds).
UPDATE survey SET margin_dataset = 'synthetic-population', margin_period = '2024'
WHERE code IN ('demo-young-specialists-2024', 'demo-young-specialists-2025');
