#include "hub/hub_cache.h"

#include "masklab/message.h"
#include "support/quote.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

namespace masklab::hub {

std::string repoFolderName(const std::string& repoId)
{
    std::string out = "models";
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = repoId.find('/', start);
        out += "--" + repoId.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return out;
}

std::optional<std::string> repoIdFromFolderName(const std::string& folderName)
{
    const std::string prefix = "models--";
    if (folderName.rfind(prefix, 0) != 0 || folderName.size() == prefix.size()) return std::nullopt;
    std::string rest = folderName.substr(prefix.size());
    const std::size_t separator = rest.find("--");
    if (separator == std::string::npos) return rest;
    return rest.substr(0, separator) + "/" + rest.substr(separator + 2);
}

bool isCommitHash(const std::string& revision)
{
    return revision.size() == 40 && std::all_of(revision.begin(), revision.end(), [](char c) {
               return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'f');
           });
}

void checkRepoFileName(const std::string& name)
{
    const auto refuse = [&](Message why) {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "refusing the repo file name {1}: {2} (a file name must "
                                                                     "stay inside the model folder)"))
                               .arg(inQuotes(name, 80))
                               .inner(std::move(why)));
    };
    if (name.empty()) refuse(Message(MASKLAB_TRANSLATE_NOOP("Engine", "it is empty")));
    if (name.front() == '/') refuse(Message(MASKLAB_TRANSLATE_NOOP("Engine", "it is an absolute path")));
    if (name.find('\\') != std::string::npos) refuse(Message(MASKLAB_TRANSLATE_NOOP("Engine", "it contains a backslash")));
    if (name.size() >= 2 && name[1] == ':') refuse(Message(MASKLAB_TRANSLATE_NOOP("Engine", "it names a drive")));
    if (name.find('\0') != std::string::npos) refuse(Message(MASKLAB_TRANSLATE_NOOP("Engine", "it contains a NUL byte")));
    std::stringstream segments(name);
    std::string segment;
    while (std::getline(segments, segment, '/'))
        if (segment.empty() || segment == "." || segment == "..")
            refuse(Message(MASKLAB_TRANSLATE_NOOP("Engine", "it has a {1} segment")).arg(inQuotes(segment)));
    if (name.back() == '/') refuse(Message(MASKLAB_TRANSLATE_NOOP("Engine", "it ends with '/'")));
}

std::optional<std::string> commitForRevision(const fs::path& storage, const std::string& revision)
{
    if (isCommitHash(revision)) return revision;
    std::ifstream in(storage / "refs" / revision, std::ios::binary);
    if (!in) return std::nullopt;
    std::string commit;
    std::getline(in, commit);
    while (!commit.empty() && std::isspace(static_cast<unsigned char>(commit.back()))) commit.pop_back();
    if (!isCommitHash(commit)) return std::nullopt;
    return commit;
}

void writeRef(const fs::path& storage, const std::string& revision, const std::string& commit)
{
    if (revision == commit) return;
    checkRepoFileName(revision);  // a branch name becomes a path under refs/
    const fs::path ref = storage / "refs" / revision;
    if (commitForRevision(storage, revision) == commit) return;
    std::error_code ec;
    fs::create_directories(ref.parent_path(), ec);
    const fs::path temporary = ref.string() + ".masklab.tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!(out << commit) || !out.flush())
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write {1}: check that the cache folder is "
                                                                         "writable"))
                                   .arg(ref.string()));
    }
    fs::rename(temporary, ref, ec);
    if (ec) throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write {1}: {2}")).arg(ref.string()).arg(ec.message()));
}

void linkSnapshotFile(const fs::path& storage, const std::string& commit, const std::string& path,
                      const std::string& etag)
{
    const fs::path pointer = storage / "snapshots" / commit / path;
    const fs::path blob = storage / "blobs" / etag;
    std::error_code ec;
    fs::create_directories(pointer.parent_path(), ec);
    if (ec)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot create {1}: {2}"))
                               .arg(pointer.parent_path().string())
                               .arg(ec.message()));
    // Relative, as huggingface_hub makes them, so the cache can be moved as a whole.
    const fs::path target = blob.lexically_relative(pointer.parent_path());
    if (fs::is_symlink(pointer, ec)) fs::remove(pointer, ec);
    fs::create_symlink(target, pointer, ec);
    if (ec)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot link {1} to its blob: {2}"))
                               .arg(pointer.string())
                               .arg(ec.message()));
}

void markMissing(const fs::path& storage, const std::string& commit, const std::string& path)
{
    const fs::path marker = storage / ".no_exist" / commit / path;
    std::error_code ec;
    fs::create_directories(marker.parent_path(), ec);
    std::ofstream touch(marker, std::ios::binary | std::ios::app);
}

std::vector<std::string> shardsOfIndex(const fs::path& indexFile)
{
    std::ifstream in(indexFile, std::ios::binary);
    nlohmann::json index = nlohmann::json::parse(in, nullptr, false);
    if (index.is_discarded() || !index.is_object() || !index.contains("weight_map") || !index["weight_map"].is_object())
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is not a weight index (a JSON object with "
                                                                     "\"weight_map\"): the repository's sharded weights "
                                                                     "cannot be read"))
                               .arg(indexFile.filename().string()));
    std::vector<std::string> shards;
    std::set<std::string> seen;
    for (const auto& [tensor, file] : index["weight_map"].items()) {
        if (!file.is_string())
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: weight_map[{2}] is not a file name"))
                                   .arg(indexFile.filename().string())
                                   .arg(inQuotes(tensor, 60)));
        const std::string name = file.get<std::string>();
        checkRepoFileName(name);
        if (seen.insert(name).second) shards.push_back(name);
    }
    if (shards.empty())
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} names no weight files")).arg(indexFile.filename().string()));
    return shards;
}

SnapshotContents inspectSnapshot(const fs::path& folder)
{
    SnapshotContents contents;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        // A broken link (its blob deleted) is not a file the snapshot has.
        if (fs::is_regular_file(it->path(), ec)) contents.files.push_back(it->path().lexically_relative(folder).string());
    }
    std::sort(contents.files.begin(), contents.files.end());
    const auto has = [&](const std::string& name) {
        return std::binary_search(contents.files.begin(), contents.files.end(), name);
    };
    const auto allShards = [&](const std::string& index) {
        try {
            for (const std::string& shard : shardsOfIndex(folder / index))
                if (!has(shard)) {
                    contents.missing = shard;
                    return false;
                }
            return true;
        } catch (const Error&) {
            contents.missing = index;
            return false;
        }
    };
    if (!has("config.json")) {
        contents.missing = "config.json";
        return contents;
    }
    const bool weights = has("model.safetensors") || has("pytorch_model.bin") ||
                         (has("model.safetensors.index.json") && allShards("model.safetensors.index.json")) ||
                         (has("pytorch_model.bin.index.json") && allShards("pytorch_model.bin.index.json"));
    if (!weights) {
        if (contents.missing.empty()) contents.missing = "model.safetensors";
        return contents;
    }
    if (!has("tokenizer.json") && !has("vocab.txt") && !has("spiece.model")) {
        contents.missing = "tokenizer.json";
        return contents;
    }
    contents.missing.clear();
    contents.complete = true;
    return contents;
}

}  // namespace masklab::hub
