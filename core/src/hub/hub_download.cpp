// downloadModel: huggingface_hub's hf_hub_download, file by file, into the shared cache.
// First every file's metadata (HEAD), so the progress knows the total; then the missing blobs.
#include "masklab/message.h"
#include "masklab/hub.h"

#include "hub/hub_cache.h"
#include "hub/http_client.h"
#include "hub/transfer.h"
#include "support/quote.h"

#include <sys/statvfs.h>

#include <algorithm>

namespace masklab::hub {
namespace {

// What a HEAD of /resolve/ says about one file.
struct FileMetadata {
    std::string path;
    bool missing = false;          // 404 with the repo's commit: the file is not in the repo
    std::string commit;
    std::string etag;
    std::string downloadUrl;       // where the GET goes (the storage host after a redirect)
    bool keepAuthorization = true; // false once the download leaves the Hub's origin
    std::optional<uint64_t> size;
};

// The Hub did not answer usefully (5xx, 429): like a lost connection, the cache may serve.
class HubUnavailable : public NetworkError {
public:
    using NetworkError::NetworkError;
};

std::string percentEncode(const std::string& text, bool keepSlash)
{
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/'))
            out.push_back(static_cast<char>(c));
        else {
            out.push_back('%');
            out.push_back(digits[c >> 4]);
            out.push_back(digits[c & 15]);
        }
    }
    return out;
}

class RepoClient {
public:
    RepoClient(const RepoRef& repo, const HubSettings& settings)
        : m_repo(repo), m_settings(settings), m_storage(fs::path(settings.cacheDir) / repoFolderName(repo.repoId))
    {
    }

    const fs::path& storage() const { return m_storage; }

    FileMetadata head(const std::string& revision, const std::string& path) const
    {
        checkRepoFileName(path);
        std::string url = m_settings.endpoint + "/" + m_repo.repoId + "/resolve/" + percentEncode(revision, false) + "/" +
                          percentEncode(path, true);
        const std::string hubOrigin = parseUrl(url) ? parseUrl(url)->origin() : std::string();
        if (hubOrigin.empty())
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "HF_ENDPOINT \"{1}\" is not an http(s) address"))
                                   .arg(m_settings.endpoint.substr(0, 80)));
        for (int hop = 0; hop <= 10; ++hop) {
            HttpRequest request;
            request.method = "HEAD";
            request.url = url;
            request.headers = {"Accept-Encoding: identity"};
            if (!m_settings.token.empty()) request.headers.push_back("Authorization: Bearer " + m_settings.token);
            const HttpResponse response = performHttp(request);
            const int status = response.status;
            const HeaderMap& h = response.headers;
            if (status >= 300 && status < 400 && h.find("location")) {
                const std::string next = redirectTarget(url, h.get("location"));
                // Within the Hub (a renamed repo answers with a relative redirect): follow, as
                // huggingface_hub does. Elsewhere (the storage host): the metadata is on this
                // response, and the token stays behind.
                if (parseUrl(next)->origin() == hubOrigin) {
                    url = next;
                    continue;
                }
                return metadataFrom(path, h, next, false, true);
            }
            if (status >= 200 && status < 300) return metadataFrom(path, h, url, true, false);
            failure(status, h, path, revision);
            FileMetadata missing;
            missing.path = path;
            missing.missing = true;
            missing.commit = h.get("x-repo-commit");
            return missing;
        }
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "more than 10 redirects for {1} of {2}"))
                               .arg(path)
                               .arg(m_repo.repoId));
    }

    // Makes snapshots/<commit>/<path> point at a whole blob, downloading it if needed.
    void fetch(const FileMetadata& file, ProgressMeter& meter) const
    {
        const fs::path blob = m_storage / "blobs" / file.etag;
        const fs::path pointer = m_storage / "snapshots" / file.commit / file.path;
        std::error_code ec;
        if (fs::exists(pointer, ec)) return;
        if (!fs::exists(blob, ec)) {
            FileLock lock((fs::path(m_settings.cacheDir) / ".locks" / repoFolderName(m_repo.repoId) /
                           (file.etag + ".lock"))
                              .string());
            if (!fs::exists(blob, ec)) {
                const std::string incomplete = blob.string() + ".incomplete";
                checkFreeSpace(incomplete, file.path, file.size);
                TransferRequest request;
                request.url = file.downloadUrl;
                if (file.keepAuthorization && !m_settings.token.empty())
                    request.authorization = "Bearer " + m_settings.token;
                request.incompletePath = incomplete;
                request.expectedSize = file.size;
                // An LFS file's ETag is the sha256 of its bytes.
                if (isSha256Hex(file.etag)) {
                    request.expectedSha256 = file.etag;
                    for (char& c : request.expectedSha256) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                }
                request.label = file.path + " of " + m_repo.repoId;
                transferToFile(request, meter);
                fs::rename(incomplete, blob, ec);
                if (ec)
                    throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot move the download into {1}: {2}"))
                                           .arg(blob.string())
                                           .arg(ec.message()));
            }
        }
        linkSnapshotFile(m_storage, file.commit, file.path, file.etag);
    }

