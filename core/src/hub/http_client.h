#pragma once
// One HTTP exchange through libcurl, with redirects left to the caller: the Hub client decides
// per hop whether credentials may follow (huggingface_hub keeps the Authorization header on the
// Hub and drops it on the storage host).
#include "hub/http_message.h"
#include "masklab/message.h"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace masklab::hub {

// The transfer failed below HTTP: no route, refused, reset, timed out, TLS. The Hub client
// falls back to the cache on these, as huggingface_hub does.
class NetworkError : public MessageError {
public:
    using MessageError::MessageError;
};

struct HttpRequest {
    std::string method = "GET";        // "GET" or "HEAD"
    std::string url;
    std::vector<std::string> headers;  // "Name: value"
    long connectTimeoutSeconds = 10;
    long stallTimeoutSeconds = 30;     // abort when no byte arrives for this long
};

struct HttpResponse {
    int status = 0;
    HeaderMap headers;
    std::string body;       // the body when no sink took it, cut at 64 KiB (error pages)
    bool aborted = false;   // the sink or keepGoing asked to stop
};

// Receives the body of a 2xx response as it arrives, with the response's status and headers;
// returns false to stop the transfer.
using BodySink = std::function<bool(int status, const HeaderMap& headers, const char* data, std::size_t size)>;

// Performs the request. Bodies of 2xx responses go to sink when one is given; other bodies are
// kept (cut) in HttpResponse::body. keepGoing, called about once a second and with each chunk,
// stops the transfer when it returns false. Throws NetworkError for transport failures, with
// libcurl's reason and the host.
HttpResponse performHttp(const HttpRequest& request, const BodySink& sink = {},
                         const std::function<bool()>& keepGoing = {});

}  // namespace masklab::hub
