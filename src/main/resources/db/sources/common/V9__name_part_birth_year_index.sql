-- The part keys by year of birth (issue #18): with a year of birth asked, the person search also reads,
-- for each part of the query, its holders born within a year of it (three index ranges), whatever
-- the other parts of their names. A typo or a spelling no key folds in one part ("Svooda" for Svoboda,
-- "Sadeqi" for Sadeghi) breaks that part's key and every pair and full key it is in; the other part,
-- with the year, still finds the person among a few hundred holders, where reading the part alone
-- among a million persons would bring thousands. One file for every schema, like V8.
-- born leads, not key_kind: the predicate makes key_kind = 't' redundant, and PostgreSQL then drops it from
-- the index condition, so a leading key_kind would leave born unbounded and the scan would walk the index.
CREATE INDEX frontline_name_key_part_born ON frontline_name_key (born, key, record_ref)
    WHERE key_kind = 't';
ANALYZE frontline_name_key;
