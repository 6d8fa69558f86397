-- Issue 15 (metrics): inputs the pay gaps need to keep currencies straight (docs/decisions/0025).
-- Pay abroad was accepted only in US dollars (WAGE_ABROAD), yet divided by the destination's own PPP factor, which is
-- in its own currency; pay published in euros, złoty or roubles had no place. WAGE_ABROAD_LCU holds pay in the
-- destination's own currency (unit LCU: the currency of the country in the country column), converted only with a
-- stated exchange rate. Pay is a consumption matter, so the household-consumption PPP factor (WDI PA.NUS.PRVT.PP)
-- is preferred to the GDP one (PA.NUS.PPP) where a dataset holds it.
ALTER TABLE wh_indicator DROP CONSTRAINT wh_indicator_unit_check;
ALTER TABLE wh_indicator ADD CONSTRAINT wh_indicator_unit_check CHECK (unit IN ('PERSONS', 'PERCENT', 'PERCENT_GDP',
    'KZT', 'USD', 'EUR', 'LCU', 'LCU_PER_USD', 'LCU_PER_INTL_DOLLAR', 'RATIO', 'COUNT'));

INSERT INTO wh_indicator (code, name_kk, name_ru, name_en, unit, per, kind, definition_kk, definition_ru, definition_en) VALUES
('WAGE_ABROAD_LCU', 'Шетелдегі жалақы (сол елдің валютасында)', 'Заработная плата за рубежом (в валюте страны)',
 'Pay abroad (in the country''s currency)', 'LCU', 'YEAR', 'LEVEL',
 'Ел бағанындағы елдегі жалақы, сол елдің ұлттық валютасында (мысалы, Германия үшін еуро).',
 'Заработная плата в стране из столбца страны, в её национальной валюте (например, в евро для Германии).',
 'Pay in the country of the country column, in that country''s own currency (e.g. euros for Germany).'),
('PPP_FACTOR_CONSUMPTION', 'СҚП конверсия коэффициенті (жеке тұтыну)',
 'Коэффициент пересчёта по ППС (частное потребление)', 'PPP conversion factor, private consumption',
 'LCU_PER_INTL_DOLLAR', NULL, 'LEVEL',
 'Бір халықаралық долларға шаққандағы ұлттық валюта бірліктері, үй шаруашылықтарының тұтынуы бойынша (WDI PA.NUS.PRVT.PP).',
 'Единиц национальной валюты за международный доллар по потреблению домохозяйств (WDI PA.NUS.PRVT.PP).',
 'National currency units per international dollar, household final consumption (WDI PA.NUS.PRVT.PP).');
