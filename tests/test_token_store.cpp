// The tokenized-corpus cache: written once, mapped back, keyed by documents and tokenizer.
#include "masklab/corpus.h"
#include "masklab/token_store.h"
#include "masklab/wordpiece_tokenizer.h"
#include "test_support.h"

#include <QtTest>

using namespace masklab;
using namespace masklab::testing;

class TestTokenStore final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Tokenizer> m_tokenizer;
    std::vector<Document> m_docs;
    QTemporaryDir m_dir;

    static bool sameContent(const TokenStore& a, const TokenStore& b)
    {
        if (a.documentCount() != b.documentCount() || a.tokenCount() != b.tokenCount()) return false;
        for (std::size_t d = 0; d <= a.documentCount(); ++d)
            if (d < a.documentCount() && a.documentBegin(d) != b.documentBegin(d)) return false;
        return std::equal(a.ids(), a.ids() + a.tokenCount(), b.ids()) &&
               std::equal(a.wordIds(), a.wordIds() + a.tokenCount(), b.wordIds());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_tokenizer = loadTokenizer(bertTokenizerJson());
        m_docs = readCorpus(fixture("imdb/imdb_sample_1000.jsonl")).documents;
        QCOMPARE(m_docs.size(), std::size_t(1000));
    }

    void buildMatchesEncode()
    {
        const TokenStore store = TokenStore::build(*m_tokenizer, m_docs);
        QCOMPARE(store.documentCount(), m_docs.size());
        for (std::size_t d : {std::size_t(0), std::size_t(517), std::size_t(999)}) {
            const Encoding e = m_tokenizer->encode(m_docs[d].text);
            QCOMPARE(store.documentLength(d), e.size());
            QVERIFY(std::equal(e.ids.begin(), e.ids.end(), store.ids() + store.documentBegin(d)));
            QVERIFY(std::equal(e.wordIds.begin(), e.wordIds.end(), store.wordIds() + store.documentBegin(d)));
        }
    }

    void saveAndMapBack()
    {
        const TokenStore built = TokenStore::build(*m_tokenizer, m_docs);
        const std::string path = (m_dir.path() + "/store.bin").toStdString();
        built.save(path, 1234);
        const TokenStore mapped = TokenStore::open(path, 1234);
        QVERIFY(mapped.valid());
        QVERIFY(mapped.isMapped());
        QVERIFY(sameContent(built, mapped));
        QVERIFY(!TokenStore::open(path, 999).valid());  // another key
        QFile file(QString::fromStdString(path));
        QVERIFY(file.resize(file.size() - 4));          // truncated
        QVERIFY(!TokenStore::open(path, 1234).valid());
        QVERIFY(!TokenStore::open(path + ".missing", 1234).valid());
    }

    void secondRunReadsTheCache()
    {
        const std::string cache = (m_dir.path() + "/cache").toStdString();
        bool fromCache = true;
        const TokenStore first = tokenizeCached(*m_tokenizer, m_docs, cache, &fromCache);
        QVERIFY(!fromCache);
        const TokenStore second = tokenizeCached(*m_tokenizer, m_docs, cache, &fromCache);
        QVERIFY(fromCache);
        QVERIFY(second.isMapped());
        QVERIFY(sameContent(first, second));

        // A changed review, or another tokenizer, is a miss.
        std::vector<Document> changed = m_docs;
        changed[500].text += " extra";
        tokenizeCached(*m_tokenizer, changed, cache, &fromCache);
        QVERIFY(!fromCache);
        WordPieceConfig cased = static_cast<const WordPieceTokenizer&>(*m_tokenizer).config();
        cased.normalizer.lowercase = false;
        const WordPieceTokenizer casedTokenizer(cased);
        tokenizeCached(casedTokenizer, m_docs, cache, &fromCache);
        QVERIFY(!fromCache);
    }

    // Damage in a cache file (one offset, a flipped bit, overwritten ids, a header claiming 2^61
    // documents, a file of the old format) is caught on open: tokenizeCached rebuilds, and what
    // comes back equals a fresh build. Before the checksum, the first two crashed group_texts or
    // ran out of memory and the third silently trained on wrong tokens.
    void damagedCacheIsRebuiltNeverUsed_data()
    {
        QTest::addColumn<QString>("damage");
        for (const char* d : {"offset", "flipped-offset-bit", "ids", "word-ids", "documents-2^61", "tokens-2^61",
                              "old-format", "checksum"})
            QTest::newRow(d) << QString(d);
    }
    void damagedCacheIsRebuiltNeverUsed()
    {
        QFETCH(QString, damage);
        const std::string cache = (m_dir.path() + "/damaged-" + damage).toStdString();
        bool fromCache = true;
        const TokenStore fresh = tokenizeCached(*m_tokenizer, m_docs, cache, &fromCache);
        QVERIFY(!fromCache);
        QDir dir(QString::fromStdString(cache));
        const QStringList files = dir.entryList({"tokens-*.bin"});
        QCOMPARE(files.size(), 1);
        QFile file(dir.filePath(files.first()));
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 header = 40, offsets = header, ids = header + 8 * qint64(m_docs.size() + 1);
        const auto poke = [&](qint64 at, const QByteArray& bytes) {
            QVERIFY(file.seek(at));
            QCOMPARE(file.write(bytes), qint64(bytes.size()));
        };
        const auto u64 = [](quint64 v) { return QByteArray(reinterpret_cast<const char*>(&v), 8); };
        if (damage == "offset") poke(offsets + 8 * 500, u64(quint64(1) << 40));
        if (damage == "flipped-offset-bit") {
            QVERIFY(file.seek(offsets + 8 * 300 + 4));
            char c;
            QVERIFY(file.getChar(&c));
            poke(offsets + 8 * 300 + 4, QByteArray(1, char(c ^ 0x10)));
        }
        if (damage == "ids") poke(ids + 4 * 1000, QByteArray("\x07\x00\x00\x00\x09\x00\x00\x00", 8));
        if (damage == "word-ids") poke(ids + 4 * qint64(fresh.tokenCount()) + 4 * 77, QByteArray("\x05\x00\x00\x00", 4));
        if (damage == "documents-2^61") poke(16, u64(quint64(1) << 61));
        if (damage == "tokens-2^61") poke(24, u64(quint64(1) << 61));
        if (damage == "old-format") poke(7, QByteArray("1"));
        if (damage == "checksum") poke(32, u64(12345));
        file.close();

        const TokenStore again = tokenizeCached(*m_tokenizer, m_docs, cache, &fromCache);
        QVERIFY2(!fromCache, "a damaged cache file was used");
        QVERIFY(sameContent(fresh, again));
        // ... and the rebuilt file is whole again.
        tokenizeCached(*m_tokenizer, m_docs, cache, &fromCache);
        QVERIFY(fromCache);
    }

    void unwritableCacheStillTokenizes()
    {
        bool fromCache = true;
        const TokenStore store = tokenizeCached(*m_tokenizer, m_docs, "/proc/masklab-cannot-write", &fromCache);
        QVERIFY(!fromCache);
        QCOMPARE(store.documentCount(), m_docs.size());
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "test_token_store.moc"
