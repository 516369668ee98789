package org.cortexlit.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.util.Map;

/** The one place analyzers are built: indexing, querying and highlighting all use {@link #create()}. */
public final class Analyzers {

    private Analyzers() {
    }

    /** Text fields: standard tokenizer, possessives dropped, lower case, accents folded ("Müller" finds
     * "Muller"). No stop words and no stemming, as in PubMed: reviewers use truncation ({@code stimul*}). */
    public static Analyzer text() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new EnglishPossessiveFilter(source);
                result = new LowerCaseFilter(result);
                result = new ASCIIFoldingFilter(result);
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return IndexFields.POSITION_GAP;
            }
        };
    }

    /** The per-field analyzer for the whole index: keyword fields are not tokenized. */
    public static Analyzer create() {
        Analyzer keyword = new KeywordAnalyzer();
        return new PerFieldAnalyzerWrapper(text(), Map.of(
                IndexFields.PMID, keyword,
                IndexFields.KEY, keyword,
                IndexFields.DOI, keyword,
                IndexFields.LANGUAGE, keyword,
                IndexFields.AUTHOR_KEY, keyword,
                IndexFields.FIRST_AUTHOR_KEY, keyword,
                IndexFields.LAST_AUTHOR_KEY, keyword));
    }
}
