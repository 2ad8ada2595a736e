-- The name keys by year of birth (frontline_name_key.born: V6, filled by V7 of each schema): the person search
-- reads the holders of a full or pair key born in one of three years (the year asked and one either
-- side) as three index ranges, and the holders whose year is unknown (born IS NULL) as a fourth,
-- without visiting the table. One file for every schema, like V4.
CREATE INDEX frontline_name_key_born ON frontline_name_key (key_kind, born, key, record_ref)
    WHERE key_kind IN ('f', 'p');
ANALYZE frontline_name_key;