private:
    FileMetadata metadataFrom(const std::string& path, const HeaderMap& h, const std::string& downloadUrl,
                              bool keepAuthorization, bool redirected) const
    {
        FileMetadata m;
        m.path = path;
        m.commit = h.get("x-repo-commit");
        if (!isCommitHash(m.commit))
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} answered without a valid X-Repo-Commit header for "
                                                                         "{2}, so it is not a Hugging Face Hub: check "
                                                                         "HF_ENDPOINT, a proxy or a firewall"))
                                   .arg(m_settings.endpoint)
                                   .arg(path));
        const std::string* linked = h.find("x-linked-etag");
        m.etag = normalizeEtag(linked ? *linked : h.get("etag"));
        if (m.etag.empty() || m.etag.find('/') != std::string::npos || m.etag == "." || m.etag == "..")
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} gave no usable ETag for {2} of {3}: the cache "
                                                                         "cannot name the file; check HF_ENDPOINT"))
                                   .arg(m_settings.endpoint)
                                   .arg(path)
                                   .arg(m_repo.repoId));
        if (const std::string* size = h.find("x-linked-size"))
            m.size = parseSize(*size);
        else if (!redirected)
            m.size = parseSize(h.get("content-length"));
        m.downloadUrl = downloadUrl;
        m.keepAuthorization = keepAuthorization;
        return m;
    }

    // Throws for every failure but "this file is not in the repo" (which returns).
    void failure(int status, const HeaderMap& h, const std::string& path, const std::string& revision) const
    {
        const std::string code = h.get("x-error-code");
        const std::string page = "https://huggingface.co/" + m_repo.repoId;
        if (code == "EntryNotFound" || (status == 404 && isCommitHash(h.get("x-repo-commit")) && code.empty())) return;
        if (code == "RevisionNotFound")
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "revision {1} not found in {2}: check the branch, tag or "
                                                              "commit after '@'"))
                                   .arg(inQuotes(revision))
                                   .arg(m_repo.repoId));
        if (status == 404 || code == "RepoNotFound")
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "model {1} not found on {2}: check the repo id (org/name); a "
                                                              "private repo also needs HF_TOKEN"))
                                   .arg(m_repo.repoId)
                                   .arg(m_settings.endpoint));
        if (code == "GatedRepo" || status == 401 || status == 403) {
            if (m_settings.token.empty())
                throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is gated or private: it needs a Hugging Face token. "
                                                                  "Accept its terms on {2}, then set HF_TOKEN or run "
                                                                  "`hf auth login`"))
                                       .arg(m_repo.repoId)
                                       .arg(page));
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "your Hugging Face token has no access to {1} (HTTP {2}): accept "
                                                              "its terms on {3}, or use a token with read access"))
                                   .arg(m_repo.repoId)
                                   .arg(std::to_string(status))
                                   .arg(page));
        }
        if (status == 429 || status >= 500)
            throw HubUnavailable(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} answered HTTP {2} for {3}"))
                                     .arg(m_settings.endpoint)
                                     .arg(std::to_string(status))
                                     .arg(path));
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} answered HTTP {2} for {3} of {4}"))
                               .arg(m_settings.endpoint)
                               .arg(std::to_string(status))
                               .arg(path)
                               .arg(m_repo.repoId));
    }

    void checkFreeSpace(const std::string& incomplete, const std::string& path, std::optional<uint64_t> size) const
    {
        if (!size) return;
        std::error_code ec;
        fs::create_directories(fs::path(incomplete).parent_path(), ec);
        const uintmax_t have = fs::exists(incomplete, ec) ? fs::file_size(incomplete, ec) : 0;
        struct statvfs disk {};
        if (::statvfs(fs::path(incomplete).parent_path().c_str(), &disk) != 0) return;
        const uint64_t free = static_cast<uint64_t>(disk.f_bavail) * disk.f_frsize;
        if (*size > have && *size - have > free)
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the disk is full: {1} of {2} needs {3} and {4} has {5} "
                                                                         "free; free space or set HF_HUB_CACHE to a larger disk"))
                                   .arg(path)
                                   .arg(m_repo.repoId)
                                   .bytes(*size - have)
                                   .arg(m_settings.cacheDir)
                                   .bytes(free));
    }

    RepoRef m_repo;
    HubSettings m_settings;
    fs::path m_storage;
};

