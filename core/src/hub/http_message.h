#pragma once
// The parts of HTTP the Hub client reads, as pure functions over text: response header lines
// and URLs. No sockets here, so the parsing can be tested (and fuzzed) on its own.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace masklab::hub {

// Response headers by lower-case name. A repeated header keeps its last value.
class HeaderMap {
public:
    void clear() { m_values.clear(); }
    void set(std::string name, std::string value);
    // The value, or nullptr when the response has no such header.
    const std::string* find(std::string_view name) const;
    std::string get(std::string_view name) const;
    bool empty() const { return m_values.empty(); }

private:
    std::map<std::string, std::string, std::less<>> m_values;
};

// Feeds one line of a response head ("HTTP/1.1 200 OK" or "Name: value", CRLF optional) into
// headers. A status line starts a new response (a 100 Continue, a redirect) and clears them.
// Returns the status code of a status line, 0 for anything else. Lines without a colon and
// names with characters outside HTTP's token set are ignored.
int parseHeaderLine(std::string_view line, HeaderMap& headers);

// A non-negative decimal integer (a Content-Length, an X-Linked-Size), or nothing when the text
// is not one or does not fit 63 bits.
std::optional<uint64_t> parseSize(std::string_view text);

// The total length of "bytes START-END/TOTAL" and its start, for a resumed download.
struct ContentRange {
    uint64_t start = 0;
    std::optional<uint64_t> total;
};
std::optional<ContentRange> parseContentRange(std::string_view text);

// An ETag as the cache names blobs: W/ and the quotes removed (huggingface_hub's
// _normalize_etag).
std::string normalizeEtag(std::string_view etag);

// True for 64 lower- or upper-case hex digits: the ETag of an LFS file is its sha256.
bool isSha256Hex(std::string_view text);

struct Url {
    std::string scheme;  // lower case: "http", "https"
    std::string host;    // lower case, IPv6 without brackets
    int port = 0;        // the scheme's default when the URL names none
    std::string path;    // from the first '/' on (query included), "/" when empty

    std::string origin() const;  // scheme://host:port, the unit that keeps credentials
    bool isLoopback() const;     // 127.0.0.0/8, ::1, localhost
};

// Parses an absolute http or https URL; nothing for anything else.
std::optional<Url> parseUrl(std::string_view text);

// Where a Location header points, seen from the URL that answered it: absolute, scheme-relative
// ("//host/path"), path-absolute ("/path") or relative to the current folder.
std::string resolveLocation(const Url& base, std::string_view location);

}  // namespace masklab::hub
