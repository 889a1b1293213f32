#include "hub/http_message.h"

#include <algorithm>
#include <cctype>

namespace masklab::hub {
namespace {

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
        text.remove_suffix(1);
    return text;
}

bool isTokenChar(char c)
{
    if (std::isalnum(static_cast<unsigned char>(c))) return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

}  // namespace

void HeaderMap::set(std::string name, std::string value) { m_values[lower(name)] = std::move(value); }

const std::string* HeaderMap::find(std::string_view name) const
{
    const auto it = m_values.find(lower(name));
    return it == m_values.end() ? nullptr : &it->second;
}

std::string HeaderMap::get(std::string_view name) const
{
    const std::string* value = find(name);
    return value ? *value : std::string();
}

int parseHeaderLine(std::string_view line, HeaderMap& headers)
{
    line = trim(line);
    if (line.size() >= 5 && line.substr(0, 5) == "HTTP/") {
        headers.clear();
        const std::size_t space = line.find(' ');
        if (space == std::string_view::npos || line.size() < space + 4) return 0;
        int status = 0;
        for (std::size_t i = space + 1; i < space + 4; ++i) {
            if (!std::isdigit(static_cast<unsigned char>(line[i]))) return 0;
            status = status * 10 + (line[i] - '0');
        }
        return status;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return 0;
    const std::string_view name = line.substr(0, colon);
    if (!std::all_of(name.begin(), name.end(), isTokenChar)) return 0;
    headers.set(std::string(name), std::string(trim(line.substr(colon + 1))));
    return 0;
}

std::optional<uint64_t> parseSize(std::string_view text)
{
    text = trim(text);
    if (text.empty() || text.size() > 18) return std::nullopt;  // 18 digits always fit 63 bits
    uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<uint64_t>(c - '0');
    }
    return value;
}

std::optional<ContentRange> parseContentRange(std::string_view text)
{
    text = trim(text);
    if (text.substr(0, 6) != "bytes ") return std::nullopt;
    text.remove_prefix(6);
    const std::size_t dash = text.find('-');
    const std::size_t slash = text.find('/');
    if (dash == std::string_view::npos || slash == std::string_view::npos || dash > slash) return std::nullopt;
    const auto start = parseSize(text.substr(0, dash));
    const auto end = parseSize(text.substr(dash + 1, slash - dash - 1));
    if (!start || !end || *end < *start) return std::nullopt;
    ContentRange range;
    range.start = *start;
    const std::string_view total = text.substr(slash + 1);
    if (total != "*") {
        range.total = parseSize(total);
        if (!range.total || *range.total <= *end) return std::nullopt;
    }
    return range;
}

std::string normalizeEtag(std::string_view etag)
{
    etag = trim(etag);
    if (etag.substr(0, 2) == "W/") etag.remove_prefix(2);
    while (!etag.empty() && etag.front() == '"') etag.remove_prefix(1);
    while (!etag.empty() && etag.back() == '"') etag.remove_suffix(1);
    return std::string(etag);
}

bool isSha256Hex(std::string_view text)
{
    return text.size() == 64 &&
           std::all_of(text.begin(), text.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

std::string Url::origin() const { return scheme + "://" + host + ":" + std::to_string(port); }

bool Url::isLoopback() const { return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0; }

std::optional<Url> parseUrl(std::string_view text)
{
    const std::size_t schemeEnd = text.find("://");
    if (schemeEnd == std::string_view::npos) return std::nullopt;
    Url url;
    url.scheme = lower(text.substr(0, schemeEnd));
    if (url.scheme == "http")
        url.port = 80;
    else if (url.scheme == "https")
        url.port = 443;
    else
        return std::nullopt;
    std::string_view rest = text.substr(schemeEnd + 3);
    const std::size_t pathStart = rest.find_first_of("/?#");
    std::string_view authority = rest.substr(0, pathStart);
    url.path = pathStart == std::string_view::npos ? "/" : std::string(rest.substr(pathStart));
    if (!url.path.empty() && url.path.front() != '/') url.path.insert(url.path.begin(), '/');
    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
    std::string_view portText;
    if (!authority.empty() && authority.front() == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        url.host = lower(authority.substr(1, close - 1));
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':') return std::nullopt;
            portText = authority.substr(close + 2);
        }
    } else {
        const std::size_t colon = authority.rfind(':');
        url.host = lower(authority.substr(0, colon));
        if (colon != std::string_view::npos) portText = authority.substr(colon + 1);
    }
    if (url.host.empty()) return std::nullopt;
    if (!portText.empty()) {
        const auto port = parseSize(portText);
        if (!port || *port == 0 || *port > 65535) return std::nullopt;
        url.port = static_cast<int>(*port);
    }
    return url;
}

std::string resolveLocation(const Url& base, std::string_view location)
{
    location = trim(location);
    if (location.find("://") != std::string_view::npos) return std::string(location);
    const std::string host = base.host.find(':') != std::string::npos ? "[" + base.host + "]" : base.host;
    const std::string prefix = base.scheme + "://" + host + ":" + std::to_string(base.port);
    if (location.substr(0, 2) == "//") return base.scheme + ":" + std::string(location);
    if (!location.empty() && location.front() == '/') return prefix + std::string(location);
    std::string folder = base.path.substr(0, base.path.find_first_of("?#"));
    folder = folder.substr(0, folder.rfind('/') + 1);
    return prefix + folder + std::string(location);
}

}  // namespace masklab::hub
