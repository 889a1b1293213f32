// The course's figures on the full IMDb text: every review's token count, the three splits'
// chunk counts (61,289 / 59,905 / 122,963) and the first chunks' ids. Slow: reads and
// tokenizes all 100,000 reviews.
#include "masklab/chunking.h"
#include "masklab/corpus.h"
#include "masklab/token_store.h"
#include "test_support.h"

#include <QtTest>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

using namespace masklab;
using namespace masklab::testing;
using nlohmann::json;

class TestCourseChunkCounts final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Tokenizer> m_tokenizer;
    json m_golden;
    std::map<std::string, std::vector<std::pair<std::string, std::size_t>>> m_lengths;  // split -> (file, n)

    void checkSplit(const char* split, const char* goldenName)
    {
        CorpusOptions options;
        options.split = split;
        const Corpus corpus = readCorpus(fixture("imdb/aclImdb_v1_text_only.tar.xz"), options);
        const TokenStore store = TokenStore::build(*m_tokenizer, corpus.documents);
        const auto& expected = m_lengths[goldenName];
        QCOMPARE(store.documentCount(), expected.size());
        for (std::size_t d = 0; d < expected.size(); ++d) {
            if (corpus.documents[d].source != expected[d].first || store.documentLength(d) != expected[d].second)
                QFAIL(qPrintable(QString("review %1: %2 with %3 tokens, golden %4 with %5")
                                     .arg(d)
                                     .arg(QString::fromStdString(corpus.documents[d].source))
                                     .arg(store.documentLength(d))
                                     .arg(QString::fromStdString(expected[d].first))
                                     .arg(expected[d].second)));
        }
        const json& golden = m_golden["computed"][goldenName];
        const ChunkSet chunks = groupTexts(store, ChunkOptions{});  // 128, groups of 1,000, drop
        QCOMPARE(chunks.tokens, golden["total_tokens"].get<std::size_t>());
        QCOMPARE(chunks.size(), m_golden["course_expected"][goldenName].get<std::size_t>());
        QCOMPARE(chunks.size() * 128 + chunks.droppedTokens, chunks.tokens);
        qInfo("%s: %zu reviews, %zu tokens, %zu chunks, %zu tokens dropped", split, store.documentCount(),
              chunks.tokens, chunks.size(), chunks.droppedTokens);

        if (std::string(split) == "train") {
            std::ifstream in(fixture("golden/course_train_first_chunks.json"));
            const json first = json::parse(in);
            const auto chunk0 = first["lm_train_chunk0_input_ids"].get<std::vector<int32_t>>();
            const auto chunk1 = first["lm_train_chunk1_input_ids"].get<std::vector<int32_t>>();
            QCOMPARE(std::vector<int32_t>(chunks.chunkIds(0), chunks.chunkIds(0) + 128), chunk0);
            QCOMPARE(std::vector<int32_t>(chunks.chunkIds(1), chunks.chunkIds(1) + 128), chunk1);
        }
    }

private slots:
    void initTestCase()
    {
        m_tokenizer = loadTokenizer(bertTokenizerJson());
        std::ifstream in(fixture("golden/course_chunk_counts.json"));
        m_golden = json::parse(in);
        std::ifstream tsv(fixture("golden/aclImdb_token_counts_course_order.tsv"));
        std::string line;
        std::getline(tsv, line);  // header
        while (std::getline(tsv, line)) {
            const auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
            m_lengths[line.substr(0, t1)].emplace_back(line.substr(t1 + 1, t2 - t1 - 1),
                                                       std::stoul(line.substr(t2 + 1)));
        }
        QCOMPARE(m_lengths.size(), std::size_t(3));
    }

    void train() { checkSplit("train", "train"); }
    void test() { checkSplit("test", "test"); }
    void unsupervised() { checkSplit("unsup", "unsupervised"); }
};

QTEST_GUILESS_MAIN(TestCourseChunkCounts)
#include "test_course_chunk_counts.moc"
