-- Hidden emigration (issue 20): a run's estimate published as a warehouse dataset, so that the explorer, metrics and
-- notes can use it. Two stocks at the period's last month, of the persons the extracts hold: those estimated to have
-- emigrated (deregistered or not) and those of them who did not deregister. Kept apart from EMIGRANTS (the official
-- yearly flow of deregistrations) and MIRROR_INFLOW: different measurements, never summed or substituted.
INSERT INTO wh_indicator (code, name_kk, name_ru, name_en, unit, per, kind, source, definition_kk, definition_ru,
                          definition_en) VALUES
('EMIGRANTS_ESTIMATED', 'Тіркелімдердегі тіршілік белгілері бойынша бағаланған эмигранттар',
 'Эмигранты, оценённые по признакам жизни в регистрах',
 'Emigrants estimated from register signs of life', 'PERSONS', NULL, 'STOCK',
 'Agyn: residency index (decision 0044)',
 'Кезең басында тіркелімдерде болған, тіркелімдердегі тіршілік белгілері мен шекарадан өту деректері бойынша кезең соңына дейін елден кетті деп бағаланған тұлғалар (есептен шыққан-шықпағанына қарамастан); кезең — соңғы айы. Бағалау әдісі: тұрғылықты болу индексі (Agyn, 0044 шешімі).',
 'Лица, бывшие в регистрах в начале периода и оценённые по признакам жизни в регистрах и пересечениям границы как уехавшие к его концу (снявшиеся с учёта или нет); период — его последний месяц. Метод оценки: индекс резидентства (Agyn, решение 0044).',
 'Persons in the registers at the start of the period estimated, from their signs of life in the registers and their border crossings, to have emigrated by its end (deregistered or not); the period is its last month. Method: the residency index (Agyn, decision 0044).'),
('EMIGRANTS_HIDDEN', 'Жасырын эмигранттар (бағалау)', 'Скрытые эмигранты (оценка)',
 'Hidden emigrants (estimate)', 'PERSONS', NULL, 'STOCK',
 'Agyn: residency index (decision 0044)',
 'Елден кетті деп бағаланған (EMIGRANTS_ESTIMATED), бірақ кезең соңына дейін эмигрант ретінде ресми есептен шықпаған тұлғалар: ресми санақ көрмейтіндер.',
 'Лица, оценённые как уехавшие (EMIGRANTS_ESTIMATED), но не снявшиеся с учёта как эмигранты к концу периода: те, кого не видит официальный учёт.',
 'Persons estimated to have emigrated (EMIGRANTS_ESTIMATED) who had not deregistered as emigrants by the end of the period: those the official count misses.');

ALTER TABLE residency_run ADD COLUMN published_dataset varchar(60);
ALTER TABLE residency_run ADD COLUMN published_version integer;
