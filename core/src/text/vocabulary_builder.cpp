#include "masklab/vocabulary_builder.h"

#include "masklab/error.h"
#include "masklab/message.h"
#include "masklab/parallel.h"
#include "text/utf8.h"
#include "support/quote.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace masklab {
namespace {

using WordCounts = std::unordered_map<std::string, uint64_t>;

// Counts every pre-tokenized word. Each piece of the text list counts into its own table and
// the tables are summed afterwards, so the counts do not depend on the thread count.
WordCounts countWords(const std::vector<std::string_view>& texts, const BertNormalizerOptions& normalizer,
                      int threads)
{
    if (texts.empty()) return {};
    const int workers = threads > 0 ? threads : defaultThreadCount();
    // A few pieces per worker keep every core busy when the texts differ in length.
    const std::size_t wanted = std::min(texts.size(), static_cast<std::size_t>(workers) * 4);
    const std::size_t grain = (texts.size() + wanted - 1) / wanted;
    std::vector<WordCounts> partial((texts.size() + grain - 1) / grain);
    parallelFor(texts.size(), grain, workers, [&](std::size_t begin, std::size_t end) {
        WordCounts& counts = partial[begin / grain];
        PreTokenized pre;
        std::string key;  // reused, so a word already counted costs no allocation
        for (std::size_t i = begin; i < end; ++i) {
            pre.clear();
            bertPreTokenize(texts[i], 0, normalizer, pre);
            for (const PreToken& word : pre.words) {
                key.assign(pre.word(word));
                ++counts[key];
            }
        }
    });
    WordCounts total = std::move(partial.front());
    for (std::size_t i = 1; i < partial.size(); ++i) {
        total.merge(partial[i]);  // moves the words `total` lacks; the rest stay behind
        for (const auto& [word, count] : partial[i]) total[word] += count;
    }
    return total;
}

// The distinct characters (UTF-8 sequences) of all words, in byte order.
std::set<std::string> charactersOf(const WordCounts& counts)
{
    std::set<std::string> characters;
    for (const auto& entry : counts) {
        const std::string& word = entry.first;
        std::size_t pos = 0;
        while (pos < word.size()) {
            const std::size_t start = pos;
            utf8::next(word, pos);
            characters.emplace(word, start, pos - start);
        }
    }
    return characters;
}

void checkOptions(const VocabularyBuildOptions& options, const std::vector<std::string>& specials)
{
    if (options.minFrequency < 1)
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "the minimum word frequency is {1}; it must be at least 1"))
                .count(options.minFrequency));
    if (options.continuationPrefix.empty())
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "the WordPiece continuation prefix is empty; use \"##\"")));
    for (std::size_t i = 0; i < specials.size(); ++i) {
        if (specials[i].empty())
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "a special token of the vocabulary is empty")));
        for (std::size_t j = 0; j < i; ++j)
            if (specials[i] == specials[j])
                throw MessageError(
                    Message(MASKLAB_TRANSLATE_NOOP("Engine", "the special token {1} is given "
                                                             "twice; each needs its own id"))
                        .arg(inQuotes(specials[i])));
    }
}

}  // namespace

WordPieceConfig buildWordPieceVocabulary(const std::vector<std::string_view>& texts,
                                         const VocabularyBuildOptions& options)
{
    const std::vector<std::string> specials{options.padToken, options.unkToken, options.clsToken,
                                            options.sepToken, options.maskToken};
    checkOptions(options, specials);

    const WordCounts counts = countWords(texts, options.normalizer, options.threads);
    const std::set<std::string> characters = charactersOf(counts);
    const std::size_t needed = specials.size() + 2 * characters.size();
    if (options.vocabSize < 0 || static_cast<std::size_t>(options.vocabSize) < needed)
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "a vocabulary of {1} tokens is too small: the {2} "
                                                     "special tokens and the {3} characters of the corpus "
                                                     "(each as a word start and as a \"{4}\" continuation) "
                                                     "need {5}; raise the vocabulary size to at least {5}"))
                .count(options.vocabSize)
                .count(static_cast<int64_t>(specials.size()))
                .count(static_cast<int64_t>(characters.size()))
                .arg(options.continuationPrefix)
                .count(static_cast<int64_t>(needed)));

    WordPieceConfig config;
    config.normalizer = options.normalizer;
    config.padToken = options.padToken;
    config.unkToken = options.unkToken;
    config.clsToken = options.clsToken;
    config.sepToken = options.sepToken;
    config.maskToken = options.maskToken;
    config.continuationPrefix = options.continuationPrefix;

    std::vector<std::string>& vocabulary = config.vocabulary;
    vocabulary.reserve(static_cast<std::size_t>(options.vocabSize));
    vocabulary.assign(specials.begin(), specials.end());
    vocabulary.insert(vocabulary.end(), characters.begin(), characters.end());
    for (const std::string& c : characters) vocabulary.push_back(options.continuationPrefix + c);
    const std::unordered_set<std::string> taken(vocabulary.begin(), vocabulary.end());

    // Whole words: longer than one character (single characters are in already), short enough
    // for WordPiece to look at (longer words become [UNK] whole), and not mistakable for a
    // continuation piece or a special token.
    using Entry = const WordCounts::value_type*;
    std::vector<Entry> candidates;
    const std::size_t maxChars = static_cast<std::size_t>(config.maxInputCharsPerWord);
    for (const auto& entry : counts) {
        const std::string& word = entry.first;
        if (entry.second < static_cast<uint64_t>(options.minFrequency)) continue;
        const std::size_t chars = utf8::length(word);
        if (chars < 2 || chars > maxChars) continue;
        if (word.compare(0, options.continuationPrefix.size(), options.continuationPrefix) == 0) continue;
        if (taken.count(word)) continue;
        candidates.push_back(&entry);
    }
    const std::size_t room = static_cast<std::size_t>(options.vocabSize) - vocabulary.size();
    const std::size_t chosen = std::min(room, candidates.size());
    // Most frequent first; equal counts in byte order (std::string compares as unsigned bytes).
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(chosen),
                      candidates.end(), [](Entry a, Entry b) {
                          if (a->second != b->second) return a->second > b->second;
                          return a->first < b->first;
                      });
    for (std::size_t i = 0; i < chosen; ++i) vocabulary.push_back(candidates[i]->first);
    return config;
}

std::unique_ptr<Tokenizer> buildCorpusTokenizer(const std::vector<Document>& documents, int vocabSize)
{
    std::vector<std::string_view> texts;
    texts.reserve(documents.size());
    for (const Document& d : documents) texts.push_back(d.text);
    VocabularyBuildOptions options;
    options.vocabSize = vocabSize;
    return std::make_unique<WordPieceTokenizer>(buildWordPieceVocabulary(texts, options));
}

}  // namespace masklab
