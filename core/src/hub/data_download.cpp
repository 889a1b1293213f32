// downloadFile and downloadImdb: one file over HTTP(S), resumable, checked, moved into place.
#include "masklab/hub.h"
#include "masklab/token_store.h"

#include "hub/sha256.h"
#include "hub/transfer.h"

#include <filesystem>

namespace masklab::hub {

namespace fs = std::filesystem;

void downloadFile(const FileDownload& request, const ProgressCallback& progress)
{
    ProgressMeter meter(progress, request.expectedSize.value_or(0));
    TransferRequest transfer;
    transfer.url = request.url;
    transfer.incompletePath = request.destination + ".incomplete";
    transfer.expectedSize = request.expectedSize;
    transfer.expectedSha256 = request.expectedSha256;
    transfer.label = fs::path(request.destination).filename().string();
    FileLock lock(request.destination + ".lock");
    transferToFile(transfer, meter);
    std::error_code ec;
    fs::rename(transfer.incompletePath, request.destination, ec);
    if (ec)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot move the download into {1}: {2}"))
                               .arg(request.destination)
                               .arg(ec.message()));
}

std::string downloadImdb(const std::string& url, const std::string& sha256, const ProgressCallback& progress,
                         const std::string& dataDir)
{
    const std::string folder = dataDir.empty() ? defaultCacheDir() + "/datasets" : dataDir;
    if (folder.empty() || folder == "/datasets")
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "no folder for downloads: set MASKLAB_CACHE_DIR or HOME")));
    const std::string destination = folder + "/aclImdb_v1.tar.gz";
    const std::string expected = sha256 == "none" ? std::string() : (sha256.empty() ? kImdbSha256 : sha256);
    std::error_code ec;
    if (fs::is_regular_file(destination, ec)) {
        // Already here: used as it is when its bytes are the expected ones.
        if (expected.empty() || sha256OfFile(destination) == expected) return destination;
        fs::remove(destination, ec);
    }
    FileDownload request;
    request.url = url.empty() ? kImdbUrl : url;
    request.destination = destination;
    request.expectedSha256 = expected;
    if (expected == kImdbSha256) request.expectedSize = kImdbSize;
    downloadFile(request, progress);
    return destination;
}

}  // namespace masklab::hub
