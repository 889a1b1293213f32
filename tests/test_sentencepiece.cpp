// SentencePiece through libmasklab_sentencepiece.so: training unigram and BPE models on IMDb
// reviews, encoding (word ids, offsets, [CLS]/[SEP]), decoding, errors, and the point of the
// module: it coexists with the protobuf 3.21 that LibTorch brings into the process.
#include "masklab/error.h"
#include "masklab/sentencepiece_tokenizer.h"
#include "test_support.h"

#include <QtTest>
#include <nlohmann/json.hpp>

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

using namespace masklab;
using namespace masklab::testing;
using nlohmann::json;

// ASan and TSan builds open the module without RTLD_DEEPBIND (see sentencepiece_tokenizer.cpp),
// so they cannot have protobuf 3.21 in the process.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define MASKLAB_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define MASKLAB_TEST_SANITIZED 1
#endif
#endif

namespace {

constexpr const char* kProtobuf321 = "libprotobuf.so.32";  // Debian 12's protobuf 3.21
constexpr const char* kWordMark = "\xE2\x96\x81";           // U+2581

// Texts sentencepiece's nmt_nfkc leaves as they are: printable ASCII, single spaces, no
// leading or trailing space. decode(encode(text)) must give them back byte for byte.
bool isPlainAscii(const std::string& text)
{
    if (text.empty() || text.front() == ' ' || text.back() == ' ' ||
        text.find("  ") != std::string::npos)
        return false;
    for (const char c : text)
        if (c < 0x20 || c > 0x7e) return false;
    return true;
}

std::string withoutWordMark(const std::string& piece)
{
    return piece.rfind(kWordMark, 0) == 0 ? piece.substr(3) : piece;
}

std::string trimLeft(std::string text)
{
    text.erase(0, text.find_first_not_of(' '));
    return text;
}

// Code points [begin, end) of a UTF-8 text, as UTF-8.
std::string codePoints(const std::string& text, uint32_t begin, uint32_t end)
{
    const QList<uint> ucs4 = QString::fromStdString(text).toUcs4();
    if (begin > end || end > uint32_t(ucs4.size())) return "<out of range>";
    const QList<uint> part = ucs4.mid(begin, end - begin);
    return QString::fromUcs4(reinterpret_cast<const char32_t*>(part.constData()), part.size())
        .toStdString();
}

std::size_t wordCount(const std::string& text)
{
    std::istringstream words(text);
    std::size_t count = 0;
    for (std::string word; words >> word;) ++count;
    return count;
}

// Where a symbol lives: the file name of the object that defines it.
std::string objectOf(void* symbol)
{
    Dl_info info{};
    if (!symbol || !dladdr(symbol, &info) || !info.dli_fname) return "<none>";
    return info.dli_fname;
}

}  // namespace

