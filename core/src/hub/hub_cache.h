#pragma once
// The layout of huggingface_hub's cache, shared with Python:
//   <cache>/models--<org>--<name>/blobs/<etag>                 the bytes, one file per version
//   <cache>/models--<org>--<name>/snapshots/<commit>/<path>    relative symlinks to the blobs
//   <cache>/models--<org>--<name>/refs/<revision>              the commit a branch or tag was at
//   <cache>/models--<org>--<name>/.no_exist/<commit>/<path>    files known to be absent
//   <cache>/.locks/models--<org>--<name>/<etag>.lock           one writer per blob
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace masklab::hub {

namespace fs = std::filesystem;

// "org/name" -> "models--org--name" (huggingface_hub's repo_folder_name).
std::string repoFolderName(const std::string& repoId);
// The inverse, or nothing for a folder that is not a model repo's.
std::optional<std::string> repoIdFromFolderName(const std::string& folderName);

// A full 40-hex-digit commit id.
bool isCommitHash(const std::string& revision);

// Throws masklab::Error for a repo file name that could leave its folder: empty, absolute,
// with a backslash, a drive letter, or a "." / ".." / empty segment.
void checkRepoFileName(const std::string& name);

// The commit refs/<revision> holds, or the revision itself when it is a commit hash.
std::optional<std::string> commitForRevision(const fs::path& storage, const std::string& revision);

// Writes refs/<revision> (temporary file, then rename) unless revision is the commit.
void writeRef(const fs::path& storage, const std::string& revision, const std::string& commit);

// Creates snapshots/<commit>/<path> as a relative symlink to blobs/<etag>.
void linkSnapshotFile(const fs::path& storage, const std::string& commit, const std::string& path,
                      const std::string& etag);

// Records that path does not exist at commit (an empty .no_exist file).
void markMissing(const fs::path& storage, const std::string& commit, const std::string& path);

// What a snapshot folder holds as a model. complete: config.json, the weights (every shard an
// index names) and a tokenizer file, each resolving to a blob. files: the repo paths present.
struct SnapshotContents {
    bool complete = false;
    std::string missing;  // what makes it incomplete, for messages
    std::vector<std::string> files;
};
SnapshotContents inspectSnapshot(const fs::path& folder);

// The weight shards an index json (model.safetensors.index.json) names, each once, in order.
// Throws masklab::Error naming the file when it is not an index.
std::vector<std::string> shardsOfIndex(const fs::path& indexFile);

}  // namespace masklab::hub
