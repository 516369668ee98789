package org.cortexlit.prioritise;

/**
 * How a review's records become TF-IDF vectors.
 *
 * @param tokenizer   the words
 * @param wordPairs   also use pairs of adjacent words ("motor cortex", "double blind") as features
 * @param minPairDf   a word pair becomes a feature only when at least this many records hold it: pairs seen once can
 *                    never generalise from one record to another, and they would multiply the vocabulary
 * @param sublinearTf {@code 1 + ln(tf)} instead of the raw count, so a word repeated ten times does not weigh ten times
 * @param titleTwice  the title's words count twice: a title states the topic, an abstract also its background
 * @param keywords    a record's MeSH headings and keywords are part of its text
 */
public record TextFeatures(Tokenizer tokenizer, boolean wordPairs, int minPairDf, boolean sublinearTf, boolean titleTwice,
                           boolean keywords) {

    /**
     * scikit-learn's {@code TfidfVectorizer()} with its defaults over title and abstract, as ASReview's default feature
     * extractor uses it (it reads no keywords).
     */
    public static TextFeatures sklearnDefaults() {
        return new TextFeatures(Tokenizer.sklearn(), false, 1, false, false, false);
    }

    public String describe() {
        return tokenizer.describe() + (wordPairs ? ",pairs(df>=" + minPairDf + ")" : "") + (sublinearTf ? ",sublinear" : "")
                + (titleTwice ? ",title x2" : "") + (keywords ? ",keywords" : "");
    }
}
