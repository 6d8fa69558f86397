-- Obligation rules as published (issue 15), the award attributes they need, and effective dates in the status
-- history. See docs/decisions/0024-obligation-rules-as-published.md.

-- Award attributes the 2025 changes and the repayment rule depend on. Defaults keep every existing award as the
-- engine saw it before: no foreign grant, no honours, spending not recorded (the budget is then used).
ALTER TABLE reg_award ADD COLUMN foreign_grant boolean NOT NULL DEFAULT false;
ALTER TABLE reg_award ADD COLUMN honours boolean NOT NULL DEFAULT false;
ALTER TABLE reg_award ADD COLUMN spent_kzt numeric(16, 2) CHECK (spent_kzt IS NULL OR spent_kzt >= 0);
COMMENT ON COLUMN reg_award.foreign_grant IS 'the scholar already held a foreign grant when awarded (2025: 4 and 2 years)';
COMMENT ON COLUMN reg_award.honours IS 'excellent study (from 13 July 2025: one year less)';
COMMENT ON COLUMN reg_award.spent_kzt IS 'what the operator has spent on the award to date; null: not recorded, the budget is assumed spent';

-- The day a change of state took effect (a decision's date, the fulfilment day, the day after the deadline), beside
-- "at", the moment it was recorded. Rows recorded before this column have only "at".
ALTER TABLE reg_status_history ADD COLUMN effective_on date;
COMMENT ON COLUMN reg_status_history.effective_on IS 'the day the state took effect; null for rows recorded before V80';

-- What a breach declared on the evaluation day would cost, for worklists of overdue and breach-eligible scholars;
-- null where no breach can be declared (fulfilled, or already in a debt state, where repay_kzt holds the debt).
ALTER TABLE reg_obligation ADD COLUMN owed_if_declared_kzt numeric(16, 2);

-- Version 1 is the placeholder Agyn used to start with (5 years anywhere); databases that already have it keep
-- it, and awards bound to it keep it (rules never change an earlier award). Written here too so that version
-- numbers mean the same in every database.
INSERT INTO reg_rule_set (programme, version, valid_from, rules, note, created_by) VALUES
('BOLASHAK', 1, DATE '1993-11-05', $rules$programme = BOLASHAK
version = 1
validFrom = 1993-11-05
requiredYears = 5
returnDeadlineMonths = 3
countedRegions = 
abroadCounts = false
countedSectors = 
gapRule = PAUSE
graceDays = 0
maxBreakDays = 180
repayment = PRO_RATA
penaltyRate = 0.1
deferralsExtendDeadline = true
$rules$, 'Defaults: 5 years in Kazakhstan, back within 3 months, repayment pro rata plus 10%', 'system')
ON CONFLICT (programme, version) DO NOTHING;

-- Version 2: the published terms. Sources: the operator (JSC "Center for International Programs", bolashak.gov.kz,
-- "Obligations of scholarship holders") and the press as summarised in /work/shared/BRIEF.md: 5 years in Astana,
-- Almaty or Shymkent, 3 years in the regions, internships 2-3 years, work in the specialty, repayment of what was
-- spent plus 10%. Agyn's assumptions, each a named key: returnDeadlineMonths, maxBreakDays, mixedPlaces,
-- internship terms (3 in the cities, 2 in the regions), repayment pro rata to the unfulfilled share, and the
-- specialty table (FLAG: shown, not enforced, until the operator confirms it).
INSERT INTO reg_rule_set (programme, version, valid_from, rules, note, created_by) VALUES
('BOLASHAK', 2, DATE '1993-11-05', $rules$programme = BOLASHAK
version = 2
validFrom = 1993-11-05
requiredYears = 5
returnDeadlineMonths = 3
countedRegions = 
abroadCounts = false
countedSectors = 
gapRule = PAUSE
graceDays = 0
maxBreakDays = 180
repayment = SPENT_PRO_RATA
penaltyRate = 0.1
deferralsExtendDeadline = true
cityRegions = 71,75,79
regionYears = 3
internshipYears = 3
internshipRegionYears = 2
foreignGrantYearsLess = 0
honoursYearsLess = 0
minimumYears = 1
mixedPlaces = PROPORTIONAL
specialtyCheck = FLAG
specialtyAny = 11,12,13,14,23
lateReturnBreach = true
maxInstalmentYears = 15
specialty.00 = 2,3
specialty.01 = 23,26,34
specialty.02 = 26,34
specialty.03 = 24,26,33,34
specialty.04 = 24,26,33,34
specialty.05 = 21,25,31
specialty.06 = 21,25,35
specialty.07 = 21,31,35
specialty.08 = 21,22,31,32
specialty.09 = 22,26,32,34
specialty.10 = 24,26,33,34,51,54
$rules$, 'Published terms: 5 years in Astana (71), Almaty (75), Shymkent (79), 3 in the regions; internships 3/2; repay what was spent plus 10%. Source: operator (Center for International Programs, bolashak.gov.kz) and press, see BRIEF "The Bolashak scholarship as published". Assumptions: return within 3 months, breaks over 180 days, mixed periods proportional, repayment pro rata to the unfulfilled share, specialty table flagged only.', 'system')
ON CONFLICT (programme, version) DO NOTHING;

-- Version 3: from 2025, 4 and 2 years for applicants who already hold a foreign grant. "From 2025" is read as
-- awards from 1 January 2025 (an assumption: the press gives the year only).
INSERT INTO reg_rule_set (programme, version, valid_from, rules, note, created_by) VALUES
('BOLASHAK', 3, DATE '2025-01-01', $rules$programme = BOLASHAK
version = 3
validFrom = 2025-01-01
requiredYears = 5
returnDeadlineMonths = 3
countedRegions = 
abroadCounts = false
countedSectors = 
gapRule = PAUSE
graceDays = 0
maxBreakDays = 180
repayment = SPENT_PRO_RATA
penaltyRate = 0.1
deferralsExtendDeadline = true
cityRegions = 71,75,79
regionYears = 3
internshipYears = 3
internshipRegionYears = 2
foreignGrantYearsLess = 1
honoursYearsLess = 0
minimumYears = 1
mixedPlaces = PROPORTIONAL
specialtyCheck = FLAG
specialtyAny = 11,12,13,14,23
lateReturnBreach = true
maxInstalmentYears = 15
specialty.00 = 2,3
specialty.01 = 23,26,34
specialty.02 = 26,34
specialty.03 = 24,26,33,34
specialty.04 = 24,26,33,34
specialty.05 = 21,25,31
specialty.06 = 21,25,35
specialty.07 = 21,31,35
specialty.08 = 21,22,31,32
specialty.09 = 22,26,32,34
specialty.10 = 24,26,33,34,51,54
$rules$, 'From 2025: 4 years in the cities and 2 in the regions for applicants who already hold a foreign grant (foreignGrantYearsLess = 1). Source: press on the 2025 rules, see BRIEF. Assumption: in force for awards from 1 January 2025.', 'system')
ON CONFLICT (programme, version) DO NOTHING;

-- Version 4: from 13 July 2025, one year less for excellent study.
INSERT INTO reg_rule_set (programme, version, valid_from, rules, note, created_by) VALUES
('BOLASHAK', 4, DATE '2025-07-13', $rules$programme = BOLASHAK
version = 4
validFrom = 2025-07-13
requiredYears = 5
returnDeadlineMonths = 3
countedRegions = 
abroadCounts = false
countedSectors = 
gapRule = PAUSE
graceDays = 0
maxBreakDays = 180
repayment = SPENT_PRO_RATA
penaltyRate = 0.1
deferralsExtendDeadline = true
cityRegions = 71,75,79
regionYears = 3
internshipYears = 3
internshipRegionYears = 2
foreignGrantYearsLess = 1
honoursYearsLess = 1
minimumYears = 1
mixedPlaces = PROPORTIONAL
specialtyCheck = FLAG
specialtyAny = 11,12,13,14,23
lateReturnBreach = true
maxInstalmentYears = 15
specialty.00 = 2,3
specialty.01 = 23,26,34
specialty.02 = 26,34
specialty.03 = 24,26,33,34
specialty.04 = 24,26,33,34
specialty.05 = 21,25,31
specialty.06 = 21,25,35
specialty.07 = 21,31,35
specialty.08 = 21,22,31,32
specialty.09 = 22,26,32,34
specialty.10 = 24,26,33,34,51,54
$rules$, 'From 13 July 2025: one year less for excellent study (honoursYearsLess = 1), applied to awards from that date. Source: press on the amendment of 13 July 2025, see BRIEF.', 'system')
ON CONFLICT (programme, version) DO NOTHING;
