-- Issue 13: a mapping saved under a name, so that the next edition of a publication (UN DESA's International
-- Migrant Stock, a bureau's yearly table) loads in one click from the import page, the API or the command line.
-- The mapping is the same JSON an import keeps in wh_import.mapping (docs/formats/import-mapping.md).
CREATE TABLE wh_import_template (
    name         varchar(100) PRIMARY KEY,
    description  text,
    dataset_code varchar(64),
    mapping      text         NOT NULL,
    created_by   varchar(64)  NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_by   varchar(64)  NOT NULL,
    updated_at   timestamptz  NOT NULL DEFAULT now()
);

-- Channel Islands: a "country or area" of UN statistics (M49 830) and of the World Bank (CHI) for which ISO
-- 3166-1 has no code, since it codes Jersey and Guernsey apart. Publishers give figures for the pair only, so
-- the pair gets a code of ISO's user-assigned range (XC) to be stored and shown at all.
INSERT INTO country (iso2, iso3, numeric_code, name_kk, name_ru, name_en, currency)
VALUES ('XC', 'CHI', '830', 'Нормандия аралдары', 'Нормандские острова', 'Channel Islands', 'GBP');
UPDATE reference_source SET source = source
    || ' Plus Channel Islands (XC, CHI, 830): UN M49 area 830 and World Bank code CHI, which ISO 3166-1 does not code (it codes Jersey and Guernsey apart); alpha-2 from ISO''s user-assigned range.'
 WHERE table_name = 'country';
