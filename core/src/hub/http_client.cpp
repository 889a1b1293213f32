#include "hub/http_client.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace masklab::hub {
namespace {

constexpr std::size_t kKeptBody = 64 * 1024;

struct Exchange {
    HttpResponse response;
    const BodySink* sink = nullptr;
    const std::function<bool()>* keepGoing = nullptr;
};

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* exchange = static_cast<Exchange*>(user);
    const int status = parseHeaderLine(std::string_view(data, size * count), exchange->response.headers);
    if (status > 0) exchange->response.status = status;
    return size * count;
}

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* exchange = static_cast<Exchange*>(user);
    const std::size_t bytes = size * count;
    const int status = exchange->response.status;
    if (exchange->keepGoing && *exchange->keepGoing && !(*exchange->keepGoing)()) {
        exchange->response.aborted = true;
        return 0;
    }
    if (status >= 200 && status < 300 && exchange->sink && *exchange->sink) {
        if (!(*exchange->sink)(status, exchange->response.headers, data, bytes)) {
            exchange->response.aborted = true;
            return 0;
        }
        return bytes;
    }
    std::string& body = exchange->response.body;
    if (body.size() < kKeptBody) body.append(data, std::min(bytes, kKeptBody - body.size()));
    return bytes;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    auto* exchange = static_cast<Exchange*>(user);
    if (exchange->keepGoing && *exchange->keepGoing && !(*exchange->keepGoing)()) {
        exchange->response.aborted = true;
        return 1;
    }
    return 0;
}

void initialiseCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

HttpResponse performHttp(const HttpRequest& request, const BodySink& sink, const std::function<bool()>& keepGoing)
{
    initialiseCurlOnce();
    std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl)
        throw NetworkError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot start an HTTP transfer (libcurl failed to "
                                                                     "initialise)")));
    std::unique_ptr<curl_slist, void (*)(curl_slist*)> headers(nullptr, &curl_slist_free_all);
    for (const std::string& h : request.headers) {
        curl_slist* grown = curl_slist_append(headers.get(), h.c_str());
        if (!grown)
            throw NetworkError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot build the HTTP request headers (out of "
                                                                         "memory)")));
        headers.release();
        headers.reset(grown);
    }
    Exchange exchange;
    exchange.sink = &sink;
    exchange.keepGoing = &keepGoing;
    char errorText[CURL_ERROR_SIZE] = {0};
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_USERAGENT, "masklab/0.1.0; libcurl");
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, request.connectTimeoutSeconds);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, request.stallTimeoutSeconds);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorText);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &exchange);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &exchange);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, &onProgress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &exchange);
    if (request.method == "HEAD") curl_easy_setopt(c, CURLOPT_NOBODY, 1L);

    const CURLcode code = curl_easy_perform(c);
    if (exchange.response.aborted) return std::move(exchange.response);
    if (code != CURLE_OK) {
        const auto url = parseUrl(request.url);
        const std::string host = url ? url->host + ":" + std::to_string(url->port) : request.url;
        const std::string reason = errorText[0] ? errorText : curl_easy_strerror(code);
        throw NetworkError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the connection to {1} failed: {2}")).arg(host).arg(reason));
    }
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    exchange.response.status = static_cast<int>(status);
    return std::move(exchange.response);
}

}  // namespace masklab::hub
