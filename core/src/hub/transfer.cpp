#include "hub/transfer.h"
#include "support/quote.h"

#include "masklab/message.h"

#include "hub/http_client.h"
#include "hub/sha256.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <filesystem>
#include <thread>

namespace masklab::hub {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxRedirects = 10;
constexpr int kMaxRetries = 5;

// Hashes what a resumed file already holds, so the digest covers the whole file.
void hashExisting(int fd, uint64_t size, Sha256& sha)
{
    std::unique_ptr<char[]> buffer(new char[1 << 20]);
    uint64_t done = 0;
    while (done < size) {
        const ssize_t got = ::pread(fd, buffer.get(), std::min<uint64_t>(1 << 20, size - done), static_cast<off_t>(done));
        if (got <= 0) break;
        sha.add(buffer.get(), static_cast<std::size_t>(got));
        done += static_cast<uint64_t>(got);
    }
}

MessageError diskError(const std::string& path, int error, uint64_t needed)
{
    const std::string folder = fs::path(path).parent_path().string();
    if (error == ENOSPC || error == EDQUOT)
        return MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the disk is full: writing {1} needs {2} more; free space "
                                                                     "in {3} and run again, the download resumes"))
                                .arg(path)
                                .bytes(needed)
                                .arg(folder));
    return MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write {1}: {2}; check that {3} is writable"))
                            .arg(path)
                            .arg(std::strerror(error))
                            .arg(folder));
}

}  // namespace

std::string describeProgress(const TransferProgress& p)
{
    std::string line = p.file + ": " + describeBytes(p.bytes);
    if (p.total > 0) line += " of " + describeBytes(p.total);
    if (p.bytesPerSecond > 0) line += ", " + describeBytes(static_cast<uint64_t>(p.bytesPerSecond)) + "/s";
    if (p.secondsLeft >= 0 && p.total > p.bytes) {
        const long seconds = std::lround(p.secondsLeft);
        line += ", " + (seconds >= 60 ? std::to_string(seconds / 60) + " min " + std::to_string(seconds % 60) + " s"
                                      : std::to_string(seconds) + " s") + " left";
    }
    return line;
}

ProgressMeter::ProgressMeter(const ProgressCallback& callback, uint64_t total) : m_callback(callback)
{
    m_state.total = total;
}

void ProgressMeter::beginFile(const std::string& name, uint64_t onDisk, uint64_t fileTotal)
{
    m_state.file = name;
    m_state.fileBytes = onDisk;
    m_state.fileTotal = fileTotal;
    m_state.bytes += onDisk;
    keepGoing(true);
}

void ProgressMeter::add(uint64_t bytes)
{
    m_state.fileBytes += bytes;
    m_state.bytes += bytes;
    m_received += bytes;
}

void ProgressMeter::restartFile()
{
    m_state.bytes -= std::min(m_state.bytes, m_state.fileBytes);
    m_state.fileBytes = 0;
}

void ProgressMeter::endFile() { keepGoing(true); }

bool ProgressMeter::keepGoing(bool force)
{
    if (m_cancelled) return false;
    if (!m_callback) return true;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - m_lastReport < std::chrono::milliseconds(100)) return true;
    m_lastReport = now;
    const double seconds = std::chrono::duration<double>(now - m_start).count();
    m_state.bytesPerSecond = seconds > 0.05 ? m_received / seconds : 0;
    m_state.secondsLeft = (m_state.total > m_state.bytes && m_state.bytesPerSecond > 0)
                              ? (m_state.total - m_state.bytes) / m_state.bytesPerSecond
                              : (m_state.total > 0 && m_state.total <= m_state.bytes ? 0 : -1);
    if (!m_callback(m_state)) m_cancelled = true;
    return !m_cancelled;
}

std::string redirectTarget(const std::string& from, const std::string& location)
{
    const auto base = parseUrl(from);
    if (!base)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot follow a redirect from {1}")).arg(excerpt(from, 120)));
    const std::string next = resolveLocation(*base, location);
    const auto target = parseUrl(next);
    if (!target)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "refusing a redirect to {1}: not an http(s) address"))
                               .arg(inQuotes(next, 80)));
    if (base->scheme == "https" && target->scheme == "http" && !target->isLoopback())
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "refusing a redirect from HTTPS to plain HTTP ({1}): the "
                                                                     "download would travel unprotected"))
                               .arg(target->host));
    return next;
}

