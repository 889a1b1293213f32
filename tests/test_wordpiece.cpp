// WordPiece tokenizer: exact agreement with Hugging Face's BertTokenizerFast, checked against
// golden ids from the fixtures and against HF's own tokenizers run live on hard cases.
#include "masklab/error.h"
#include "masklab/tokenizer.h"
#include "masklab/wordpiece_tokenizer.h"
#include "peer_runner.h"
#include "test_support.h"

#include <QtTest>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace masklab;
using namespace masklab::testing;
using nlohmann::json;

namespace {

std::string codePointToUtf8(char32_t cp)
{
    std::string out;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    return out;
}

std::vector<json> readJsonLines(const std::string& path)
{
    std::ifstream in(path);
    std::vector<json> rows;
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) rows.push_back(json::parse(line));
    return rows;
}

}  // namespace

class TestWordPiece final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Tokenizer> m_tokenizer;
    QTemporaryDir m_dir;

    void comparePeer(const std::vector<std::string>& texts)
    {
        const auto peer = peerEncode(bertTokenizerJson(), texts, m_dir.path());
        QCOMPARE(peer.size(), texts.size());
        const auto ours = m_tokenizer->encodeBatch({texts.begin(), texts.end()});
        int mismatches = 0;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            if (ours[i].ids == peer[i].ids && ours[i].wordIds == peer[i].wordIds) continue;
            if (++mismatches <= 10) {
                json shown = json::array();
                for (unsigned char c : texts[i]) shown.push_back(int(c));
                qWarning("mismatch on text %zu (bytes %s): ours %s / %s, HF %s / %s", i, shown.dump().c_str(),
                         json(ours[i].ids).dump().c_str(), json(ours[i].wordIds).dump().c_str(),
                         json(peer[i].ids).dump().c_str(), json(peer[i].wordIds).dump().c_str());
            }
        }
        QCOMPARE(mismatches, 0);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_tokenizer = loadTokenizer(bertTokenizerJson());
        QCOMPARE(m_tokenizer->vocabSize(), 30522);
    }

    void specialTokenIds()
    {
        const SpecialTokenIds s = m_tokenizer->specialTokens();
        QCOMPARE(s.pad, 0);
        QCOMPARE(s.unk, 100);
        QCOMPARE(s.cls, 101);
        QCOMPARE(s.sep, 102);
        QCOMPARE(s.mask, 103);
        QVERIFY(m_tokenizer->isSpecial(103));
        QVERIFY(!m_tokenizer->isSpecial(2023));
    }

    void goldenExamples()
    {
        std::ifstream in(fixture("golden/tokenization_examples.bert-base-uncased.json"));
        const json examples = json::parse(in);
        QVERIFY(examples.size() >= 10);
        for (const json& ex : examples) {
            const Encoding e = m_tokenizer->encode(ex["text"].get<std::string>());
            QCOMPARE(e.ids, ex["input_ids"].get<std::vector<int32_t>>());
        }
    }

    void courseSentenceWordIdsAndOffsets()
    {
        const std::string text = "This is a great [MASK].";
        const Encoding e = m_tokenizer->encode(text);
        QCOMPARE(e.ids, (std::vector<int32_t>{101, 2023, 2003, 1037, 2307, 103, 1012, 102}));
        QCOMPARE(e.wordIds, (std::vector<int32_t>{-1, 0, 1, 2, 3, 4, 5, -1}));
        QCOMPARE(e.specialTokensMask, (std::vector<uint8_t>{1, 0, 0, 0, 0, 1, 0, 1}));
        QCOMPARE(e.offsetBegin[4], 10u);  // "great"
        QCOMPARE(e.offsetEnd[4], 15u);
        QCOMPARE(e.offsetBegin[5], 16u);  // "[MASK]"
        QCOMPARE(e.offsetEnd[5], 22u);
        // Offsets count code points, so an accented word maps back onto the original text.
        const Encoding accented = m_tokenizer->encode("Café tokenizing", false);
        QCOMPARE(accented.offsetBegin[0], 0u);
        QCOMPARE(accented.offsetEnd[0], 4u);
        QCOMPARE(m_tokenizer->idToToken(accented.ids[1]), std::string("token"));
        QCOMPARE(accented.offsetBegin[1], 5u);
        QCOMPARE(accented.offsetEnd[1], 10u);
        QCOMPARE(accented.offsetBegin[2], 10u);
        QCOMPARE(accented.offsetEnd[2], 15u);
    }

    void goldenImdbSample()
    {
        const auto docs = readJsonLines(fixture("imdb/imdb_sample_1000.jsonl"));
        const auto golden = readJsonLines(fixture("golden/imdb_sample_1000.bert-base-uncased.input_ids.jsonl"));
        QCOMPARE(docs.size(), std::size_t(1000));
        QCOMPARE(golden.size(), docs.size());
        std::vector<std::string> texts;
        for (const json& d : docs) texts.push_back(d["text"].get<std::string>());
        const auto encodings = m_tokenizer->encodeBatch({texts.begin(), texts.end()});
        for (std::size_t i = 0; i < docs.size(); ++i)
            QCOMPARE(encodings[i].ids, golden[i]["input_ids"].get<std::vector<int32_t>>());
    }

    void hardCasesAgainstHuggingFace()
    {
        std::vector<std::string> texts = {
            "",
            "   \t\n ",
            "Café déjà vu — naïve résumé! ÀÉÎÕÜ ǅ ﬁ Straße",
            "中文字符 and 日本語の文章, 한국어 텍스트, 𠀀𪜀 compatibility 豈",
            "emoji 🤗🥰👍🏽 👨‍👩‍👧 ❤️ 🇺🇦 flags",
            "control\x01\x02\x7f chars\x0b\x0c and \xc2\x85 next-line, zero\xe2\x80\x8bwidth\xe2\x80\x8c\xe2\x80\x8d joiners \xef\xbb\xbf bom",
            "soft\xc2\xadhyphen, nbsp\xc2\xa0here, ideographic\xe3\x80\x80space, line\xe2\x80\xa8sep",
            std::string(101, 'a') + " " + std::string(100, 'b') + " " + std::string(150, 'x') + "ing",
            "Привет, мир! Ёжик в тумане — ЁЛКА. Українська ґанок, Ї ї",
            "Ｆｕｌｌｗｉｄｔｈ ＡＢＣ １２３ ！？ ｶﾀｶﾅ",
            "Ἀθῆναι ΣΊΣΥΦΟΣ ς İstanbul ǈ ß ẞ ﬀ",
            "[MASK] [mask] [MASK][MASK]x[SEP]y [CLS][UNK] [PAD]. [ MASK ] [MASK",
            "isn't it? <br /><br />It's $5.99 (cheap) -- 100% \"great\" film... ~~@#",
            "a\xcc\x81 e\xcc\x88 combining marks \xe0\xa4\xa8\xe0\xa4\xbf\xe0\xa4\xb6 Hindi \xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9",
            "math 𝐀𝐁𝐂 ℝ ∑ ≤ ≥ ½ ² ³ ① ⓐ",
            "tabs\tand\rcarriage\r\nreturns",
        };
        // Every code point of Unicode, 32 to a text, each between letters so that both its own
        // class and its effect on the word around it are compared.
        std::string text;
        int inText = 0;
        for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
            if (cp >= 0xD800 && cp <= 0xDFFF) continue;
            text += "a" + codePointToUtf8(cp) + "b ";
            if (++inText == 32) {
                texts.push_back(text);
                text.clear();
                inText = 0;
            }
        }
        texts.push_back(text);
        comparePeer(texts);
    }

    void decodeJoinsPiecesAndCleansSpaces()
    {
        std::ifstream in(fixture("golden/course_train_first_chunks.json"));
        const json chunks = json::parse(in);
        const auto ids = chunks["lm_train_chunk1_input_ids"].get<std::vector<int32_t>>();
        // The course's decoded chunk came from transformers 4, whose clean_up_tokenization_spaces
        // was on by default; bert-base-uncased's tokenizer_config.json still says so.
        const auto courseTokenizer = loadTokenizer(bertTokenizerJson());
        WordPieceConfig course = static_cast<const WordPieceTokenizer&>(*courseTokenizer).config();
        course.cleanUpTokenizationSpaces = true;
        QCOMPARE(WordPieceTokenizer(course).decode(ids), chunks["lm_train_chunk1_decoded"].get<std::string>());
        // Without it (transformers 5's default), the WordPiece decoder's clean-up still joins
        // the punctuation, but "it ' s" stays apart.
        QCOMPARE(m_tokenizer->decode(ids).find(" ."), std::string::npos);
        const Encoding e = m_tokenizer->encode("Tokenizing text is a core task of NLP.");
        QCOMPARE(m_tokenizer->decode(e.ids, true), std::string("tokenizing text is a core task of nlp."));
        QCOMPARE(m_tokenizer->decode(e.ids), std::string("[CLS] tokenizing text is a core task of nlp. [SEP]"));
    }

    void vocabTxtMatchesTokenizerJson()
    {
        const auto fromVocab = loadTokenizer(fixture("bert_uncased_tokenizer/vocab.txt"));
        QCOMPARE(fromVocab->vocabSize(), 30522);
        QCOMPARE(fromVocab->fingerprint(), m_tokenizer->fingerprint());
        for (const char* t : {"This is a great [MASK].", "Café déjà vu — naïve résumé!", "中文 🤗 ok"}) {
            QCOMPARE(fromVocab->encode(t).ids, m_tokenizer->encode(t).ids);
            QCOMPARE(fromVocab->encode(t).wordIds, m_tokenizer->encode(t).wordIds);
        }
        // A model folder in save_pretrained layout: vocab.txt beside tokenizer_config.json.
        QFile::copy(QString::fromStdString(fixture("bert_uncased_tokenizer/vocab.txt")), m_dir.path() + "/vocab.txt");
        QFile::copy(QString::fromStdString(fixture("distilbert-base-uncased/tokenizer_config.json")),
                    m_dir.path() + "/tokenizer_config.json");
        const auto fromFolder = loadTokenizer(m_dir.path().toStdString());
        QCOMPARE(fromFolder->encode("This is a great [MASK].").ids, m_tokenizer->encode("This is a great [MASK].").ids);
    }

    void savedFilesLoadInHuggingFace()
    {
        // The tokenizer.json that save_pretrained folders get is read by HF's own tokenizers
        // and gives the same ids; vocab.txt + tokenizer_config.json read back the same here.
        const QString folder = m_dir.path() + "/saved";
        m_tokenizer->saveFiles(folder.toStdString());
        const std::vector<std::string> texts = {"This is a great [MASK].", "Café déjà vu — naïve résumé!",
                                                "中文 🤗 [SEP] isn't it?", "Tokenizing text is a core task of NLP."};
        const auto peer = peerEncode((folder + "/tokenizer.json").toStdString(), texts, m_dir.path());
        QCOMPARE(peer.size(), texts.size());
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const Encoding ours = m_tokenizer->encode(texts[i]);
            QCOMPARE(peer[i].ids, ours.ids);
            QCOMPARE(peer[i].wordIds, ours.wordIds);
        }
        QFile::remove(folder + "/tokenizer.json");
        const auto fromVocab = loadTokenizer(folder.toStdString());
        QCOMPARE(fromVocab->fingerprint(), m_tokenizer->fingerprint());
    }

    void casedVocabularyKeepsCase()
    {
        WordPieceConfig config;
        config.vocabulary = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "Hello", "hello", "##s", "é"};
        config.normalizer.lowercase = false;
        WordPieceTokenizer cased(config);
        QCOMPARE(cased.encode("Hello hellos é", false).ids, (std::vector<int32_t>{5, 6, 7, 8}));
        QCOMPARE(cased.fingerprint() == m_tokenizer->fingerprint(), false);
    }

    void badInputsGiveNamedErrors()
    {
        auto expectError = [](const std::string& path, const char* needle) {
            try {
                loadTokenizer(path);
            } catch (const Error& e) {
                const QString message = QString::fromUtf8(e.what());
                QVERIFY2(message.contains(QString::fromUtf8(needle)), e.what());
                return;
            }
            QFAIL("no error raised");
        };
        expectError("/no/such/tokenizer.json", "/no/such/tokenizer.json");
        const QString bad = m_dir.path() + "/broken.json";
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"model\": {\"type\": \"BPE\", \"vocab\": {}}}");
        f.close();
        expectError(bad.toStdString(), "BPE");
        QFile g(m_dir.path() + "/garbage.json");
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("{ not json");
        g.close();
        expectError((m_dir.path() + "/garbage.json").toStdString(), "not valid JSON");
        QDir().mkpath(m_dir.path() + "/empty_folder");
        expectError((m_dir.path() + "/empty_folder").toStdString(), "no tokenizer in folder");
    }
};

QTEST_GUILESS_MAIN(TestWordPiece)
#include "test_wordpiece.moc"
