-- Mirror statistics (issue 20): what destination countries record as arrivals from Kazakhstan. Kept apart from
-- EMIGRANTS (Kazakhstan's own count of people who deregistered) on purpose: the two are different measurements of
-- the same movement, and the residency page shows the gap between them; stored under one indicator they would be
-- added up or one would silently replace the other in the explorer. The flow is EMI (an outflow seen from
-- Kazakhstan) and the country column is the destination that recorded it.
INSERT INTO wh_indicator (code, name_kk, name_ru, name_en, unit, per, kind, source, definition_kk, definition_ru,
                          definition_en) VALUES
('MIRROR_INFLOW', 'Баратын ел тіркеген Қазақстаннан келгендер',
 'Прибывшие из Казахстана по данным страны назначения',
 'Arrivals from Kazakhstan recorded by the destination', 'PERSONS', 'YEAR', 'FLOW',
 'Destination countries'' migration statistics (UN DESA, Eurostat)',
 'Бір жыл ішінде ел бағанындағы елге келіп тіркелген, бұрын тұрақты тұрған елі Қазақстан болған адамдар (азаматтығына қарамастан), сол елдің өз статистикасы бойынша. Қазақстанның ресми эмиграциясы (EMIGRANTS) тек тіркеуден шыққандарды санайды; айырмасы — айна статистикасы.',
 'Лица, прибывшие за год в страну, указанную в столбце страны, чьей прежней страной постоянного проживания был Казахстан (независимо от гражданства), по статистике самой страны назначения. Официальная эмиграция Казахстана (EMIGRANTS) учитывает только снявшихся с учёта; разница между ними — зеркальная статистика.',
 'People who arrived during the year in the country in the country column and whose previous country of usual residence was Kazakhstan (of any citizenship), as that destination''s own statistics record them. Kazakhstan''s official emigration (EMIGRANTS) counts only those who deregistered; the gap between the two is the mirror statistic.');
