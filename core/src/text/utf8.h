#pragma once
// Minimal UTF-8 stepping used on the tokenizer's hot path. utf8proc offers
// utf8proc_iterate, but it validates every byte through a function call; corpus readers have
// already validated the text, so the hot loop decodes inline and maps any malformed byte to
// U+FFFD (which the BERT normalizer drops, as Hugging Face does with lossy input).
#include <cstdint>
#include <string>
#include <string_view>

namespace masklab::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at text[pos] and advances pos past it.
inline char32_t next(std::string_view text, std::size_t& pos)
{
    const auto b0 = static_cast<unsigned char>(text[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    auto cont = [&](std::size_t i) -> int {
        if (pos + i >= text.size()) return -1;
        const auto b = static_cast<unsigned char>(text[pos + i]);
        return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
    };
    if (b0 >= 0xC2 && b0 < 0xE0) {
        const int c1 = cont(1);
        if (c1 >= 0) { pos += 2; return (char32_t(b0 & 0x1F) << 6) | c1; }
    } else if (b0 >= 0xE0 && b0 < 0xF0) {
        const int c1 = cont(1), c2 = c1 >= 0 ? cont(2) : -1;
        if (c2 >= 0) {
            const char32_t cp = (char32_t(b0 & 0x0F) << 12) | (c1 << 6) | c2;
            if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) { pos += 3; return cp; }
        }
    } else if (b0 >= 0xF0 && b0 < 0xF5) {
        const int c1 = cont(1), c2 = c1 >= 0 ? cont(2) : -1, c3 = c2 >= 0 ? cont(3) : -1;
        if (c3 >= 0) {
            const char32_t cp = (char32_t(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
            if (cp >= 0x10000 && cp <= 0x10FFFF) { pos += 4; return cp; }
        }
    }
    ++pos;
    return kReplacement;
}

inline void append(std::string& out, char32_t cp)
{
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
}

inline bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Number of code points in a UTF-8 string.
inline std::size_t length(std::string_view text)
{
    std::size_t n = 0;
    for (char c : text) n += !isContinuationByte(c);
    return n;
}

}  // namespace masklab::utf8
