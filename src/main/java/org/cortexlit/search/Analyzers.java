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
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The one place analyzers are built: indexing, querying and highlighting all use {@link #create()}. */
public final class Analyzers {

    private Analyzers() {
    }

    /** Text fields: standard tokenizer, possessives dropped, lower case, accents folded ("Müller" finds
     * "Muller"). No stop words and no stemming, as in PubMed: reviewers use truncation ({@code stimul*}). */
    public static Analyzer text() {
        return text(UnaryOperator.identity());
    }

    /** The text fields' analyzer, its words then passed through {@code last}. */
    private static Analyzer text(UnaryOperator<TokenStream> last) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new EnglishPossessiveFilter(source);
                result = new LowerCaseFilter(result);
                result = new ASCIIFoldingFilter(result);
                return new TokenStreamComponents(source, last.apply(result));
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

    /** The words {@code analyzer} makes of {@code text} in {@code field}, in order (stacked tokens included). */
    public static List<String> words(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term =
                    ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            // a StringReader cannot fail; this would be a broken analyzer, not bad input
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The per-field analyzer for the whole index: keyword fields are not tokenized; the {@link IndexFields#PHRASE_FIELDS}
     * also get the tokens of the {@link PhraseIndex#standard() phrase index}. Queries may analyse their words with it
     * too: the query builder reads the words only (a phrase token is stacked on its last word's position).
     */
    public static Analyzer create() {
        Analyzer keyword = new KeywordAnalyzer();
        Map<String, Analyzer> perField = new HashMap<>();
        for (String f : new String[]{IndexFields.PMID, IndexFields.KEY, IndexFields.DOI, IndexFields.LANGUAGE,
                IndexFields.AUTHOR_KEY, IndexFields.FIRST_AUTHOR_KEY, IndexFields.LAST_AUTHOR_KEY}) {
            perField.put(f, keyword);
        }
        Analyzer phrases = text(PhraseIndex.standard()::filter);
        for (String f : IndexFields.PHRASE_FIELDS) {
            perField.put(f, phrases);
        }
        return new PerFieldAnalyzerWrapper(text(), perField);
    }
}
