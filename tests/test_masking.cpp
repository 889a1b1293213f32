// Token and whole-word masking: shares, special tokens, labels, seeds, review seams.
#include "masklab/chunking.h"
#include "masklab/corpus.h"
#include "masklab/error.h"
#include "masklab/masking.h"
#include "test_support.h"

#include <QtTest>

using namespace masklab;
using namespace masklab::testing;

class TestMasking final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Tokenizer> m_tokenizer;
    ChunkSet m_chunks;
    MaskingVocabulary m_vocabulary;

private slots:
    void initTestCase()
    {
        m_tokenizer = loadTokenizer(bertTokenizerJson());
        // Train and unsup of the sample: about 1.5 million tokens.
        CorpusOptions options;
        Corpus corpus = readCorpus(fixture("imdb/aclImdb_sample"), options);
        options.split = "unsup";
        Corpus unsup = readCorpus(fixture("imdb/aclImdb_sample"), options);
        corpus.documents.insert(corpus.documents.end(), unsup.documents.begin(), unsup.documents.end());
        const TokenStore store = TokenStore::build(*m_tokenizer, corpus.documents);
        m_chunks = groupTexts(store, ChunkOptions{});
        QVERIFY(m_chunks.ids.size() > 1'000'000);
        m_vocabulary = maskingVocabularyFor(*m_tokenizer);
    }

    void tokenSharesMatchTargets()
    {
        MaskingOptions options;  // 0.15, 80/10/10
        options.seed = 2024;
        const auto masked = maskAll(m_chunks, options, m_vocabulary);
        MaskingStats stats;
        for (std::size_t c = 0; c < masked.size(); ++c) stats.add(masked[c], m_chunks.chunkIds(c), m_vocabulary);
        QVERIFY(stats.eligibleTokens > 1'000'000);
        QVERIFY2(std::abs(stats.chosenShare() - 0.15) < 0.005, qPrintable(QString::number(stats.chosenShare())));
        QVERIFY2(std::abs(stats.maskedShare() - 0.80) < 0.005, qPrintable(QString::number(stats.maskedShare())));
        QVERIFY2(std::abs(stats.randomShare() - 0.10) < 0.005, qPrintable(QString::number(stats.randomShare())));
        QVERIFY2(std::abs(stats.keptShare() - 0.10) < 0.005, qPrintable(QString::number(stats.keptShare())));
    }

    void configurableShares()
    {
        MaskingOptions options;
        options.mlmProbability = 0.3;
        options.maskShare = 0.5;
        options.randomShare = 0.3;
        const auto masked = maskAll(m_chunks, options, m_vocabulary);
        MaskingStats stats;
        for (std::size_t c = 0; c < masked.size(); ++c) stats.add(masked[c], m_chunks.chunkIds(c), m_vocabulary);
        QVERIFY(std::abs(stats.chosenShare() - 0.3) < 0.005);
        QVERIFY(std::abs(stats.maskedShare() - 0.5) < 0.005);
        QVERIFY(std::abs(stats.randomShare() - 0.3) < 0.005);
        QVERIFY(std::abs(stats.keptShare() - 0.2) < 0.005);
        options.maskShare = 0.8;
        options.randomShare = 0.3;
        QVERIFY_THROWS_EXCEPTION(Error, maskAll(m_chunks, options, m_vocabulary));
    }

    void labelsAndSpecialTokens()
    {
        MaskingOptions options;
        options.mlmProbability = 0.9;  // many chosen, so a special token would be hit if allowed
        const auto masked = maskAll(m_chunks, options, m_vocabulary);
        for (std::size_t c = 0; c < 200; ++c) {
            const int32_t* original = m_chunks.chunkIds(c);
            const MaskedChunk& m = masked[c];
            for (std::size_t i = 0; i < m.outcome.size(); ++i) {
                if (m_vocabulary.isSpecial(original[i])) {
                    QCOMPARE(m.outcome[i], MaskOutcome::None);
                    QCOMPARE(m.inputIds[i], original[i]);
                }
                if (m.outcome[i] == MaskOutcome::None) {
                    QCOMPARE(m.labels[i], kIgnoreLabel);
                    QCOMPARE(m.inputIds[i], original[i]);
                } else {
                    QCOMPARE(m.labels[i], original[i]);
                }
                if (m.outcome[i] == MaskOutcome::Masked) QCOMPARE(m.inputIds[i], 103);
                if (m.outcome[i] == MaskOutcome::Kept) QCOMPARE(m.inputIds[i], original[i]);
                if (m.outcome[i] == MaskOutcome::Random) QVERIFY(m.inputIds[i] >= 0 && m.inputIds[i] < 30522);
            }
        }
    }

    void sameSeedSameMasksAnyThreadCount()
    {
        MaskingOptions options;
        options.seed = 7;
        const auto one = maskAll(m_chunks, options, m_vocabulary, 1);
        const auto two = maskAll(m_chunks, options, m_vocabulary, 2);
        QCOMPARE(one.size(), two.size());
        for (std::size_t c = 0; c < one.size(); ++c) QVERIFY(one[c].inputIds == two[c].inputIds);
        options.seed = 8;
        const auto other = maskAll(m_chunks, options, m_vocabulary, 2);
        std::size_t differing = 0;
        for (std::size_t c = 0; c < one.size(); ++c) differing += one[c].inputIds != other[c].inputIds;
        QVERIFY(differing > one.size() / 2);
    }

    void wholeWordMasksEveryPieceOfAWord()
    {
        MaskingOptions options;
        options.wholeWord = true;
        options.wwmProbability = 0.2;
        const auto masked = maskAll(m_chunks, options, m_vocabulary);
        MaskingStats stats;
        std::size_t multiPieceWordsMasked = 0;
        for (std::size_t c = 0; c < masked.size(); ++c) {
            stats.add(masked[c], m_chunks.chunkIds(c), m_vocabulary);
            const int32_t* words = m_chunks.chunkWordIds(c);
            const MaskedChunk& m = masked[c];
            for (std::size_t i = 1; i < m.outcome.size(); ++i) {
                // Two neighbouring pieces of one word share their fate.
                if (words[i] >= 0 && words[i] == words[i - 1]) {
                    QCOMPARE(m.outcome[i], m.outcome[i - 1]);
                    multiPieceWordsMasked += m.outcome[i] == MaskOutcome::Masked;
                }
                QVERIFY(m.outcome[i] == MaskOutcome::None || m.outcome[i] == MaskOutcome::Masked);
            }
        }
        QVERIFY(multiPieceWordsMasked > 1000);
        QVERIFY2(std::abs(stats.chosenShare() - 0.2) < 0.01, qPrintable(QString::number(stats.chosenShare())));
    }

    void wholeWordsDoNotMergeAcrossReviewSeams()
    {
        // "great [SEP] [CLS] movie": both words have word id 0 in their own review. They are two
        // words: over many seeds each is sometimes masked without the other.
        const std::vector<int32_t> ids{2307, 102, 101, 3185};
        const std::vector<int32_t> words{0, -1, -1, 0};
        MaskingOptions options;
        options.wholeWord = true;
        options.wwmProbability = 0.5;
        int onlyFirst = 0, onlySecond = 0;
        for (uint64_t seed = 0; seed < 200; ++seed) {
            options.seed = seed;
            const MaskedChunk m = maskChunk(ids.data(), words.data(), nullptr, ids.size(), options, m_vocabulary, 0);
            QCOMPARE(m.outcome[1], MaskOutcome::None);
            QCOMPARE(m.outcome[2], MaskOutcome::None);
            onlyFirst += m.outcome[0] == MaskOutcome::Masked && m.outcome[3] == MaskOutcome::None;
            onlySecond += m.outcome[0] == MaskOutcome::None && m.outcome[3] == MaskOutcome::Masked;
        }
        QVERIFY(onlyFirst > 20);
        QVERIFY(onlySecond > 20);
    }
};

QTEST_GUILESS_MAIN(TestMasking)
#include "test_masking.moc"
