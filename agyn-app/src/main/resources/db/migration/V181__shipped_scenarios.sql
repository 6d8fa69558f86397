-- The note's four recommendations as ready scenarios (issue 17); the second comes in its two forms, a pay
-- supplement and a tax holiday. Their names and descriptions are read from the message bundles by `shipped`.
INSERT INTO scn_scenario (shipped, name, description, levers, owner) VALUES
 ('researchers_pay_30', 'Researchers'' pay +30%', '',
  '{"payChanges":[{"sector":"RESEARCH","change":0.30},{"sector":"EDUCATION","change":0.30}]}', 'agyn'),
 ('returnee_supplement_20', 'Scholars'' return: +20% supplement', '',
  '{"returneeSupplement":{"share":0.20,"years":3}}', 'agyn'),
 ('returnee_tax_holiday_2', 'Scholars'' return: 2 years free of income tax', '',
  '{"taxHolidayYears":2}', 'agyn'),
 ('research_budget_10bn', 'Research budget 5 → 10 bn KZT', '',
  '{"researchBudgetKzt":10000000000}', 'agyn'),
 ('partnerships_15', 'Partnerships 10 → 15', '',
  '{"partnerships":15}', 'agyn');
