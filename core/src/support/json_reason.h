#pragma once
// nlohmann::json's messages start with a tag ("[json.exception.parse_error.101] ") and may quote
// what was last read, which for a broken line can be megabytes. What users see is the reason
// alone, cut to a few dozen characters, with the bytes it quotes escaped.
#include "support/quote.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <exception>
#include <string>

namespace masklab {

inline std::string jsonReason(const std::exception& error, std::size_t limit = 120)
{
    std::string reason = error.what();
    if (reason.rfind("[json.exception", 0) == 0)
        if (const std::size_t tag = reason.find("] "); tag != std::string::npos) reason = reason.substr(tag + 2);
    return excerpt(reason, limit);
}

// A JSON value as the file wrote it, for messages: cut, escaped, and never throwing on strings
// that are not UTF-8 (dump() would).
inline std::string asWritten(const nlohmann::json& value, std::size_t limit = 40)
{
    return excerpt(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), limit);
}

}  // namespace masklab
