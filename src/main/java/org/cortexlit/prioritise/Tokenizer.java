package org.cortexlit.prioritise;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a record's text into the words the features are made of. Implementations are thread-safe. */
public interface Tokenizer {

    /** The possessive the Lucene tokenizer drops from a term, dropped from its spelling too. */
    Pattern POSSESSIVE = Pattern.compile("['\u2019]s$");

    /** One word: the feature it counts towards ({@code term}, stemmed where the tokenizer stems) and its spelling in
     * the text, lower-cased ({@code surface}), which explanations show. */
    record Token(String term, String surface) {
    }

    List<Token> tokens(String text);

    /** The terms of {@code text}, in order. */
    default List<String> words(String text) {
        return tokens(text).stream().map(Token::term).toList();
    }

    /** A short description for reports ("sklearn", "lucene+stem"). */
    String describe();

    /**
     * scikit-learn's {@code TfidfVectorizer} default: lower case, then every match of {@code (?u)\b\w\w+\b} (runs of two
     * or more Unicode word characters; one-letter words and punctuation dropped, no stop words, no stemming).
     */
    static Tokenizer sklearn() {
        Pattern token = Pattern.compile("\\b\\w\\w+\\b", Pattern.UNICODE_CHARACTER_CLASS);
        return new Tokenizer() {
            @Override
            public List<Token> tokens(String text) {
                List<Token> out = new ArrayList<>();
                Matcher m = token.matcher(text.toLowerCase(Locale.ROOT));
                while (m.find()) {
                    out.add(new Token(m.group(), m.group()));
                }
                return out;
            }

            @Override
            public String describe() {
                return "sklearn";
            }
        };
    }

    /**
     * Lucene's standard tokenizer (Unicode word breaks, so "double-blind" is two words), possessives dropped ("rTMS's" is
     * "rtms"), lower case, accents folded, words of one character dropped; optionally Lucene's English stop words
     * removed and Porter stemming ("randomized" and "randomization" meet as "random"; British "-ised" stays apart).
     */
    static Tokenizer lucene(boolean stopWords, boolean stem) {
        Analyzer analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream result = new EnglishPossessiveFilter(source);
                result = new LowerCaseFilter(result);
                result = new ASCIIFoldingFilter(result);
                result = new LengthFilter(result, 2, 255);
                if (stopWords) {
                    result = new StopFilter(result, new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false));
                }
                if (stem) {
                    result = new PorterStemFilter(result);
                }
                return new TokenStreamComponents(source, result);
            }
        };
        return new Tokenizer() {
            @Override
            public List<Token> tokens(String text) {
                List<Token> out = new ArrayList<>();
                try (TokenStream ts = analyzer.tokenStream("text", text)) {
                    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) {
                        String surface = POSSESSIVE.matcher(text.substring(offset.startOffset(), offset.endOffset())
                                .toLowerCase(Locale.ROOT)).replaceFirst("");
                        out.add(new Token(term.toString(), surface));
                    }
                    ts.end();
                } catch (IOException e) {
                    // a StringReader cannot fail: this would be a broken analyzer, not bad input
                    throw new UncheckedIOException(e);
                }
                return out;
            }

            @Override
            public String describe() {
                return "lucene" + (stopWords ? "+stop" : "") + (stem ? "+stem" : "");
            }
        };
    }
}
