#include "text/unicode_classes.h"

#include "text/hf_unicode_overrides.h"

#include <utf8proc.h>

#include <algorithm>
#include <iterator>

namespace masklab::unicode {
namespace {

// HF's class for a code point whose category changed since HF's tables; nullptr otherwise.
const HfClass* hfOverride(char32_t c)
{
    if (c < kHfClassOverrides[0].first) return nullptr;
    const auto* end = std::end(kHfClassOverrides);
    const auto* it = std::upper_bound(std::begin(kHfClassOverrides), end, c,
                                      [](char32_t value, const HfClassRange& r) { return value < r.first; });
    --it;
    return c <= it->last ? &it->hfClass : nullptr;
}

}  // namespace

bool isWhitespace(char32_t c)
{
    switch (c) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20: case 0x85: case 0xA0:
    case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

bool isControl(char32_t c)
{
    if (c == '\t' || c == '\n' || c == '\r') return false;
    if (hfOverride(c)) return false;
    // Cn is not here: HF's table of unassigned code points is empty in practice (checked
    // against HF for every code point), so unassigned characters stay in the text.
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CS:
        return true;
    default:
        return false;
    }
}

bool isChineseChar(char32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2B73F) ||
           (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

bool isPunctuation(char32_t c)
{
    if (c < 0x80) {
        return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) ||
               (c >= 123 && c <= 126);
    }
    if (const HfClass* hf = hfOverride(c)) return *hf == HfClass::Punct;
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return true;
    default:
        return false;
    }
}

bool isNonspacingMark(char32_t c)
{
    if (const HfClass* hf = hfOverride(c)) return *hf == HfClass::Mark;
    return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_MN;
}

int decomposeCanonical(char32_t c, char32_t out[4])
{
    utf8proc_int32_t buffer[4];
    int last = 0;
    const utf8proc_ssize_t n = utf8proc_decompose_char(
        static_cast<utf8proc_int32_t>(c), buffer, 4, UTF8PROC_DECOMPOSE, &last);
    if (n <= 0 || n > 4) {
        out[0] = c;
        return 1;
    }
    for (utf8proc_ssize_t i = 0; i < n; ++i) out[i] = static_cast<char32_t>(buffer[i]);
    return static_cast<int>(n);
}

int toLower(char32_t c, char32_t out[3])
{
    // U+0130 is the one code point whose unconditional full lowercase (SpecialCasing.txt) is
    // two code points; utf8proc only has the simple mapping.
    if (c == 0x130) {
        out[0] = 'i';
        out[1] = 0x307;
        return 2;
    }
    out[0] = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
    return 1;
}

}  // namespace masklab::unicode
