#pragma once
// The Hugging Face Hub as huggingface_hub uses it: models fetched file by file through
// {endpoint}/{repo}/resolve/{revision}/{file} into the shared cache (~/.cache/huggingface/hub:
// blobs named by ETag, snapshots of symlinks per commit, refs per branch), so Python and MaskLab
// see one cache. Also: what the cache already holds, and plain downloads with resume and a
// checksum (the IMDb tarball). Everything reports progress through a callback that can cancel.
#include "masklab/message.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace masklab::hub {

// Where the Hub and its cache are, as huggingface_hub reads them from the environment:
// HF_ENDPOINT, HF_HUB_CACHE (else HF_HOME/hub, else $XDG_CACHE_HOME or ~/.cache, /huggingface/hub),
// HF_TOKEN (else the token file HF_TOKEN_PATH or HF_HOME/token), HF_HUB_OFFLINE (1/ON/YES/TRUE).
struct HubSettings {
    std::string endpoint = "https://huggingface.co";
    std::string cacheDir;
    std::string token;
    bool offline = false;

    static HubSettings fromEnvironment();
};

// A model repository at a revision: "name", "org/name", either with "@revision" (a branch, tag
// or commit; "main" when none).
struct RepoRef {
    std::string repoId;
    std::string revision = "main";

    // Nothing when the text cannot be a repo id (a path, "..", more than one '/').
    static std::optional<RepoRef> parse(const std::string& text);
    std::string text() const { return revision == "main" ? repoId : repoId + "@" + revision; }
};

struct TransferProgress {
    std::string file;            // the file in flight
    uint64_t fileBytes = 0;      // of it, on disk
    uint64_t fileTotal = 0;      // 0 when the server did not say
    uint64_t bytes = 0;          // of the whole download, on disk (resumed bytes count)
    uint64_t total = 0;          // 0 when unknown
    double bytesPerSecond = 0;   // over this session's transfer
    double secondsLeft = -1;     // -1 when unknown
};
// "config.json of org/name: 12.0 of 268.0 MB, 31.2 MB/s, 8 s left", for logs and the CLI.
std::string describeProgress(const TransferProgress& progress);

// Called as bytes arrive (and about once a second while waiting); return false to cancel.
using ProgressCallback = std::function<bool(const TransferProgress&)>;

// The callback cancelled. What was received stays on disk and the next download resumes it.
class DownloadCancelled : public MessageError {
public:
    using MessageError::MessageError;
};

struct Snapshot {
    std::string repoId;
    std::string folder;   // .../models--org--name/snapshots/<commit>: a model folder
    std::string commit;
    std::vector<std::string> files;  // repo paths in it
    bool fromCache = false;          // resolved without the network (offline, or it failed)
    std::string note;                // why the cache was used, for the user
};

// Downloads what a model needs (config.json; model.safetensors, else pytorch_model.bin, either
// possibly sharded with its index; the tokenizer files) plus extraFiles, skipping what the cache
// holds. Offline (settings.offline), or when the Hub cannot be reached, falls back to a complete
// cached snapshot as local_files_only does. Throws masklab::Error naming the problem and the fix
// (not found, gated without a token, offline and not cached, disk full), DownloadCancelled on
// cancel.
Snapshot downloadModel(const RepoRef& repo, const HubSettings& settings, const ProgressCallback& progress = {},
                       const std::vector<std::string>& extraFiles = {});

// The complete cached snapshot for repo, through refs/<revision> (or the commit itself).
std::optional<Snapshot> findCachedModel(const RepoRef& repo, const HubSettings& settings);

// Whether the endpoint answers HTTP at all within timeoutSeconds (the window's online/offline line).
bool endpointReachable(const HubSettings& settings, int timeoutSeconds);

// What the model field, --model and the settings file accept: an existing path is returned as
// it is; otherwise a repo id is resolved to its snapshot folder (cache, else download). Text that
// is neither throws the "model folder not found" error.
std::string locateModel(const std::string& pathOrRepoId, const ProgressCallback& progress = {});
std::string locateModel(const std::string& pathOrRepoId, const HubSettings& settings,
                        const ProgressCallback& progress);

struct CachedModel {
    std::string repoId;
    std::vector<std::string> revisions;  // refs that point at this snapshot ("main", tags)
    std::string commit;
    std::string folder;
    uint64_t sizeOnDisk = 0;             // the blobs this snapshot links, each once
    bool complete = false;               // config, weights (every shard) and tokenizer present
    bool maskedLm = false;               // config.json names a *ForMaskedLM architecture
    bool loadable = false;               // MaskLab can load it (complete, and a model it builds)
    std::string architecture;            // architectures[0], or model_type
    std::string reason;                  // why it is not loadable
};

// Every model snapshot in the cache, loadable ones first, newest commit folder first.
std::vector<CachedModel> listCachedModels(const HubSettings& settings);

// A plain file over HTTP(S) with resume (a .incomplete file beside the target), a size and an
// optional sha256 check, moved into place only when whole.
struct FileDownload {
    std::string url;
    std::string destination;
    std::optional<uint64_t> expectedSize;
    std::string expectedSha256;  // lower-case hex; empty for no check
};
void downloadFile(const FileDownload& request, const ProgressCallback& progress = {});

// The Large Movie Review Dataset as Stanford publishes it.
inline constexpr const char* kImdbUrl = "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz";
inline constexpr const char* kImdbSha256 = "c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe";
inline constexpr uint64_t kImdbSize = 84125825;

// Downloads aclImdb_v1.tar.gz into dataDir (MaskLab's cache, <cache>/datasets, when empty) and
// returns its path; a whole file already there with the right checksum is used as it is. url
// replaces Stanford's address (a mirror, a test server); sha256 replaces the check (empty: the
// real file's; "none": no check, the size only when the server gives it).
std::string downloadImdb(const std::string& url = kImdbUrl, const std::string& sha256 = kImdbSha256,
                         const ProgressCallback& progress = {}, const std::string& dataDir = {});

}  // namespace masklab::hub
