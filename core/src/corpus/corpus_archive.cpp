// The aclImdb layout read inside a tarball (.tar.gz, .tar.xz, ...) with libarchive, in one pass
// and without unpacking: entries of the chosen split are read, all others skipped.
#include "masklab/message.h"
#include "support/quote.h"
#include "corpus/corpus_internal.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <memory>

namespace masklab::detail {

namespace {

struct ArchiveFree {
    void operator()(archive* handle) const { archive_read_free(handle); }
};

Message archiveError(archive* handle)
{
    const char* message = archive_error_string(handle);
    // libarchive's own words stay as they are.
    return message ? Message("{1}").arg(excerpt(message, 160))
                   : Message(MASKLAB_TRANSLATE_NOOP("Engine", "unknown error"));
}

// The part of an entry's path below its aclImdb/ folder ("train/pos/0_9.txt"), whatever lies
// above it; the path itself (less "./") when no aclImdb/ folder is in it.
std::string_view belowAclImdb(std::string_view path)
{
    constexpr std::string_view kRoot = "aclImdb/";
    for (std::size_t at = path.find(kRoot); at != std::string_view::npos;
         at = path.find(kRoot, at + 1)) {
        if (at == 0 || path[at - 1] == '/')
            return path.substr(at + kRoot.size());
    }
    while (path.substr(0, 2) == "./")
        path.remove_prefix(2);
    return path;
}

// No review comes near this (IMDb's longest is 14 kB); an entry claiming more is damage or a
// trap, refused before anything is allocated for it.
constexpr la_int64_t kMaxEntryBytes = 64LL << 20;

// The data of the current entry. The tar header's size is a claim, not a promise: memory grows
// with what actually arrives, so a 109-byte archive claiming 4 GiB costs nothing.
std::string readEntryData(archive* handle, archive_entry* entry, const std::string& where)
{
    const la_int64_t claimed = archive_entry_size(entry);
    if (claimed > kMaxEntryBytes)
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} claims {2} bytes, more than a review can be "
                                                     "({3} MB): the archive is damaged, download it again"))
                .arg(where)
                .count(claimed)
                .count(kMaxEntryBytes >> 20));
    std::string data;
    data.reserve(static_cast<std::size_t>(std::clamp<la_int64_t>(claimed, 0, 1 << 20)));
    char buffer[65536];
    while (true) {
        const la_ssize_t n = archive_read_data(handle, buffer, sizeof(buffer));
        if (n < 0)
            throw MessageError(
                Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot read {1}: {2}; the archive "
                                                         "is damaged, download it again"))
                    .arg(where)
                    .inner(archiveError(handle)));
        if (n == 0)
            break;
        if (static_cast<la_int64_t>(data.size()) + n > kMaxEntryBytes)
            throw MessageError(
                Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is larger than a review can be ({2} MB): "
                                                         "the archive is damaged, download it again"))
                    .arg(where)
                    .count(kMaxEntryBytes >> 20));
        data.append(buffer, static_cast<std::size_t>(n));
    }
    return data;
}

}  // namespace

Corpus readAclImdbArchive(const std::string& path, const CorpusOptions& options)
{
    const std::vector<ImdbDir> dirs = imdbDirs(options.split);

    std::unique_ptr<archive, ArchiveFree> handle(archive_read_new());
    archive_read_support_filter_all(handle.get());
    archive_read_support_format_tar(handle.get());
    if (archive_read_open_filename(handle.get(), path.c_str(), 1 << 20) != ARCHIVE_OK)
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot open archive {1}: {2}; give a "
                                                     ".tar.gz or .tar.xz of the aclImdb folder"))
                .arg(path)
                .inner(archiveError(handle.get())));

    std::error_code ec;
    const auto total = std::filesystem::file_size(path, ec);
    ProgressReporter progress(options, path, ec ? 0 : static_cast<std::size_t>(total),
                              kProgressBytes);

    std::vector<ImdbEntry> entries;
    archive_entry* entry = nullptr;
    int status = ARCHIVE_OK;
    while ((status = archive_read_next_header(handle.get(), &entry)) == ARCHIVE_OK
           || status == ARCHIVE_WARN) {
        progress.update(static_cast<std::size_t>(archive_filter_bytes(handle.get(), -1)));
        const char* entryPath = archive_entry_pathname(entry);
        if (archive_entry_filetype(entry) != AE_IFREG || !entryPath)
            continue;
        const std::string_view relative = belowAclImdb(entryPath);
        const std::size_t slash = relative.rfind('/');
        if (slash == std::string_view::npos)
            continue;
        const std::string_view folder = relative.substr(0, slash);
        const std::string name(relative.substr(slash + 1));
        if (!isReviewFile(name))
            continue;
        for (std::size_t i = 0; i < dirs.size(); ++i) {
            if (dirs[i].path != folder)
                continue;
            const std::string where = path + ": " + excerpt(entryPath, 120);  // a tar name may hold anything
            std::string text = readEntryData(handle.get(), entry, where);
            entries.push_back(
                {i, name, imdbDocument(std::move(text), dirs[i], name, options.split, where)});
            break;
        }
    }
    if (status != ARCHIVE_EOF)
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot read archive {1}: {2}; it is damaged "
                                                     "or not a tar archive, download it again"))
                .arg(path)
                .inner(archiveError(handle.get())));
    progress.finish(static_cast<std::size_t>(archive_filter_bytes(handle.get(), -1)));

    sortImdbEntries(entries);
    return imdbCorpus(path, entries);
}

}  // namespace masklab::detail
