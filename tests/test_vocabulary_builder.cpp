// WordPiece vocabulary built from a corpus: layout (specials, characters, frequent words), no
// [UNK] for words of seen characters, determinism across runs and thread counts, errors.
#include "masklab/error.h"
#include "masklab/vocabulary_builder.h"
#include "masklab/wordpiece_tokenizer.h"
#include "test_support.h"

#include <QtTest>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

using namespace masklab;
using namespace masklab::testing;

namespace {

std::vector<std::string> readTexts(const std::string& path)
{
    std::ifstream in(path);
    std::vector<std::string> texts;
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) texts.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
    return texts;
}

std::vector<std::string_view> views(const std::vector<std::string>& texts)
{
    return std::vector<std::string_view>(texts.begin(), texts.end());
}

std::vector<std::string> tokensOf(const Tokenizer& tokenizer, const std::string& text)
{
    std::vector<std::string> tokens;
    for (int32_t id : tokenizer.encode(text).ids) tokens.push_back(tokenizer.idToToken(id));
    return tokens;
}

int32_t countPrefixed(const std::vector<std::string>& vocabulary, const std::string& prefix)
{
    return static_cast<int32_t>(std::count_if(vocabulary.begin(), vocabulary.end(), [&](const std::string& t) {
        return t.compare(0, prefix.size(), prefix) == 0;
    }));
}

}  // namespace

class TestVocabularyBuilder final : public QObject {
    Q_OBJECT

private:
    std::vector<std::string> m_texts;
    WordPieceConfig m_config;  // 3000 tokens from the IMDb sample

private slots:
    void initTestCase()
    {
        m_texts = readTexts(fixture("imdb/imdb_sample_1000.jsonl"));
        QCOMPARE(m_texts.size(), std::size_t(1000));
        VocabularyBuildOptions options;
        options.vocabSize = 3000;
        m_config = buildWordPieceVocabulary(views(m_texts), options);
    }

