package org.cortexlit.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.document.Document;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * "Similar articles" in the spirit of PubMed's related-citations measure: the distinctive words of the
 * title (weighted double), of the abstract, and the MeSH headings; authors and journal are ignored.
 */
@ApplicationScoped
public class SimilarArticles {

    private static final int MAX_SIZE = 100;

    private final SearchIndex index;

    public SimilarArticles(SearchIndex index) {
        this.index = index;
    }

    /** Articles most like the one with key {@code pmid} (a PMID or CL&lt;id&gt;), best first; empty when it is not in the index. */
    public Optional<List<SearchService.Hit>> similarTo(String pmid, int size) throws IOException {
        int n = Math.max(1, Math.min(size, MAX_SIZE));
        return index.withSearcher(searcher -> {
            TopDocs self = searcher.search(new TermQuery(ArticleDocuments.idTerm(pmid)), 1);
            if (self.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Document d = searcher.storedFields().document(self.scoreDocs[0].doc);
            Query like = likeQuery(searcher, List.of(d), List.of(pmid));
            return Optional.of(run(searcher, like, n));
        });
    }

    /** Articles like a set of articles (say, a review's included studies), the set itself excluded. */
    public List<SearchService.Hit> similarToAll(Collection<String> pmids, int size) throws IOException {
        int n = Math.max(1, Math.min(size, MAX_SIZE));
        return index.withSearcher(searcher -> {
            List<Document> docs = new ArrayList<>();
            for (String p : pmids) {
                TopDocs t = searcher.search(new TermQuery(ArticleDocuments.idTerm(p)), 1);
                if (t.scoreDocs.length > 0) {
                    docs.add(searcher.storedFields().document(t.scoreDocs[0].doc));
                }
            }
            return docs.isEmpty() ? List.of() : run(searcher, likeQuery(searcher, docs, pmids), n);
        });
    }

    private Query likeQuery(IndexSearcher searcher, List<Document> docs, Collection<String> exclude) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        addLike(b, searcher, docs, IndexFields.TITLE, 2f);
        addLike(b, searcher, docs, IndexFields.ABSTRACT, 1f);
        addLike(b, searcher, docs, IndexFields.MESH, 1f);
        for (String p : exclude) {
            b.add(new TermQuery(ArticleDocuments.idTerm(p)), BooleanClause.Occur.MUST_NOT);
        }
        return b.build();
    }

    private void addLike(BooleanQuery.Builder b, IndexSearcher searcher, List<Document> docs, String field, float boost)
            throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(index.analyzer());
        mlt.setFieldNames(new String[]{field});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        mlt.setMaxDocFreqPct(20); // words in more than a fifth of the corpus say nothing
        mlt.setMinWordLen(3);
        mlt.setMaxQueryTerms(25);
        mlt.setBoost(true);
        List<StringReader> texts = new ArrayList<>();
        for (Document d : docs) {
            for (String v : d.getValues(field)) {
                texts.add(new StringReader(v));
            }
        }
        if (texts.isEmpty()) {
            return;
        }
        Query q = mlt.like(field, texts.toArray(new StringReader[0]));
        if (q instanceof BooleanQuery bq && bq.clauses().isEmpty()) {
            return;
        }
        b.add(new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
    }

    private static List<SearchService.Hit> run(IndexSearcher searcher, Query q, int n) throws IOException {
        TopDocs top = searcher.search(q, n);
        List<SearchService.Hit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            Document d = searcher.storedFields().document(sd.doc);
            hits.add(SearchService.hit(d, sd.score, null, null));
        }
        return hits;
    }
}
