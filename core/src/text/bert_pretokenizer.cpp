#include "masklab/bert_pretokenizer.h"

#include "text/unicode_classes.h"
#include "text/utf8.h"

#include <array>

namespace masklab {
namespace {

// What the fused normalizer + pre-tokenizer does with one ASCII byte.
enum class AsciiClass : uint8_t { Drop, Space, Punct, Upper, Other };

constexpr std::array<AsciiClass, 128> makeAsciiTable()
{
    std::array<AsciiClass, 128> t{};
    for (int c = 0; c < 128; ++c) {
        if (c == '\t' || c == '\n' || c == '\r' || c == ' ')
            t[c] = AsciiClass::Space;
        else if (c < 0x20 || c == 0x7F)
            t[c] = AsciiClass::Drop;  // Cc (0x0B and 0x0C too: clean_text filters before mapping)
        else if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) ||
                 (c >= 123 && c <= 126))
            t[c] = AsciiClass::Punct;
        else if (c >= 'A' && c <= 'Z')
            t[c] = AsciiClass::Upper;
        else
            t[c] = AsciiClass::Other;
    }
    return t;
}
constexpr auto kAscii = makeAsciiTable();

// Accumulates normalized characters into words.
class WordBuilder {
public:
    explicit WordBuilder(PreTokenized& out) : m_out(out) {}

    void appendChar(char32_t c, uint32_t origin)
    {
        openWord(origin);
        const std::size_t before = m_out.text.size();
        utf8::append(m_out.text, c);
        m_out.charOfByte.insert(m_out.charOfByte.end(), m_out.text.size() - before, origin);
        m_current.charEnd = origin + 1;
    }
    void appendAscii(char c, uint32_t origin)
    {
        openWord(origin);
        m_out.text.push_back(c);
        m_out.charOfByte.push_back(origin);
        m_current.charEnd = origin + 1;
    }
    void endWord()
    {
        if (!m_open) return;
        m_current.textEnd = static_cast<uint32_t>(m_out.text.size());
        m_out.words.push_back(m_current);
        m_open = false;
    }
    // A character that forms a word of its own (punctuation, CJK ideograph).
    void isolated(char32_t c, uint32_t origin)
    {
        endWord();
        appendChar(c, origin);
        endWord();
    }

private:
    void openWord(uint32_t origin)
    {
        if (m_open) return;
        m_open = true;
        m_current = PreToken{};
        m_current.textBegin = static_cast<uint32_t>(m_out.text.size());
        m_current.charBegin = origin;
    }

    PreTokenized& m_out;
    PreToken m_current;
    bool m_open = false;
};

// Feeds one normalized character to the splitter.
inline void splitChar(WordBuilder& words, char32_t c, uint32_t origin)
{
    if (unicode::isWhitespace(c))
        words.endWord();
    else if (unicode::isPunctuation(c))
        words.isolated(c, origin);
    else
        words.appendChar(c, origin);
}

void normalizeNonAscii(char32_t c, uint32_t origin, const BertNormalizerOptions& options,
                       WordBuilder& words)
{
    if (options.cleanText) {
        if (c == 0 || c == utf8::kReplacement || unicode::isControl(c)) return;
        if (unicode::isWhitespace(c)) {
            words.endWord();
            return;
        }
    }
    char32_t decomposed[4];
    int count = 1;
    decomposed[0] = c;
    if (options.handleChineseChars && unicode::isChineseChar(c)) {
        // Padded with spaces by the normalizer: a word of its own. NFD still applies
        // (compatibility ideographs decompose to unified ones).
        words.endWord();
        if (options.stripsAccents()) count = unicode::decomposeCanonical(c, decomposed);
        for (int i = 0; i < count; ++i) {
            if (options.stripsAccents() && unicode::isNonspacingMark(decomposed[i])) continue;
            splitChar(words, decomposed[i], origin);
        }
        words.endWord();
        return;
    }
    if (options.stripsAccents()) count = unicode::decomposeCanonical(c, decomposed);
    for (int i = 0; i < count; ++i) {
        if (options.stripsAccents() && unicode::isNonspacingMark(decomposed[i])) continue;
        if (options.lowercase) {
            char32_t lower[3];
            const int n = unicode::toLower(decomposed[i], lower);
            for (int j = 0; j < n; ++j) splitChar(words, lower[j], origin);
        } else {
            splitChar(words, decomposed[i], origin);
        }
    }
}

}  // namespace

void bertPreTokenize(std::string_view input, uint32_t charBase, const BertNormalizerOptions& options,
                     PreTokenized& out)
{
    WordBuilder words(out);
    uint32_t origin = charBase;
    std::size_t pos = 0;
    while (pos < input.size()) {
        const auto byte = static_cast<unsigned char>(input[pos]);
        if (byte < 0x80) {
            ++pos;
            switch (kAscii[byte]) {
            case AsciiClass::Drop:
                if (options.cleanText) break;
                if (byte == 0x0B || byte == 0x0C)  // White_Space, split by the pre-tokenizer
                    words.endWord();
                else
                    words.appendAscii(static_cast<char>(byte), origin);
                break;
            case AsciiClass::Space:
                words.endWord();
                break;
            case AsciiClass::Punct:
                words.isolated(byte, origin);
                break;
            case AsciiClass::Upper:
                words.appendAscii(static_cast<char>(options.lowercase ? byte + 32 : byte), origin);
                break;
            case AsciiClass::Other:
                words.appendAscii(static_cast<char>(byte), origin);
                break;
            }
        } else {
            normalizeNonAscii(utf8::next(input, pos), origin, options, words);
        }
        ++origin;
    }
    words.endWord();
}

std::string bertNormalize(std::string_view input, const BertNormalizerOptions& options)
{
    // Rebuilt from the words: whitespace runs become one space, punctuation and ideographs are
    // separated by spaces, which is what the pre-tokenizer sees.
    PreTokenized pre;
    bertPreTokenize(input, 0, options, pre);
    std::string result;
    for (const PreToken& w : pre.words) {
        if (!result.empty()) result.push_back(' ');
        result.append(pre.word(w));
    }
    return result;
}

}  // namespace masklab