    void layoutOnImdb()
    {
        const std::vector<std::string>& v = m_config.vocabulary;
        QCOMPARE(v.size(), std::size_t(3000));
        const std::vector<std::string> specials{"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};
        QVERIFY(std::equal(specials.begin(), specials.end(), v.begin()));
        // No token twice.
        std::vector<std::string> sorted = v;
        std::sort(sorted.begin(), sorted.end());
        QVERIFY(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());

        // Characters, then the same with ##, then words: every ## piece is one of the characters.
        const int32_t characters = countPrefixed(v, "##");
        QVERIFY(characters > 26);
        for (int32_t i = 0; i < characters; ++i)
            QCOMPARE(v[std::size_t(5 + characters + i)], "##" + v[std::size_t(5 + i)]);
        for (const std::string letter : {"a", "z", "e", "."}) {
            QVERIFY(std::find(v.begin(), v.begin() + 5 + characters, letter) != v.begin() + 5 + characters);
        }
        // Uncased: no capital letters.
        QVERIFY(std::find(v.begin(), v.end(), "T") == v.end());

        // The most frequent word of English reviews comes first after the characters.
        QCOMPARE(v[std::size_t(5 + 2 * characters)], std::string("the"));
        WordPieceTokenizer tokenizer(m_config);
        QCOMPARE(tokenizer.tokenToId("[PAD]"), 0);
        QCOMPARE(tokenizer.tokenToId("[MASK]"), 4);
        QCOMPARE(tokenizer.specialTokens().mask, 4);
        QCOMPARE(tokenizer.specialTokens().unk, 1);
    }

    void encodesWholeWords()
    {
        WordPieceTokenizer tokenizer(m_config);
        const std::vector<std::string> expected{"[CLS]", "this", "is", "a", "great", "movie", ".", "[SEP]"};
        QCOMPARE(tokensOf(tokenizer, "This is a great movie."), expected);
        QCOMPARE(tokenizer.decode(tokenizer.encode("This is a great movie.").ids, true),
                 std::string("this is a great movie."));
    }

    void rareWordsSplitWithoutUnk()
    {
        WordPieceTokenizer tokenizer(m_config);
        const int32_t unk = tokenizer.specialTokens().unk;
        // A word of seen characters that the vocabulary cannot hold whole.
        const std::string rare = "zqxjvkpw";
        QCOMPARE(tokenizer.tokenToId(rare), -1);
        const Encoding e = tokenizer.encode(rare, false);
        QVERIFY(e.size() > 1);
        QVERIFY(std::find(e.ids.begin(), e.ids.end(), unk) == e.ids.end());
        QVERIFY(tokenizer.idToToken(e.ids[1]).rfind("##", 0) == 0);
        QCOMPARE(tokenizer.decode(e.ids), rare);

        // Every review of the corpus the vocabulary came from encodes without [UNK].
        for (const std::string& text : m_texts) {
            const Encoding all = tokenizer.encode(text);
            QVERIFY2(std::find(all.ids.begin(), all.ids.end(), unk) == all.ids.end(), text.c_str());
        }
        // A character never seen is the one thing that becomes [UNK].
        const Encoding unseen = tokenizer.encode("\xe2\x98\x83", false);  // U+2603 snowman
        QCOMPARE(unseen.ids, std::vector<int32_t>{unk});
    }

    void deterministicAcrossRunsAndThreads()
    {
        VocabularyBuildOptions options;
        options.vocabSize = 3000;
        options.threads = 1;
        const WordPieceConfig one = buildWordPieceVocabulary(views(m_texts), options);
        const WordPieceConfig oneAgain = buildWordPieceVocabulary(views(m_texts), options);
        options.threads = 2;
        const WordPieceConfig two = buildWordPieceVocabulary(views(m_texts), options);
        options.threads = 7;
        const WordPieceConfig seven = buildWordPieceVocabulary(views(m_texts), options);
        QVERIFY(one.vocabulary == oneAgain.vocabulary);
        QVERIFY(one.vocabulary == two.vocabulary);
        QVERIFY(one.vocabulary == seven.vocabulary);
        QVERIFY(one.vocabulary == m_config.vocabulary);  // threads = 0 (every core)
        QCOMPARE(WordPieceTokenizer(one).fingerprint(), WordPieceTokenizer(two).fingerprint());
    }

    void frequencyOrderTiesAndMinimum()
    {
        // the x3, cat x2, dog x2, sat x1; "Café" normalizes to "cafe" (uncased strips accents).
        const std::vector<std::string> texts{"The cat sat.", "the CAT", "the dog", "dog", "Café"};
        VocabularyBuildOptions options;
        options.vocabSize = 1000;
        const WordPieceConfig c = buildWordPieceVocabulary(views(texts), options);
        const std::vector<std::string> characters{".", "a", "c", "d", "e", "f", "g", "h", "o", "s", "t"};
        std::vector<std::string> expected{"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};
        expected.insert(expected.end(), characters.begin(), characters.end());
        for (const std::string& ch : characters) expected.push_back("##" + ch);
        expected.insert(expected.end(), {"the", "cat", "dog"});  // sat and cafe appear once
        QCOMPARE(c.vocabulary, expected);

        options.minFrequency = 1;
        options.vocabSize = int(5 + 2 * characters.size() + 4);
        const WordPieceConfig all = buildWordPieceVocabulary(views(texts), options);
        QCOMPARE(all.vocabulary.size(), std::size_t(options.vocabSize));
        // cafe and sat tie at one: byte order keeps cafe.
        QCOMPARE(std::vector<std::string>(all.vocabulary.end() - 4, all.vocabulary.end()),
                 (std::vector<std::string>{"the", "cat", "dog", "cafe"}));

        options.normalizer.lowercase = false;
        options.vocabSize = 1000;
        const WordPieceConfig cased = buildWordPieceVocabulary(views(texts), options);
        QVERIFY(std::find(cased.vocabulary.begin(), cased.vocabulary.end(), "CAT") != cased.vocabulary.end());
        QVERIFY(std::find(cased.vocabulary.begin(), cased.vocabulary.end(), "\xc3\xa9") != cased.vocabulary.end());
        QCOMPARE(cased.normalizer.lowercase, false);
        QCOMPARE(WordPieceTokenizer(cased).encode("CAT", false).ids.size(), std::size_t(1));
    }

    void tooSmallVocabularySaysWhatItNeeds()
    {
        const int32_t characters = countPrefixed(m_config.vocabulary, "##");
        const int needed = 5 + 2 * characters;
        VocabularyBuildOptions options;
        options.vocabSize = needed - 1;
        try {
            buildWordPieceVocabulary(views(m_texts), options);
            QFAIL("a vocabulary too small for the characters was accepted");
        } catch (const Error& e) {
            const std::string message = e.what();
            QVERIFY2(message.find("at least " + std::to_string(needed)) != std::string::npos, e.what());
            QVERIFY2(message.find(std::to_string(characters) + " characters") != std::string::npos, e.what());
        }
        options.vocabSize = needed;
        const WordPieceConfig exact = buildWordPieceVocabulary(views(m_texts), options);
        QCOMPARE(exact.vocabulary.size(), std::size_t(needed));

        options.minFrequency = 0;
        QVERIFY_EXCEPTION_THROWN(buildWordPieceVocabulary(views(m_texts), options), Error);
    }

    void emptyCorpusGivesTheSpecials()
    {
        const WordPieceConfig c = buildWordPieceVocabulary({}, VocabularyBuildOptions{});
        QCOMPARE(c.vocabulary, (std::vector<std::string>{"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"}));
    }
};

QTEST_APPLESS_MAIN(TestVocabularyBuilder)
#include "test_vocabulary_builder.moc"