std::optional<Snapshot> cachedFallback(const RepoRef& repo, const HubSettings& settings, const std::string& why)
{
    std::optional<Snapshot> cached = findCachedModel(repo, settings);
    if (cached) cached->note = why + ": using the cached snapshot " + cached->commit.substr(0, 10);
    return cached;
}

}  // namespace

std::optional<Snapshot> findCachedModel(const RepoRef& repo, const HubSettings& settings)
{
    const fs::path storage = fs::path(settings.cacheDir) / repoFolderName(repo.repoId);
    const std::optional<std::string> commit = commitForRevision(storage, repo.revision);
    if (!commit) return std::nullopt;
    const fs::path folder = storage / "snapshots" / *commit;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return std::nullopt;
    SnapshotContents contents = inspectSnapshot(folder);
    if (!contents.complete) return std::nullopt;
    Snapshot s;
    s.repoId = repo.repoId;
    s.folder = folder.string();
    s.commit = *commit;
    s.files = std::move(contents.files);
    s.fromCache = true;
    return s;
}

Snapshot downloadModel(const RepoRef& repo, const HubSettings& settings, const ProgressCallback& progress,
                       const std::vector<std::string>& extraFiles)
{
    if (settings.offline) {
        if (auto cached = cachedFallback(repo, settings, "offline (HF_HUB_OFFLINE is set)")) return *cached;
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "offline (HF_HUB_OFFLINE is set) and {1} is not in the cache at "
                                                      "{2}: connect and unset HF_HUB_OFFLINE to download it, or "
                                                      "give a model folder"))
                               .arg(repo.text())
                               .arg(settings.cacheDir));
    }
    // A commit never changes: a complete snapshot of it needs no network at all.
    if (isCommitHash(repo.revision))
        if (auto cached = findCachedModel(repo, settings)) return *cached;

    const RepoClient client(repo, settings);
    FileMetadata config;
    try {
        config = client.head(repo.revision, "config.json");
    } catch (const NetworkError& e) {
        if (auto cached = cachedFallback(repo, settings, std::string("the Hub could not be reached (") + e.what() + ")"))
            return *cached;
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}; and {2} is not in the cache at {3}: check the network "
                                                          "connection (or HF_ENDPOINT), or give a model folder"))
                               .inner(e.message())
                               .arg(repo.text())
                               .arg(settings.cacheDir));
    }
    if (config.missing)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} has no config.json: it is not a model repository MaskLab can "
                                                      "load"))
                               .arg(repo.text()));
    const std::string commit = config.commit;
    writeRef(client.storage(), repo.revision, commit);

    // The files of this commit (later HEADs ask for the commit, so they all match).
    std::vector<FileMetadata> files{config};
    const auto probe = [&](const std::string& path) {
        FileMetadata m = client.head(commit, path);
        if (m.missing)
            markMissing(client.storage(), commit, path);
        else
            files.push_back(m);
        return !m.missing;
    };
    ProgressMeter meter(progress, 0);
    const auto shardsFrom = [&](const std::string& index) {
        client.fetch(files.back(), meter);
        for (const std::string& shard : shardsOfIndex(client.storage() / "snapshots" / commit / index))
            if (!probe(shard))
                throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} of {2} names {3}, which the repo lacks"))
                                       .arg(index)
                                       .arg(repo.text())
                                       .arg(shard));
    };
    if (!probe("model.safetensors")) {
        if (probe("model.safetensors.index.json"))
            shardsFrom("model.safetensors.index.json");
        else if (!probe("pytorch_model.bin")) {
            if (probe("pytorch_model.bin.index.json"))
                shardsFrom("pytorch_model.bin.index.json");
            else
                throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} has no weights MaskLab reads (model.safetensors or "
                                                                  "pytorch_model.bin, whole or sharded)"))
                                       .arg(repo.text()));
        }
    }
    bool tokenizer = false;
    for (const char* path : {"tokenizer.json", "vocab.txt", "spiece.model"}) tokenizer = probe(path) || tokenizer;
    for (const char* path : {"tokenizer_config.json", "special_tokens_map.json"}) probe(path);
    if (!tokenizer)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} has no tokenizer files (tokenizer.json, vocab.txt or "
                                                      "spiece.model)"))
                               .arg(repo.text()));
    for (const std::string& extra : extraFiles)
        if (!probe(extra))
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} has no file {2}")).arg(repo.text()).arg(extra.substr(0, 80)));

    // The total counts what is still to come; what the cache holds is skipped.
    uint64_t total = 0;
    std::vector<const FileMetadata*> pending;
    std::error_code ec;
    for (const FileMetadata& f : files) {
        if (fs::exists(client.storage() / "snapshots" / commit / f.path, ec)) continue;
        pending.push_back(&f);
        if (!fs::exists(client.storage() / "blobs" / f.etag, ec)) total += f.size.value_or(0);
    }
    ProgressMeter downloads(progress, total);
    for (const FileMetadata* f : pending) client.fetch(*f, downloads);

    Snapshot s;
    s.repoId = repo.repoId;
    s.commit = commit;
    s.folder = (client.storage() / "snapshots" / commit).string();
    for (const FileMetadata& f : files) s.files.push_back(f.path);
    return s;
}

