// The aclImdb layout read inside a tarball (.tar.gz, .tar.xz, ...) with libarchive, in one pass
// and without unpacking: entries of the chosen split are read, all others skipped.
#include "corpus_internal.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <memory>

namespace masklab::detail {

namespace {

struct ArchiveFree {
    void operator()(archive* handle) const { archive_read_free(handle); }
};

std::string archiveError(archive* handle)
{
    const char* message = archive_error_string(handle);
    return message ? message : "unknown error";
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

// The data of the current entry. Tar headers give the exact size, so it is read in place.
std::string readEntryData(archive* handle, archive_entry* entry, const std::string& where)
{
    std::string data(static_cast<std::size_t>(std::max<la_int64_t>(archive_entry_size(entry), 0)),
                     '\0');
    std::size_t got = 0;
    while (got < data.size()) {
        const la_ssize_t n = archive_read_data(handle, data.data() + got, data.size() - got);
        if (n < 0)
            throw Error("cannot read " + where + ": " + archiveError(handle)
                        + "; the archive is damaged, download it again");
        if (n == 0)
            break;
        got += static_cast<std::size_t>(n);
    }
    data.resize(got);
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
        throw Error("cannot open archive " + path + ": " + archiveError(handle.get())
                    + "; give a .tar.gz or .tar.xz of the aclImdb folder");

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
            const std::string where = path + ": " + entryPath;
            std::string text = readEntryData(handle.get(), entry, where);
            entries.push_back(
                {i, name, imdbDocument(std::move(text), dirs[i], name, options.split, where)});
            break;
        }
    }
    if (status != ARCHIVE_EOF)
        throw Error("cannot read archive " + path + ": " + archiveError(handle.get())
                    + "; it is damaged or not a tar archive, download it again");
    progress.finish(static_cast<std::size_t>(archive_filter_bytes(handle.get(), -1)));

    sortImdbEntries(entries);
    return imdbCorpus(path, entries);
}

}  // namespace masklab::detail
