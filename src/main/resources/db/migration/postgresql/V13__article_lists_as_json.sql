-- An article's lists move from six child tables (about 30 rows per article) into JSON columns of the article row:
-- an import then writes 2 rows per article instead of about 32, and reading an article is one row. Nothing queries
-- inside the lists in SQL (search reads them from the Lucene index). The JSON keys are the field names of
-- org.cortexlit.library.{AbstractSection, Author, MeshHeading, Identifier}; an empty list is NULL. The same
-- migration as H2's (db/migration/h2), in PostgreSQL's JSON functions.
alter table article
    add column abstract_json          varchar(1000000),
    add column authors_json           varchar(1000000),
    add column mesh_json              varchar(1000000),
    add column publication_types_json varchar(1000000),
    add column keywords_json          varchar(1000000),
    add column identifiers_json       varchar(1000000);

update article a set
    abstract_json = (select cast(json_agg(json_strip_nulls(json_build_object('label', s.label, 'nlmCategory',
            s.nlm_category, 'text', s.text, 'html', s.html)) order by s.position) as varchar)
        from article_abstract_section s where s.article_id = a.id),
    authors_json = (select cast(json_agg(json_strip_nulls(json_build_object('lastName', u.last_name, 'foreName',
            u.fore_name, 'initials', u.initials, 'collectiveName', u.collective_name, 'affiliations', u.affiliations))
            order by u.position) as varchar)
        from article_author u where u.article_id = a.id),
    mesh_json = (select cast(json_agg(json_strip_nulls(json_build_object('descriptor', m.descriptor, 'major', m.major,
            'qualifiers', m.qualifiers)) order by m.position) as varchar)
        from article_mesh m where m.article_id = a.id),
    publication_types_json = (select cast(json_agg(p.name order by p.position) as varchar)
        from article_publication_type p where p.article_id = a.id),
    keywords_json = (select cast(json_agg(k.keyword order by k.position) as varchar)
        from article_keyword k where k.article_id = a.id),
    identifiers_json = (select cast(json_agg(json_build_object('type', i.id_type, 'value', i.id_value) order by i.position)
            as varchar)
        from article_identifier i where i.article_id = a.id);

drop table article_abstract_section;
drop table article_author;
drop table article_mesh;
drop table article_publication_type;
drop table article_keyword;
drop table article_identifier;
