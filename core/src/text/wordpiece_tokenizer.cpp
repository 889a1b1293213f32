#include "masklab/wordpiece_tokenizer.h"

#include "support/fnv_hash.h"
#include "masklab/error.h"
#include "masklab/message.h"
#include "text/utf8.h"
#include "text/vocabulary.h"

#include <algorithm>
#include <array>

namespace masklab {
namespace {

// Per-thread scratch space: encode() is const and called from many threads at once.
PreTokenized& scratch()
{
    thread_local PreTokenized pre;
    return pre;
}

void replaceAll(std::string& text, std::string_view from, std::string_view to)
{
    std::size_t pos = 0;
    while ((pos = text.find(from, pos)) != std::string::npos) {
        text.replace(pos, from.size(), to);
        pos += to.size();
    }
}

}  // namespace

WordPieceTokenizer::WordPieceTokenizer(WordPieceConfig config) : m_config(std::move(config))
{
    if (m_config.vocabulary.empty())
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the WordPiece vocabulary is empty")));
    m_vocab = std::make_unique<WordPieceVocabulary>(m_config.vocabulary, m_config.continuationPrefix);
    if (m_vocab->find(m_config.unkToken) < 0)
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "the vocabulary has no unknown token \"{1}\"; "
                                                     "WordPiece needs one for words it cannot cover"))
                .arg(m_config.unkToken));

    m_special.pad = m_vocab->find(m_config.padToken);
    m_special.unk = m_vocab->find(m_config.unkToken);
    m_special.cls = m_vocab->find(m_config.clsToken);
    m_special.sep = m_vocab->find(m_config.sepToken);
    m_special.mask = m_vocab->find(m_config.maskToken);

    std::vector<std::string> added = m_config.addedTokens;
    for (const std::string* t : {&m_config.padToken, &m_config.unkToken, &m_config.clsToken,
                                 &m_config.sepToken, &m_config.maskToken})
        if (!t->empty() && std::find(added.begin(), added.end(), *t) == added.end()) added.push_back(*t);
    m_specialById.assign(m_config.vocabulary.size(), 0);
    for (const std::string& text : added) {
        const int32_t id = m_vocab->find(text);
        if (id < 0 || text.empty()) continue;
        m_added.push_back({text, id});
        m_specialById[static_cast<std::size_t>(id)] = 1;
    }
    std::stable_sort(m_added.begin(), m_added.end(),
                     [](const AddedToken& a, const AddedToken& b) { return a.text.size() > b.text.size(); });
    m_addedAllBracketed = std::all_of(m_added.begin(), m_added.end(),
                                      [](const AddedToken& a) { return a.text[0] == '['; });

    Fnv1a h;
    h.add(std::string_view("wordpiece/1"));
    for (const std::string& t : m_config.vocabulary) {
        h.add(t);
        h.add(std::string_view("\n", 1));
    }
    const BertNormalizerOptions& n = m_config.normalizer;
    h.add(uint64_t(n.cleanText) | uint64_t(n.handleChineseChars) << 1 | uint64_t(n.stripsAccents()) << 2 |
          uint64_t(n.lowercase) << 3);
    h.add(static_cast<uint64_t>(m_config.maxInputCharsPerWord));
    for (const std::string* t : {&m_config.unkToken, &m_config.continuationPrefix, &m_config.clsToken,
                                 &m_config.sepToken})
        h.add(*t + "\n");
    for (const AddedToken& a : m_added) h.add(a.text + "\n");
    m_fingerprint = h.value();
}

WordPieceTokenizer::~WordPieceTokenizer() = default;

Encoding WordPieceTokenizer::encode(std::string_view text, bool addSpecialTokens) const
{
    Encoding out;
    const std::size_t estimate = text.size() / 4 + 2;
    out.ids.reserve(estimate);
    out.wordIds.reserve(estimate);
    out.offsetBegin.reserve(estimate);
    out.offsetEnd.reserve(estimate);
    out.specialTokensMask.reserve(estimate);
    if (addSpecialTokens && m_special.cls >= 0) out.append(m_special.cls, kNoWord, 0, 0, true);

    // Split out the added tokens written literally in the text (leftmost, longest first);
    // each counts as one word, as Hugging Face's AddedVocabulary split does.
    int32_t wordIndex = 0;
    uint32_t charBase = 0;
    std::size_t segmentStart = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const AddedToken* match = nullptr;
        if (!m_added.empty()) {
            if (m_addedAllBracketed) {  // fast path for BERT's [XXX] tokens
                pos = text.find('[', pos);
                if (pos == std::string_view::npos) break;
            }
            for (const AddedToken& a : m_added) {
                if (text.compare(pos, a.text.size(), a.text) == 0) {
                    match = &a;
                    break;
                }
            }
        }
        if (!match) {
            ++pos;
            continue;
        }
        const std::string_view segment = text.substr(segmentStart, pos - segmentStart);
        encodeSegment(segment, charBase, out, wordIndex);
        charBase += static_cast<uint32_t>(utf8::length(segment));
        const auto tokenChars = static_cast<uint32_t>(utf8::length(match->text));
        out.append(match->id, wordIndex++, charBase, charBase + tokenChars,
                  m_specialById[static_cast<std::size_t>(match->id)] != 0);
        charBase += tokenChars;
        pos += match->text.size();
        segmentStart = pos;
    }
    encodeSegment(text.substr(segmentStart), charBase, out, wordIndex);

    if (addSpecialTokens && m_special.sep >= 0) out.append(m_special.sep, kNoWord, 0, 0, true);
    return out;
}