class TestSentencePiece final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_corpus;                  // one review a line
    std::vector<std::string> m_plainTexts;  // reviews isPlainAscii() accepts
    std::map<QString, std::unique_ptr<SentencePieceTokenizer>> m_models;
    void* m_protobuf = nullptr;            // libprotobuf.so.32, loaded before the module

    // Trains (once) and loads the model of the given type ("unigram" or "bpe").
    const SentencePieceTokenizer& model(const QString& type)
    {
        auto& slot = m_models[type];
        if (!slot) {
            SentencePieceTrainOptions options;
            options.inputs = {m_corpus};
            options.modelPrefix = m_dir.filePath(type).toStdString();
            options.vocabSize = 2000;
            options.modelType = type == "bpe" ? SentencePieceModelType::Bpe
                                              : SentencePieceModelType::Unigram;
            options.characterCoverage = 1.0;  // no <unk> on the training texts
            options.numThreads = 2;
            trainSentencePiece(options);
            slot = SentencePieceTokenizer::load(options.modelPrefix + ".model");
        }
        return *slot;
    }

    static void addModelTypes()
    {
        QTest::addColumn<QString>("type");
        QTest::newRow("unigram") << QString("unigram");
        QTest::newRow("bpe") << QString("bpe");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // LibTorch's process has protobuf 3.21 in its global scope from the start; so does this
        // one, before the module is opened.
#ifndef MASKLAB_TEST_SANITIZED
        m_protobuf = dlopen(kProtobuf321, RTLD_NOW | RTLD_GLOBAL);
#endif

        std::ifstream in(fixture("imdb/imdb_sample_1000.jsonl"));
        QVERIFY(in.good());
        m_corpus = m_dir.filePath("imdb_1000.txt").toStdString();
        std::ofstream out(m_corpus);
        std::string line;
        int rows = 0;
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            std::string text = json::parse(line).at("text").get<std::string>();
            for (char& c : text)
                if (c == '\n' || c == '\r') c = ' ';
            out << text << '\n';
            ++rows;
            if (isPlainAscii(text) && text.size() < 2000) m_plainTexts.push_back(text);
        }
        QCOMPARE(rows, 1000);
        QVERIFY(m_plainTexts.size() > 100);
    }

    // Runs first, before anything opens the module: the loader does not remember failures, so
    // the child run below can still succeed after its bad settings are gone.
    void wrongModuleEnvironmentIsReported()
    {
        if (qEnvironmentVariableIsSet("MASKLAB_TEST_WRONG_MODULE_CHILD")) {
            checkWrongModuleInThisProcess();
            return;
        }
        // In a fresh process, so that no module is loaded yet whatever order tests run in.
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("MASKLAB_TEST_WRONG_MODULE_CHILD", "1");
        env.insert("MASKLAB_FIXTURES", QString::fromStdString(fixtures()));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {"wrongModuleEnvironmentIsReported"});
        QVERIFY(child.waitForFinished(120000));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                 output.constData());
        QVERIFY2(output.contains("PASS   : TestSentencePiece::wrongModuleEnvironmentIsReported"),
                 output.constData());
    }

private:
    // The child run of wrongModuleEnvironmentIsReported.
    void checkWrongModuleInThisProcess()
    {
        const std::string missing = m_dir.filePath("nowhere/libmasklab_sentencepiece.so").toStdString();
        qputenv("MASKLAB_SENTENCEPIECE_MODULE", QByteArray::fromStdString(missing));
        SentencePieceTrainOptions options;
        options.inputs = {m_corpus};
        options.modelPrefix = m_dir.filePath("never").toStdString();
        try {
            trainSentencePiece(options);
            QFAIL("a missing module must throw");
        } catch (const Error& e) {
            const std::string message = e.what();
            QVERIFY2(message.find(missing) != std::string::npos, e.what());
            QVERIFY2(message.find("not found") != std::string::npos, e.what());
            QVERIFY2(message.find("MASKLAB_SENTENCEPIECE_MODULE") != std::string::npos, e.what());
        }

        // A file that exists but is no shared library: the dynamic loader's reason is shown.
        qputenv("MASKLAB_SENTENCEPIECE_MODULE", QByteArray::fromStdString(m_corpus));
        try {
            SentencePieceTokenizer::load(m_corpus);
            QFAIL("a module that is not a shared library must throw");
        } catch (const Error& e) {
            const std::string message = e.what();
            QVERIFY2(message.find(m_corpus) != std::string::npos, e.what());
            QVERIFY2(message.find("MASKLAB_SENTENCEPIECE_MODULE") != std::string::npos, e.what());
        }

        // Without the variable the default places are searched, and the build tree has it.
        qunsetenv("MASKLAB_SENTENCEPIECE_MODULE");
        QCOMPARE(model("unigram").vocabSize(), 2000);
    }

