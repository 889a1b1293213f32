// group_texts: concatenation, cutting, the per-group drop, padding, labels and word ids.
#include "masklab/chunking.h"
#include "masklab/corpus.h"
#include "masklab/error.h"
#include "masklab/token_store.h"
#include "test_support.h"

#include <QtTest>

using namespace masklab;
using namespace masklab::testing;

namespace {

// A store of documents with the given lengths; token i of document d has id 1000*d + i and
// word id i (so every token can be traced).
TokenStore storeOfLengths(const std::vector<int>& lengths)
{
    std::vector<Document> docs;
    for (std::size_t d = 0; d < lengths.size(); ++d) {
        std::string text;
        for (int i = 0; i < lengths[d]; ++i) text += "w" + std::to_string(d) + "_" + std::to_string(i) + " ";
        docs.push_back({text, -1, -1, "", ""});
    }
    // A whitespace vocabulary of exactly these words, no specials around documents.
    class Identity final : public Tokenizer {
    public:
        Encoding encode(std::string_view text, bool) const override
        {
            Encoding e;
            int32_t word = 0;
            std::size_t pos = 0;
            while (pos < text.size()) {
                const std::size_t space = text.find(' ', pos);
                const std::string w(text.substr(pos, space - pos));
                const auto underscore = w.find('_');
                e.ids.push_back(1000 * std::stoi(w.substr(1, underscore - 1)) + std::stoi(w.substr(underscore + 1)));
                e.wordIds.push_back(word++);
                e.offsetBegin.push_back(0);
                e.offsetEnd.push_back(0);
                e.specialTokensMask.push_back(0);
                pos = space + 1;
            }
            return e;
        }
        std::string decode(const std::vector<int32_t>&, bool) const override { return {}; }
        int32_t vocabSize() const override { return 1 << 20; }
        std::string idToToken(int32_t) const override { return {}; }
        int32_t tokenToId(std::string_view) const override { return -1; }
        SpecialTokenIds specialTokens() const override { return {}; }
        bool isSpecial(int32_t) const override { return false; }
        uint64_t fingerprint() const override { return 7; }
        Message describe() const override { return Message("identity"); }
        void saveFiles(const std::string&) const override {}
    } identity;
    return TokenStore::build(identity, docs, 1);
}

}  // namespace

class TestChunking final : public QObject {
    Q_OBJECT

private slots:
    void courseExampleWithRealTokenizer()
    {
        // The course: reviews of 200, 559 and 192 tokens make 951 tokens, 7 full chunks of 128
        // and a tail of 55 that group_texts drops.
        CorpusOptions options;
        options.split = "train";
        Corpus corpus = readCorpus(fixture("imdb/aclImdb_sample"), options);
        corpus.documents.resize(3);
        const auto tokenizer = loadTokenizer(bertTokenizerJson());
        const TokenStore store = TokenStore::build(*tokenizer, corpus.documents);
        QCOMPARE(store.documentLength(0), std::size_t(200));
        QCOMPARE(store.documentLength(1), std::size_t(559));
        QCOMPARE(store.documentLength(2), std::size_t(192));
        const ChunkSet chunks = groupTexts(store, ChunkOptions{});
        QCOMPARE(chunks.size(), std::size_t(7));
        QCOMPARE(chunks.droppedTokens, std::size_t(55));
        QCOMPARE(chunks.tokens, std::size_t(951));
        // Chunks cross review boundaries: [SEP] [CLS] appear inside a chunk.
        bool seamInside = false;
        for (std::size_t i = 1; i < chunks.ids.size(); ++i)
            seamInside |= chunks.ids[i - 1] == 102 && chunks.ids[i] == 101 && i % 128 != 0;
        QVERIFY(seamInside);
        QCOMPARE(chunks.labels(0), std::vector<int32_t>(chunks.chunkIds(0), chunks.chunkIds(0) + 128));
        QCOMPARE(chunks.chunkWordIds(0)[0], -1);  // [CLS]
        QCOMPARE(chunks.chunkWordIds(0)[1], 0);
    }

    void dropsTheTailOfEachGroup()
    {
        const TokenStore store = storeOfLengths({5, 6, 7, 3});
        ChunkOptions options;
        options.chunkSize = 4;
        options.groupSize = 2;  // groups {5,6} = 11 -> 2 chunks, drop 3; {7,3} = 10 -> 2 chunks, drop 2
        const ChunkSet chunks = groupTexts(store, options);
        QCOMPARE(chunks.size(), std::size_t(4));
        QCOMPARE(chunks.droppedTokens, std::size_t(5));
        QCOMPARE(chunks.tokens, std::size_t(21));
        QCOMPARE(chunks.ids, (std::vector<int32_t>{0, 1, 2, 3, 4, 1000, 1001, 1002,
                                                   2000, 2001, 2002, 2003, 2004, 2005, 2006, 3000}));
        QCOMPARE(chunks.wordIds[4], 4);
        QCOMPARE(chunks.wordIds[5], 0);
        QCOMPARE(chunks.firstDocument, (std::vector<uint32_t>{0, 0, 2, 2}));
    }

    void wholeStreamGroupsOnce()
    {
        const TokenStore store = storeOfLengths({5, 6, 7, 3});
        ChunkOptions options;
        options.chunkSize = 4;
        options.groupSize = 0;  // 21 tokens -> 5 chunks, drop 1
        const ChunkSet chunks = groupTexts(store, options);
        QCOMPARE(chunks.size(), std::size_t(5));
        QCOMPARE(chunks.droppedTokens, std::size_t(1));
        QCOMPARE(chunks.ids.back(), 3001);
    }

    void padsTheTailWhenAsked()
    {
        const TokenStore store = storeOfLengths({5, 6});
        ChunkOptions options;
        options.chunkSize = 4;
        options.tail = TailPolicy::Pad;
        const ChunkSet chunks = groupTexts(store, options, 0);
        QCOMPARE(chunks.size(), std::size_t(3));
        QCOMPARE(chunks.paddedTokens, std::size_t(1));
        QCOMPARE(chunks.droppedTokens, std::size_t(0));
        const auto labels = chunks.labels(2);
        QCOMPARE(labels, (std::vector<int32_t>{1003, 1004, 1005, -100}));
        QCOMPARE(int(chunks.chunkAttention(2)[3]), 0);
        QCOMPARE(int(chunks.chunkAttention(2)[2]), 1);
    }

    void rejectsBadSizes()
    {
        const TokenStore store = storeOfLengths({5});
        ChunkOptions options;
        options.chunkSize = 0;
        QVERIFY_THROWS_EXCEPTION(Error, groupTexts(store, options));
    }
};

QTEST_GUILESS_MAIN(TestChunking)
#include "test_chunking.moc"