void WordPieceTokenizer::encodeSegment(std::string_view segment, uint32_t charBase, Encoding& out,
                                       int32_t& wordIndex) const
{
    if (segment.empty()) return;
    PreTokenized& pre = scratch();
    pre.clear();
    bertPreTokenize(segment, charBase, m_config.normalizer, pre);
    for (const PreToken& span : pre.words) wordPiece(pre.word(span), pre, span, wordIndex++, out);
}

void WordPieceTokenizer::wordPiece(std::string_view word, const PreTokenized& pre, const PreToken& span,
                                   int32_t wordIndex, Encoding& out) const
{
    if (word.size() > static_cast<std::size_t>(m_config.maxInputCharsPerWord) &&
        utf8::length(word) > static_cast<std::size_t>(m_config.maxInputCharsPerWord)) {
        out.append(m_special.unk, wordIndex, span.charBegin, span.charEnd, true);
        return;
    }
    // The common case: the whole word is in the vocabulary.
    if (word.size() <= m_vocab->longestPiece()) {
        const int32_t id = m_vocab->findInitial(word);
        if (id >= 0) {
            out.append(id, wordIndex, span.charBegin, span.charEnd, false);
            return;
        }
    }
    // Greedy longest match, stepping back one code point at a time.
    struct Piece {
        int32_t id;
        uint32_t begin, end;
    };
    std::array<Piece, 128> fixed;
    std::vector<Piece> spill;
    std::size_t count = 0;
    auto add = [&](Piece p) {
        if (count < fixed.size()) fixed[count] = p; else spill.push_back(p);
        ++count;
    };
    std::size_t start = 0;
    while (start < word.size()) {
        std::size_t end = std::min(word.size(), start + m_vocab->longestPiece());
        while (end > start && end < word.size() && utf8::isContinuationByte(word[end])) --end;
        int32_t id = -1;
        while (end > start) {
            const std::string_view piece = word.substr(start, end - start);
            id = start == 0 ? m_vocab->findInitial(piece) : m_vocab->findContinuation(piece);
            if (id >= 0) break;
            --end;
            while (end > start && utf8::isContinuationByte(word[end])) --end;
        }
        if (id < 0) {
            out.append(m_special.unk, wordIndex, span.charBegin, span.charEnd, true);
            return;
        }
        add({id, static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
        start = end;
    }
    for (std::size_t i = 0; i < count; ++i) {
        const Piece& p = i < fixed.size() ? fixed[i] : spill[i - fixed.size()];
        const uint32_t byteBegin = span.textBegin + p.begin;
        const uint32_t byteEnd = span.textBegin + p.end;
        out.append(p.id, wordIndex, pre.charOfByte[byteBegin], pre.charOfByte[byteEnd - 1] + 1,
                  false);
    }
}

std::string WordPieceTokenizer::decode(const std::vector<int32_t>& ids, bool skipSpecialTokens) const
{
    // Hugging Face's WordPiece decoder (tokenizers' decoders/wordpiece.rs): a `##` piece joins
    // the previous token, any other token is preceded by a space, and with "cleanup" each token
    // so made is cleaned on its own. Then transformers' clean_up_tokenization on the whole string.
    static const std::pair<std::string_view, std::string_view> kTokenCleanup[] = {
        {" .", "."},     {" ?", "?"},     {" !", "!"},     {" ,", ","},       {" ' ", "'"},   {" n't", "n't"},
        {" 'm", "'m"},   {" do not", " don't"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"}};
    static const std::pair<std::string_view, std::string_view> kStringCleanup[] = {
        {" .", "."},   {" ?", "?"},     {" !", "!"},     {" ,", ","},     {" ' ", "'"},
        {" n't", "n't"}, {" 'm", "'m"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"}};
    std::string text;
    std::string piece;
    bool first = true;
    const std::string& prefix = m_config.continuationPrefix;
    for (int32_t id : ids) {
        if (id < 0 || id >= m_vocab->size()) continue;
        if (skipSpecialTokens && isSpecial(id)) continue;
        const std::string& token = m_vocab->token(id);
        piece.clear();
        if (first)
            piece = token;
        else if (!prefix.empty() && token.compare(0, prefix.size(), prefix) == 0)
            piece.assign(token, prefix.size(), std::string::npos);
        else
            piece.append(" ").append(token);
        if (m_config.decoderCleanup)
            for (const auto& [from, to] : kTokenCleanup) replaceAll(piece, from, to);
        text += piece;
        first = false;
    }
    if (m_config.cleanUpTokenizationSpaces)
        for (const auto& [from, to] : kStringCleanup) replaceAll(text, from, to);
    return text;
}

int32_t WordPieceTokenizer::vocabSize() const { return m_vocab->size(); }

std::string WordPieceTokenizer::idToToken(int32_t id) const
{
    if (id < 0 || id >= m_vocab->size()) return {};
    return m_vocab->token(id);
}

int32_t WordPieceTokenizer::tokenToId(std::string_view token) const { return m_vocab->find(token); }

bool WordPieceTokenizer::isSpecial(int32_t id) const
{
    return id >= 0 && static_cast<std::size_t>(id) < m_specialById.size() &&
           m_specialById[static_cast<std::size_t>(id)] != 0;
}

Message WordPieceTokenizer::describe() const
{
    return Message(m_config.normalizer.lowercase ? MASKLAB_TRANSLATE_NOOP("Engine", "WordPiece, {1} tokens, uncased")
                                                 : MASKLAB_TRANSLATE_NOOP("Engine", "WordPiece, {1} tokens, cased"))
        .count(vocabSize());
}

}  // namespace masklab