FileLock::FileLock(const std::string& path)
{
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd >= 0) ::flock(m_fd, LOCK_EX);  // best effort, as huggingface_hub's WeakFileLock
}

FileLock::~FileLock()
{
    if (m_fd >= 0) {
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
    }
}

void transferToFile(const TransferRequest& r, ProgressMeter& meter)
{
    std::error_code ec;
    fs::create_directories(fs::path(r.incompletePath).parent_path(), ec);
    const int fd = ::open(r.incompletePath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw diskError(r.incompletePath, errno, r.expectedSize.value_or(0));
    std::unique_ptr<int, void (*)(int*)> closer(new int(fd), [](int* f) {
        ::close(*f);
        delete f;
    });
    struct stat info {};
    ::fstat(fd, &info);
    uint64_t onDisk = static_cast<uint64_t>(info.st_size);
    if (r.expectedSize && onDisk > *r.expectedSize) {  // a leftover of another version
        if (::ftruncate(fd, 0) != 0) throw diskError(r.incompletePath, errno, 0);
        onDisk = 0;
    }
    Sha256 sha;
    if (!r.expectedSha256.empty() && onDisk > 0) hashExisting(fd, onDisk, sha);
    meter.beginFile(r.label, onDisk, r.expectedSize.value_or(0));

    const auto restartFromZero = [&] {
        if (::ftruncate(fd, 0) != 0) throw diskError(r.incompletePath, errno, 0);
        onDisk = 0;
        sha = Sha256();
        meter.restartFile();
    };
    const auto firstOrigin = parseUrl(r.url);
    if (!firstOrigin)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "not an http(s) address: {1}")).arg(excerpt(r.url, 120)));

    int retries = 0;
    bool rangeRefused = false;
    bool done = r.expectedSize && onDisk == *r.expectedSize;
    while (!done) {
        const uint64_t attemptStart = onDisk;
        std::string url = r.url;
        for (int hop = 0;; ++hop) {
            if (hop > kMaxRedirects)
                throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "more than 10 redirects while downloading {1}"))
                                       .arg(r.label));
            const bool sameOrigin = parseUrl(url)->origin() == firstOrigin->origin();
            HttpRequest request;
            request.url = url;
            if (sameOrigin && !r.authorization.empty()) request.headers.push_back("Authorization: " + r.authorization);
            request.headers.push_back("Accept-Encoding: identity");
            if (onDisk > 0 && !rangeRefused) request.headers.push_back("Range: bytes=" + std::to_string(onDisk) + "-");

            bool first = true;
            std::optional<uint64_t> limit;
            std::string protocolError;
            bool tooLarge = false;
            int writeError = 0;
            const BodySink sink = [&](int status, const HeaderMap& headers, const char* data, std::size_t size) {
                if (first) {
                    first = false;
                    if (status == 206) {
                        const auto range = parseContentRange(headers.get("content-range"));
                        if (!range || range->start != onDisk) {
                            protocolError = "it answered the resume request with another range";
                            return false;
                        }
                        limit = range->total;
                    } else {
                        // A 200 to a Range request: the server sends the whole file again.
                        if (onDisk > 0) restartFromZero();
                        limit = parseSize(headers.get("content-length"));
                    }
                    if (r.expectedSize) {
                        if (limit && *limit != *r.expectedSize) {
                            protocolError = "it announced " + std::to_string(*limit) + " bytes where " +
                                            std::to_string(*r.expectedSize) + " were expected";
                            return false;
                        }
                        limit = r.expectedSize;
                    }
                }
                if (limit && onDisk + size > *limit) {
                    tooLarge = true;
                    return false;
                }
                for (std::size_t written = 0; written < size;) {
                    const ssize_t n = ::pwrite(fd, data + written, size - written, static_cast<off_t>(onDisk + written));
                    if (n < 0 && errno == EINTR) continue;
                    if (n <= 0) {
                        writeError = n < 0 ? errno : ENOSPC;
                        return false;
                    }
                    written += static_cast<std::size_t>(n);
                }
                if (!r.expectedSha256.empty()) sha.add(data, size);
                onDisk += size;
                meter.add(size);
                return true;  // performHttp asks meter.keepGoing() before every chunk
            };
            HttpResponse response;
            try {
                response = performHttp(request, sink, [&] { return meter.keepGoing(); });
            } catch (const NetworkError& e) {
                if (onDisk > attemptStart && ++retries <= kMaxRetries) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(300));
                    break;  // resume from what arrived
                }
                if (onDisk == 0)
                    throw NetworkError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} while downloading {2}"))
                                           .inner(e.message())
                                           .arg(r.label));
                throw NetworkError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} while downloading {2}; the {3} received are "
                                                                             "kept: run again to resume"))
                                       .inner(e.message())
                                       .arg(r.label)
                                       .bytes(onDisk));
            }
            if (meter.cancelled())
                throw DownloadCancelled(Message(MASKLAB_TRANSLATE_NOOP("Engine", "download of {1} cancelled at {2}; run it "
                                                                                  "again to resume"))
                                            .arg(r.label)
                                            .bytes(onDisk));
            if (writeError) throw diskError(r.incompletePath, writeError, r.expectedSize.value_or(onDisk) - onDisk);
            if (tooLarge) {
                ::unlink(r.incompletePath.c_str());
                throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the server sent more than the {1} bytes it "
                                                                             "announced for {2}: refused, and the partial file "
                                                                             "removed"))
                                       .count(static_cast<int64_t>(*limit))
                                       .arg(r.label));
            }
            if (!protocolError.empty()) {
                if (rangeRefused)
                    throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the server sent a broken response for {1}: {2}"))
                                           .arg(r.label)
                                           .arg(protocolError));
                rangeRefused = true;  // once more from the start, without a Range
                restartFromZero();
                break;
            }
            if (response.status >= 300 && response.status < 400 && response.headers.find("location")) {
                url = redirectTarget(url, response.headers.get("location"));
                continue;
            }
            if (response.status == 416) {  // "range not satisfiable": we already hold it all, or junk
                if (r.expectedSize && onDisk == *r.expectedSize) {
                    done = true;
                    break;
                }
                if (rangeRefused)
                    throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the server refuses every range of {1}")).arg(r.label));
                rangeRefused = true;
                restartFromZero();
                break;
            }
            if (response.status < 200 || response.status >= 300)
                throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the server answered HTTP {1} for {2} ({3})"))
                                       .arg(std::to_string(response.status))
                                       .arg(r.label)
                                       .arg(url.substr(0, 120)));
            if (response.aborted)
                throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the download of {1} stopped: {2} received"))
                                       .arg(r.label)
                                       .bytes(onDisk));
            // A body that ended early without a transport error (no Content-Length): resume.
            if (r.expectedSize && onDisk < *r.expectedSize) {
                if (onDisk > attemptStart && ++retries <= kMaxRetries) break;
                throw NetworkError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the connection ended after {1} of {2} of {3}; run "
                                                                             "again to resume"))
                                       .bytes(onDisk)
                                       .bytes(*r.expectedSize)
                                       .arg(r.label));
            }
            done = true;
            break;
        }
    }
    meter.endFile();
    if (!r.expectedSha256.empty()) {
        const std::string actual = sha.hex();
        if (actual != r.expectedSha256) {
            ::unlink(r.incompletePath.c_str());
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the download of {1} is corrupt: its sha256 is {2}…, the server "
                                                          "promised {3}…; the file was removed, run again (or report "
                                                          "the mirror)"))
                                   .arg(r.label)
                                   .arg(actual.substr(0, 12))
                                   .arg(r.expectedSha256.substr(0, 12)));
        }
    }
    if (::fsync(fd) != 0) throw diskError(r.incompletePath, errno, 0);
}

}  // namespace masklab::hub
