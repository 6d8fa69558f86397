-- Indicators the shipped real datasets need (src/main/resources/realdata, loaded by kz.agyn.warehouse.internal.RealData).
-- Each describes what the publisher measures, so that a figure is never stored under an indicator that means something
-- else: the World Bank's population is a mid-year estimate (POPULATION is on 1 January), its net migration describes a
-- country (NET_MIGRATION is the flow to and from Kazakhstan), and UN DESA counts people living abroad (a stock), not
-- people leaving in a year (EMIGRANTS, a flow).
-- The kind (V19) is set just below for each of these indicators; a default only for the length of this insert.
ALTER TABLE wh_indicator ALTER COLUMN kind SET DEFAULT 'LEVEL';
INSERT INTO wh_indicator (code, name_kk, name_ru, name_en, unit, per, definition_kk, definition_ru, definition_en) VALUES
('MIGRANT_STOCK', 'Халықаралық мигранттар саны', 'Численность международных мигрантов', 'International migrant stock',
 'PERSONS', NULL,
 'Туған елінен (туған жері тіркелмеген жерде — азаматтығы бар елден) басқа елде тұратын адамдар, жыл ортасына. IMM — Қазақстанда тұратындар, шыққан елі бойынша; EMI — шетелде тұратын Қазақстанда туғандар, баратын елі бойынша.',
 'Лица, проживающие в стране, отличной от страны рождения (где место рождения не учитывается — от страны гражданства), на середину года. IMM — живущие в Казахстане, по стране происхождения; EMI — уроженцы Казахстана за рубежом, по стране назначения.',
 'People living in a country other than their country of birth (where birthplace is not recorded, of citizenship), at mid-year. IMM: living in Kazakhstan, by country of origin; EMI: born in Kazakhstan and living abroad, by country of destination.'),
('POPULATION_MIDYEAR', 'Халық саны (жыл ортасы)', 'Численность населения (на середину года)', 'Population, mid-year',
 'PERSONS', NULL,
 'Құқықтық мәртебесі мен азаматтығына қарамастан барлық тұрғындар, жыл ортасындағы бағалау; ел — ел бағанында.',
 'Все жители независимо от правового статуса и гражданства, оценка на середину года; страна указана в столбце страны.',
 'All residents regardless of legal status or citizenship, mid-year estimate, of the country in the country column.'),
('GDP_USD', 'ЖІӨ (ағымдағы АҚШ доллары)', 'ВВП (в текущих долларах США)', 'GDP (current US$)', 'USD', 'YEAR',
 'Сатып алушы бағасындағы жалпы ішкі өнім, ресми айырбас бағамы бойынша АҚШ долларына қайта есептелген; ел — ел бағанында.',
 'Валовой внутренний продукт в ценах покупателей, пересчитанный в доллары США по официальному курсу; страна указана в столбце страны.',
 'Gross domestic product at purchaser''s prices, converted to US dollars at official exchange rates, of the country in the country column.'),
('TERTIARY_ENROLMENT_GROSS', 'Жоғары білімге жалпы қамту коэффициенті', 'Валовой коэффициент охвата высшим образованием',
 'Gross enrolment ratio, tertiary', 'RATIO', NULL,
 'Кез келген жастағы жоғары білім (ISCED 5–8) алушылар саны орта мектептен кейінгі бесжылдық жас тобының 100 адамына шаққанда; 100-ден асуы мүмкін. Ел — ел бағанында.',
 'Число обучающихся в высшем образовании (МСКО 5–8) любого возраста на 100 человек пятилетней возрастной группы, следующей за окончанием средней школы; может превышать 100. Страна указана в столбце страны.',
 'Students enrolled in tertiary education (ISCED 5–8), of any age, per 100 people of the five-year age group following secondary school; can exceed 100. Of the country in the country column.'),
('COUNTRY_NET_MIGRATION', 'Елдің таза көші-қоны', 'Сальдо миграции страны', 'Net migration of a country', 'PERSONS', 'YEAR',
 'Жыл ішіндегі иммигранттар минус эмигранттар (азаматтар мен азамат еместер) ел бағанындағы ел үшін. NET_MIGRATION-нан айырмашылығы — Қазақстанға не Қазақстаннан ағынды емес, елді сипаттайды.',
 'Иммигранты минус эмигранты (граждане и неграждане) за год для страны в столбце страны. В отличие от NET_MIGRATION описывает страну, а не поток в Казахстан или из него.',
 'Immigrants minus emigrants, citizens and non-citizens, over the year, of the country in the country column. Unlike NET_MIGRATION it describes a country, not a flow to or from Kazakhstan.'),
('MOBILE_STUDENTS_ABROAD', 'Шетелде оқитын халықаралық мобильді студенттер', 'Международно мобильные студенты за рубежом',
 'Internationally mobile students abroad', 'COUNT', NULL,
 'Жоғары білім (ISCED 5–8) алу үшін шекарадан өткен, оқитын елі (ел бағанында) хабарлаған студенттер саны, оқу жылы бойынша. Жарияланғандай: ЮНЕСКО статистика институтының бағалаулары бөлшек болуы мүмкін.',
 'Число студентов, пересёкших границу ради высшего образования (МСКО 5–8), по данным страны обучения (в столбце страны), за учебный год. Как опубликовано: оценки Института статистики ЮНЕСКО могут быть дробными.',
 'Students who crossed a border to study at tertiary level (ISCED 5–8), as reported by the country where they study (the country column), by school year. As published: estimates of the UNESCO Institute for Statistics may be fractional.');

UPDATE wh_indicator SET kind = 'STOCK' WHERE code IN ('MIGRANT_STOCK', 'POPULATION_MIDYEAR', 'MOBILE_STUDENTS_ABROAD');
UPDATE wh_indicator SET kind = 'BALANCE' WHERE code = 'COUNTRY_NET_MIGRATION';
ALTER TABLE wh_indicator ALTER COLUMN kind DROP DEFAULT;
UPDATE wh_indicator SET source = 'World Bank, World Development Indicators' WHERE code IN ('POPULATION_MIDYEAR', 'GDP_USD',
    'TERTIARY_ENROLMENT_GROSS', 'COUNTRY_NET_MIGRATION');
UPDATE wh_indicator SET source = 'UN DESA, International Migrant Stock' WHERE code = 'MIGRANT_STOCK';
UPDATE wh_indicator SET source = 'UNESCO Institute for Statistics' WHERE code = 'MOBILE_STUDENTS_ABROAD';
