#pragma once
// Streams one HTTP resource into a ".incomplete" file: resumes with Range from what is on disk
// (also after the process was killed), restarts when a server ignores the Range, follows
// redirects hop by hop (credentials only within one origin, never HTTPS to plain HTTP except on
// loopback), refuses more bytes than announced, hashes on the way, retries a cut connection, and
// leaves the file checked and complete. The caller moves it into place.
#include "hub/http_message.h"
#include "masklab/hub.h"

#include <chrono>
#include <optional>
#include <string>

namespace masklab::hub {

// Sums bytes over the files of one download and calls the user's callback, at most every
// 100 ms (and on each file's first and last byte).
class ProgressMeter {
public:
    ProgressMeter(const ProgressCallback& callback, uint64_t total);

    void beginFile(const std::string& name, uint64_t onDisk, uint64_t fileTotal);
    void add(uint64_t bytes);        // received
    void restartFile();              // what this file had on disk was thrown away
    void endFile();
    // Reports (throttled) and returns false once the callback has asked to cancel.
    bool keepGoing(bool force = false);
    bool cancelled() const { return m_cancelled; }

private:
    const ProgressCallback& m_callback;
    TransferProgress m_state;
    uint64_t m_received = 0;  // this session, for the rate
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point m_lastReport{};
    bool m_cancelled = false;
};

struct TransferRequest {
    std::string url;
    std::string authorization;          // "Bearer ..." or empty: only within the first origin
    std::string incompletePath;
    std::optional<uint64_t> expectedSize;
    std::string expectedSha256;          // lower-case hex, or empty
    std::string label;                   // names the file in progress and messages
};

// Downloads into request.incompletePath until it holds expectedSize bytes (or the whole body)
// with the expected sha256. Throws DownloadCancelled (file kept for resume), NetworkError after
// the retries, masklab::Error for a server that misbehaves (file removed when its bytes are
// wrong) or a full disk (file kept).
void transferToFile(const TransferRequest& request, ProgressMeter& meter);

// Keeps other MaskLab processes (and huggingface_hub, which uses flock too) off one file.
class FileLock {
public:
    explicit FileLock(const std::string& path);
    ~FileLock();
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

private:
    int m_fd = -1;
};

// The URL a redirect leads to from `from`. Throws masklab::Error for a Location that is not an
// http(s) URL or that leads from HTTPS to plain HTTP off loopback.
std::string redirectTarget(const std::string& from, const std::string& location);

}  // namespace masklab::hub
