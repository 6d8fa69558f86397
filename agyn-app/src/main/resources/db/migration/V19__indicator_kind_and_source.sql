-- What an indicator measures decides whether a negative value can be true (issue 13: before, only a code
-- containing "NET" allowed one, so a percentage change or an SDMX balance could not be loaded). Existing
-- indicators get the kind kz.agyn.warehouse.IndicatorKind.infer gives; analysts correct it on the indicators page.
ALTER TABLE wh_indicator ADD COLUMN kind varchar(8);
UPDATE wh_indicator SET kind = CASE
    WHEN code LIKE '%NET%' THEN 'BALANCE'
    WHEN unit IN ('PERSONS', 'COUNT') AND per IS NULL THEN 'STOCK'
    WHEN unit IN ('PERSONS', 'COUNT') THEN 'FLOW'
    ELSE 'LEVEL' END;
ALTER TABLE wh_indicator ALTER COLUMN kind SET NOT NULL;
ALTER TABLE wh_indicator ADD CONSTRAINT wh_indicator_kind CHECK (kind IN ('STOCK', 'FLOW', 'BALANCE', 'LEVEL', 'CHANGE'));
-- A stock is a count at a date: it has no period.
ALTER TABLE wh_indicator ADD CONSTRAINT wh_indicator_stock_per CHECK (kind NOT IN ('STOCK', 'CHANGE') OR per IS NULL);
-- Where the definition comes from (a statistics office's methodology, a publication).
ALTER TABLE wh_indicator ADD COLUMN source text;