bool endpointReachable(const HubSettings& settings, int timeoutSeconds)
{
    try {
        HttpRequest request;
        request.method = "HEAD";
        request.url = settings.endpoint + "/";
        request.connectTimeoutSeconds = timeoutSeconds;
        request.stallTimeoutSeconds = timeoutSeconds;
        return performHttp(request).status > 0;
    } catch (const std::exception&) {
        return false;
    }
}

std::string locateModel(const std::string& pathOrRepoId, const ProgressCallback& progress)
{
    return locateModel(pathOrRepoId, HubSettings::fromEnvironment(), progress);
}

std::string locateModel(const std::string& pathOrRepoId, const HubSettings& settings, const ProgressCallback& progress)
{
    std::error_code ec;
    if (pathOrRepoId.empty() || fs::exists(pathOrRepoId, ec)) return pathOrRepoId;
    const bool looksLikePath = pathOrRepoId.front() == '/' || pathOrRepoId.front() == '.' ||
                               pathOrRepoId.front() == '~' || pathOrRepoId.find("//") != std::string::npos;
    const std::optional<RepoRef> repo = looksLikePath ? std::nullopt : RepoRef::parse(pathOrRepoId);
    if (!repo)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "model folder not found: {1} does not exist; give a folder with "
                                                          "config.json and model.safetensors, or a Hugging Face repo "
                                                          "id such as distilbert-base-uncased"))
                               .arg(pathOrRepoId));
    try {
        return downloadModel(*repo, settings, progress).folder;
    } catch (const DownloadCancelled&) {
        throw;
    } catch (const Error& e) {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "no folder {1} here, and as a Hugging Face repo id: {2}"))
                               .arg(pathOrRepoId)
                               .inner(messageOf(e)));
    }
}

}  // namespace masklab::hub
