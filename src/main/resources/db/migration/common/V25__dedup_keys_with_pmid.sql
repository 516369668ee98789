-- The deduplication looks up, for a record with a PMID, only the articles without one that share its DOI or title key
-- (two PMIDs are two citations). With the PMID in the index the lookup skips the articles that have one without
-- reading their rows; a lookup by the key alone uses the same index.
create index article_doi_key_pmid on article (doi_key, pmid);
create index article_title_key_pmid on article (title_key, pmid);
drop index article_doi_key;
drop index article_title_key;
