#pragma once
// nlohmann::json's messages start with a tag ("[json.exception.parse_error.101] ") and may quote
// what was last read, which for a broken line can be megabytes. What users see is the reason
// alone, cut to a few dozen characters.
#include <cstddef>
#include <exception>
#include <string>

namespace masklab {

inline std::string jsonReason(const std::exception& error, std::size_t limit = 120)
{
    std::string reason = error.what();
    if (reason.rfind("[json.exception", 0) == 0)
        if (const std::size_t tag = reason.find("] "); tag != std::string::npos) reason = reason.substr(tag + 2);
    if (reason.size() > limit) reason = reason.substr(0, limit) + "…";
    return reason;
}

}  // namespace masklab
