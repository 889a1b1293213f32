// What the Hub client reads from a server: a response head line by line (status lines, headers
// repeated or malformed), the sizes, ranges, ETags and Location values in it, and the repo ids
// and file names that come from users and from redirects.
#include "fuzz_support.h"
#include "hub/hub_cache.h"
#include "hub/http_message.h"
#include "masklab/hub.h"

#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace masklab::hub;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    HeaderMap headers;
    std::size_t begin = 0;
    while (begin <= input.size()) {
        const std::size_t end = std::min(input.find('\n', begin), input.size());
        const std::string_view line = input.substr(begin, end - begin);
        parseHeaderLine(line, headers);
        masklab::fuzz::expectCleanOutcome(std::string_view(reinterpret_cast<const char*>(data), size), [&] { checkRepoFileName(std::string(line)); });
        if (const auto repo = masklab::hub::RepoRef::parse(std::string(line))) {
            if (repo->repoId.empty()) masklab::fuzz::finding("a repo reference with an empty id", std::string(line));
            (void)repo->text();
        }
        (void)isCommitHash(std::string(line));
        (void)repoIdFromFolderName(std::string(line));
        begin = end + 1;
    }
    for (const char* name : {"content-length", "x-linked-size", "content-range", "etag", "x-linked-etag",
                             "location", "x-repo-commit", "x-error-code"}) {
        const std::string value = headers.get(name);
        (void)parseSize(value);
        if (const auto range = parseContentRange(value); range && range->total && range->start > *range->total)
            masklab::fuzz::finding("a Content-Range that starts past its total", value);
        const std::string etag = normalizeEtag(value);
        if (etag.size() > value.size()) masklab::fuzz::finding("an ETag that grew when normalized", value);
        (void)isSha256Hex(etag);
    }
    const std::string location = headers.get("location");
    for (const char* base : {"https://huggingface.co/org/name/resolve/main/config.json", "http://127.0.0.1:8080/a/b"}) {
        const auto url = parseUrl(base);
        if (!url) masklab::fuzz::finding("a plain URL did not parse", base);
        const std::string next = resolveLocation(*url, location);
        if (const auto parsed = parseUrl(next)) (void)parsed->origin(), (void)parsed->isLoopback();
    }
    if (const auto url = parseUrl(std::string(input.substr(0, input.find('\n')))))
        if (url->scheme != "http" && url->scheme != "https") masklab::fuzz::finding("a URL of another scheme", url->scheme);
    return 0;
}