private slots:

    void trainsAndLoads_data() { addModelTypes(); }
    void trainsAndLoads()
    {
        QFETCH(QString, type);
        const SentencePieceTokenizer& tok = model(type);
        QCOMPARE(tok.vocabSize(), 2000);
        const std::string description = tok.describe().text();
        QVERIFY2(QString::fromStdString(description).startsWith("SentencePiece " + type), description.c_str());
        QVERIFY(description.find("nmt_nfkc") != std::string::npos);

        // spm's reserved ids first, then the user-defined symbols in the order given.
        QCOMPARE(tok.idToToken(0), std::string("<unk>"));
        QCOMPARE(tok.idToToken(1), std::string("<s>"));
        QCOMPARE(tok.idToToken(2), std::string("</s>"));
        const SpecialTokenIds special = tok.specialTokens();
        QCOMPARE(special.unk, 0);
        QCOMPARE(special.pad, 3);
        QCOMPARE(special.cls, 4);
        QCOMPARE(special.sep, 5);
        QCOMPARE(special.mask, 6);
        QCOMPARE(tok.tokenToId("[MASK]"), 6);
        QCOMPARE(tok.idToToken(6), std::string("[MASK]"));
        QCOMPARE(tok.tokenToId("no such piece"), -1);
        for (int32_t id : {0, 1, 2, 3, 4, 5, 6}) QVERIFY(tok.isSpecial(id));
        QVERIFY(!tok.isSpecial(tok.tokenToId(std::string(kWordMark) + "the")));
        QVERIFY(tok.tokenToId(std::string(kWordMark) + "the") > 6);
        QCOMPARE(tok.idToToken(-1), std::string());
        QCOMPARE(tok.idToToken(2000), std::string());
    }

    void fingerprintIsTheModelFile()
    {
        const SentencePieceTokenizer& unigram = model("unigram");
        const SentencePieceTokenizer& bpe = model("bpe");
        QVERIFY(unigram.fingerprint() != 0);
        QVERIFY(unigram.fingerprint() != bpe.fingerprint());
        const auto again = SentencePieceTokenizer::load(unigram.path());
        QCOMPARE(again->fingerprint(), unigram.fingerprint());
    }

    void roundTrip_data() { addModelTypes(); }
    void roundTrip()
    {
        QFETCH(QString, type);
        const SentencePieceTokenizer& tok = model(type);
        for (std::size_t i = 0; i < m_plainTexts.size(); i += 7) {
            const std::string& text = m_plainTexts[i];
            const Encoding plain = tok.encode(text, false);
            QVERIFY(plain.size() > 0);
            for (int32_t id : plain.ids) QVERIFY2(id != tok.specialTokens().unk, text.c_str());
            QCOMPARE(tok.decode(plain.ids), text);
            QCOMPARE(tok.decode(tok.encode(text, true).ids, true), text);
        }
        // nmt_nfkc folds runs of spaces and drops leading and trailing ones.
        QCOMPARE(tok.decode(tok.encode("  A   good   film.  ", false).ids), std::string("A good film."));
    }

    void wrapsWithClsAndSep_data() { addModelTypes(); }
    void wrapsWithClsAndSep()
    {
        QFETCH(QString, type);
        const SentencePieceTokenizer& tok = model(type);
        const std::string text = "This movie was great.";
        const Encoding plain = tok.encode(text, false);
        const Encoding wrapped = tok.encode(text, true);
        QCOMPARE(wrapped.size(), plain.size() + 2);
        QCOMPARE(wrapped.ids.front(), tok.specialTokens().cls);
        QCOMPARE(wrapped.ids.back(), tok.specialTokens().sep);
        for (std::size_t i : {std::size_t(0), wrapped.size() - 1}) {
            QCOMPARE(wrapped.wordIds[i], kNoWord);
            QCOMPARE(wrapped.specialTokensMask[i], uint8_t(1));
            QCOMPARE(wrapped.offsetBegin[i], 0u);
            QCOMPARE(wrapped.offsetEnd[i], 0u);
        }
        for (std::size_t i = 0; i < plain.size(); ++i) {
            QCOMPARE(wrapped.ids[i + 1], plain.ids[i]);
            QCOMPARE(wrapped.specialTokensMask[i + 1], uint8_t(0));
        }
        QCOMPARE(wrapped.ids.size(), wrapped.wordIds.size());
        QCOMPARE(wrapped.ids.size(), wrapped.offsetBegin.size());
        QCOMPARE(wrapped.ids.size(), wrapped.offsetEnd.size());
        QCOMPARE(wrapped.ids.size(), wrapped.specialTokensMask.size());
        // Hugging Face's decode: specials written out, the space before a word kept after them.
        QCOMPARE(tok.decode(wrapped.ids), "[CLS] " + text + "[SEP]");
        QCOMPARE(tok.decode(wrapped.ids, true), text);
    }

    void wordIdsFollowWords_data() { addModelTypes(); }
    void wordIdsFollowWords()
    {
        QFETCH(QString, type);
        const SentencePieceTokenizer& tok = model(type);
        for (std::size_t i = 0; i < m_plainTexts.size(); i += 11) {
            const std::string& text = m_plainTexts[i];
            const Encoding enc = tok.encode(text, false);
            QCOMPARE(enc.wordIds.front(), 0);
            for (std::size_t t = 1; t < enc.size(); ++t) {
                const bool startsWord = tok.idToToken(enc.ids[t]).rfind(kWordMark, 0) == 0;
                QCOMPARE(enc.wordIds[t], enc.wordIds[t - 1] + (startsWord ? 1 : 0));
            }
            QCOMPARE(std::size_t(enc.wordIds.back() + 1), wordCount(text));
        }
    }

    void offsetsPointAtTheText_data() { addModelTypes(); }
    void offsetsPointAtTheText()
    {
        QFETCH(QString, type);
        const SentencePieceTokenizer& tok = model(type);
        for (std::size_t i = 0; i < m_plainTexts.size(); i += 13) {
            const std::string& text = m_plainTexts[i];
            const Encoding enc = tok.encode(text, false);
            for (std::size_t t = 0; t < enc.size(); ++t) {
                // As in sentencepiece and HF's Metaspace, "▁word" spans the space before it.
                const std::string span = text.substr(enc.offsetBegin[t], enc.offsetEnd[t] - enc.offsetBegin[t]);
                QCOMPARE(trimLeft(span), withoutWordMark(tok.idToToken(enc.ids[t])));
                if (t > 0) QCOMPARE(enc.offsetBegin[t], enc.offsetEnd[t - 1]);
            }
            QCOMPARE(std::size_t(enc.offsetEnd.back()), text.size());
        }

        // Offsets count code points: é is 2 bytes, the emoji 4 bytes and 2 UTF-16 units.
        const std::string text = "Amélie \xF0\x9F\x98\x80 is a charming film";
        const Encoding enc = tok.encode(text, false);
        std::string joined;
        for (std::size_t t = 0; t < enc.size(); ++t) {
            const std::string span = codePoints(text, enc.offsetBegin[t], enc.offsetEnd[t]);
            if (enc.ids[t] != tok.specialTokens().unk)
                QCOMPARE(trimLeft(span), withoutWordMark(tok.idToToken(enc.ids[t])));
            joined += span;
        }
        QCOMPARE(joined, text);
        QCOMPARE(enc.offsetEnd.back(), 27u);  // code points in the text
        const int32_t filmWord = enc.wordIds.back();
        QCOMPARE(filmWord, 5);
    }

    void maskInTextIsOnePiece_data() { addModelTypes(); }
    void maskInTextIsOnePiece()
    {
        QFETCH(QString, type);
        const SentencePieceTokenizer& tok = model(type);
        const std::string text = "This is a great [MASK].";
        const Encoding enc = tok.encode(text, true);
        const auto at = std::find(enc.ids.begin(), enc.ids.end(), tok.specialTokens().mask);
        QVERIFY(at != enc.ids.end());
        const auto i = std::size_t(at - enc.ids.begin());
        QCOMPARE(enc.specialTokensMask[i], uint8_t(1));
        QVERIFY(enc.wordIds[i] != kNoWord);
        QCOMPARE(codePoints(text, enc.offsetBegin[i], enc.offsetEnd[i]), std::string("[MASK]"));
        // The "." after it is a word of its own, as after Hugging Face's added tokens.
        QCOMPARE(enc.wordIds[i + 1], enc.wordIds[i] + 1);
        QCOMPARE(tok.decode(enc.ids, true), std::string("This is a great ."));
        QVERIFY(tok.decode(enc.ids).find("great [MASK].") != std::string::npos);
    }

    void encodeBatchMatchesEncode()
    {
        const SentencePieceTokenizer& tok = model("unigram");
        std::vector<std::string_view> texts(m_plainTexts.begin(), m_plainTexts.end());
        const std::vector<Encoding> batch = tok.encodeBatch(texts, true, 4);
        QCOMPARE(batch.size(), texts.size());
        for (std::size_t i = 0; i < texts.size(); ++i)
            QCOMPARE(batch[i].ids, tok.encode(texts[i]).ids);
    }

    void missingModelFileNamesIt()
    {
        const std::string path = m_dir.filePath("absent.model").toStdString();
        try {
            SentencePieceTokenizer::load(path);
            QFAIL("a missing file must throw");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
        }
    }

    void corruptModelFileNamesIt()
    {
        const std::string path = m_dir.filePath("garbage.model").toStdString();
        {
            std::ofstream out(path, std::ios::binary);
            for (int i = 0; i < 4096; ++i) out.put(char((i * 7919 + 13) & 0xff));
        }
        try {
            SentencePieceTokenizer::load(path);
            QFAIL("a corrupt file must throw");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
        }
    }

    // Found by fuzz_sentencepiece_model: libsentencepiece 0.1.97 trusts the normalization table
    // of a .model file, and a damaged one made its normalizer read past the table (SIGSEGV in
    // strlen). A normalizer_spec appended to a real model overrides its table (protobuf merges
    // messages); each damaged table must be refused when the file is opened.
    void damagedNormalizationTableIsRefused_data()
    {
        QTest::addColumn<QByteArray>("charsmap");
        QTest::addColumn<QString>("problem");
        const auto units = [](std::vector<uint32_t> values) {
            values.resize(256, 0);
            QByteArray bytes;
            const uint32_t size = static_cast<uint32_t>(values.size() * 4);
            bytes.append(reinterpret_cast<const char*>(&size), 4);
            bytes.append(reinterpret_cast<const char*>(values.data()), static_cast<int>(size));
            return bytes;
        };
        QTest::newRow("strings without their NUL") << units({}) + QByteArray("abc") << "do not end in NUL";
        QTest::newRow("trie pointing outside") << units({0x3fffffU << 10}) + QByteArray("a", 2) << "outside itself";
        QTest::newRow("leaf past the strings")
            << units({(1U << 10) | (1U << 8), 0x80000000U | 1000}) + QByteArray("a", 2) << "past its strings";
        QTest::newRow("trie size past the end") << QByteArray::fromHex("ffff000061626364") << "does not fit";
    }
    void damagedNormalizationTableIsRefused()
    {
        QFETCH(QByteArray, charsmap);
        QFETCH(QString, problem);
        model("unigram");
        QFile original(m_dir.filePath("unigram.model"));
        QVERIFY(original.open(QIODevice::ReadOnly));
        const auto field = [](int number, const QByteArray& bytes) {
            QByteArray out(1, static_cast<char>(number << 3 | 2));
            for (uint64_t n = static_cast<uint64_t>(bytes.size()); ; n >>= 7) {
                out.append(static_cast<char>((n & 0x7f) | (n > 0x7f ? 0x80 : 0)));
                if (n <= 0x7f) break;
            }
            return out + bytes;
        };
        const QString path = m_dir.filePath("damaged-" + QString::number(qHash(charsmap)) + ".model");
        QFile damaged(path);
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write(original.readAll() + field(3, field(2, charsmap)));  // normalizer_spec.precompiled_charsmap
        damaged.close();
        try {
            SentencePieceTokenizer::load(path.toStdString())->encode("This is a great film.");
            QFAIL("a damaged normalization table was used");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("damaged SentencePiece model") && QString(e.what()).contains(problem), e.what());
        }
    }

    void trainingErrorsAreReported()
    {
        SentencePieceTrainOptions options;
        options.inputs = {m_dir.filePath("no-such-corpus.txt").toStdString()};
        options.modelPrefix = m_dir.filePath("x").toStdString();
        QVERIFY_THROWS_EXCEPTION(Error, trainSentencePiece(options));

        // More pieces than the corpus can give: sentencepiece's own message comes through.
        options.inputs = {m_dir.filePath("tiny.txt").toStdString()};
        std::ofstream(options.inputs[0]) << "a tiny corpus\n";
        options.vocabSize = 5000;
        try {
            trainSentencePiece(options);
            QFAIL("an impossible vocabulary size must throw");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("tiny.txt") != std::string::npos, e.what());
        }
    }

    // The reason the module exists: protobuf 3.21 (LibTorch's) in the global scope and the 3.14
    // that libsentencepiece embeds live side by side, each library bound to its own copy.
    void isolatedFromLibtorchProtobuf()
    {
#ifdef MASKLAB_TEST_SANITIZED
        QSKIP("sanitizer builds load the module without RTLD_DEEPBIND");
#endif
        QVERIFY2(m_protobuf, "libprotobuf.so.32 (LibTorch's protobuf) is missing: the README's test command installs libtorch-dev");
        const SentencePieceTokenizer& tok = model("unigram");

        // dlopen again after the module is in: still fine.
        void* again = dlopen(kProtobuf321, RTLD_NOW | RTLD_GLOBAL);
        QVERIFY(again);
        dlclose(again);

        const char* versionString = "_ZN6google8protobuf8internal13VersionStringB5cxx11Ei";
        void* global = dlsym(RTLD_DEFAULT, versionString);
        QVERIFY2(objectOf(global).find("libprotobuf.so.32") != std::string::npos,
                 objectOf(global).c_str());
        using VersionFn = std::string (*)(int);
        QCOMPARE(reinterpret_cast<VersionFn>(global)(3021012), std::string("3.21.12"));

        // Nothing of sentencepiece leaked into the global scope...
        QVERIFY(!dlsym(RTLD_DEFAULT, "_ZN13sentencepiece22SentencePieceProcessorC1Ev"));
        // ...and inside the module's scope protobuf resolves to libsentencepiece's own copy.
        const std::string modulePath = std::string(MASKLAB_BINARY_DIR) + "/lib/libmasklab_sentencepiece.so";
        void* module = dlopen(modulePath.c_str(), RTLD_NOW | RTLD_NOLOAD);
        QVERIFY2(module, modulePath.c_str());
        void* local = dlsym(module, versionString);
        QVERIFY2(objectOf(local).find("libsentencepiece") != std::string::npos, objectOf(local).c_str());
        dlclose(module);

        // And encoding still works with both in the process.
        const std::string& text = m_plainTexts.front();
        QCOMPARE(tok.decode(tok.encode(text).ids, true), text);
        const auto fresh = SentencePieceTokenizer::load(tok.path());
        QCOMPARE(fresh->encode(text).ids, tok.encode(text).ids);
    }
};

QTEST_GUILESS_MAIN(TestSentencePiece)
#include "test_sentencepiece.moc"
