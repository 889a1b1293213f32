#pragma once
// Text from a file or a server quoted in an error message. Whatever the input holds (a 200 MB
// line, a NUL, a line break, bytes that are not UTF-8), the message stays one short readable
// line: control characters and stray bytes are written as escapes, and the text is cut after
// about `limit` characters of what is shown (an escape counts as the four it takes) with "…".
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace masklab {

// The text itself, escaped and cut.
inline std::string excerpt(std::string_view text, std::size_t limit = 40)
{
    std::string out;
    std::size_t shown = 0, i = 0;
    while (i < text.size() && shown < limit) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n > 1 && (i + n > text.size() || c == 0xC0 || c == 0xC1 || c > 0xF4)) n = 0;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) n = 0;
        if (n == 1 && c >= 0x20 && c != 0x7f) {
            out += static_cast<char>(c);
        } else if (n > 1) {
            out.append(text.substr(i, n));
        } else {
            const char* named = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : nullptr;
            char escape[8];
            if (!named) std::snprintf(escape, sizeof escape, "\\x%02x", c);
            out += named ? named : escape;
            shown += named ? 1 : 3;
            n = 1;
        }
        i += n;
        ++shown;
    }
    if (i < text.size()) out += "…";
    return out;
}

// The excerpt in double quotes.
inline std::string inQuotes(std::string_view text, std::size_t limit = 40)
{
    return "\"" + excerpt(text, limit) + "\"";
}

}  // namespace masklab
