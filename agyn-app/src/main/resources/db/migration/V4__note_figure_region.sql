-- The note gives one figure tied to a place: the IT incubator planned in Almaty (recommendation 3).
-- Keeping the region on the figure lets the map show it and later regional figures join the same way.
ALTER TABLE note_figure ADD COLUMN region_kato char(9);
UPDATE note_figure SET region_kato = '750000000' WHERE code = 'incubator_jobs';
