// Exact parity with Hugging Face's tokenizers on all 100,000 reviews of the full IMDb text:
// identical input_ids and word_ids for every review. The peer is HF's Rust tokenizer run from
// Python (tests/peer/hf_tokenize.py, the tokenizers package). Slow: both tokenizers read the whole corpus.
#include "masklab/corpus.h"
#include "masklab/tokenizer.h"
#include "peer_runner.h"
#include "test_support.h"

#include <QtTest>

using namespace masklab;
using namespace masklab::testing;

class TestParityFullImdb final : public QObject {
    Q_OBJECT

private slots:
    void allReviewsMatchHuggingFace()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto tokenizer = loadTokenizer(bertTokenizerJson());
        std::vector<std::string> texts;
        for (const char* split : {"train", "test", "unsup"}) {
            CorpusOptions options;
            options.split = split;
            Corpus corpus = readCorpus(fixture("imdb/aclImdb_v1_text_only.tar.xz"), options);
            for (Document& d : corpus.documents) texts.push_back(std::move(d.text));
        }
        QCOMPARE(texts.size(), std::size_t(100'000));

        const auto peer = peerEncode(bertTokenizerJson(), texts, dir.path());
        QCOMPARE(peer.size(), texts.size());
        const auto ours = tokenizer->encodeBatch({texts.begin(), texts.end()});
        std::size_t mismatches = 0, tokens = 0;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            tokens += ours[i].ids.size();
            if (ours[i].ids == peer[i].ids && ours[i].wordIds == peer[i].wordIds) continue;
            if (++mismatches <= 5) qWarning("review %zu differs from Hugging Face", i);
        }
        qInfo("%zu reviews, %zu tokens compared with Hugging Face tokenizers", texts.size(), tokens);
        QCOMPARE(mismatches, std::size_t(0));
        QCOMPARE(tokens, std::size_t(7'846'783 + 7'669'275 + 15'742'051));
    }
};

QTEST_GUILESS_MAIN(TestParityFullImdb)
#include "test_parity_full_imdb.moc"
