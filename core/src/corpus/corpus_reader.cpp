// readCorpus: picks the reader from the path, plus the helpers every reader shares.
#include "masklab/message.h"
#include "corpus/corpus_internal.h"
#include "text/utf8.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

namespace masklab {
namespace detail {

namespace {

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

std::string lowercase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

enum class Format { Archive, Jsonl, Csv, PlainText };

Format formatOf(const std::string& path)
{
    const std::string name = lowercase(baseName(path));
    for (const char* suffix : {".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2", ".tar"})
        if (endsWith(name, suffix))
            return Format::Archive;
    for (const char* suffix : {".jsonl", ".json", ".ndjson"})
        if (endsWith(name, suffix))
            return Format::Jsonl;
    if (endsWith(name, ".csv") || endsWith(name, ".tsv"))
        return Format::Csv;
    return Format::PlainText;
}

// The aclImdb root for a folder: the folder itself when it holds train/ or test/, its
// aclImdb/ subfolder when it has one, nothing for any other folder.
std::optional<std::filesystem::path> aclImdbRoot(const std::filesystem::path& folder)
{
    std::error_code ec;
    if (std::filesystem::is_directory(folder / "train", ec)
        || std::filesystem::is_directory(folder / "test", ec))
        return folder;
    if (std::filesystem::is_directory(folder / "aclImdb", ec))
        return folder / "aclImdb";
    return std::nullopt;
}

}  // namespace

std::string readFile(const std::string& path)
{
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot open {1}: {2}; check that it exists and that you may read it"))
                               .arg(path)
                               .arg(std::strerror(errno)));
    // Read the size the file claims in one go, then whatever is past it (a growing file).
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    std::string bytes(ec ? 0 : static_cast<std::size_t>(size), '\0');
    bytes.resize(std::fread(bytes.data(), 1, bytes.size(), file.get()));
    char buffer[65536];
    while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get()))
        bytes.append(buffer, n);
    if (std::ferror(file.get()))
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot read {1}: {2}")).arg(path).arg(std::strerror(errno)));
    return bytes;
}

void checkUtf8(std::string_view text, const std::string& where, std::size_t firstLine)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        // ASCII runs, 8 bytes at a time.
        while (i + 8 <= size) {
            std::uint64_t word;
            std::memcpy(&word, bytes + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= size)
            break;
        // utf8::next steps over one byte, yielding U+FFFD, exactly where the text is ill-formed.
        const std::size_t at = i;
        if (utf8::next(text, i) != utf8::kReplacement || i != at + 1)
            continue;
        const std::size_t line =
            firstLine + static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n'));
        const std::size_t lineStart = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
        const std::size_t column = lineStart == std::string_view::npos ? at + 1 : at - lineStart;
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", bytes[at]);
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} line {2} is not valid UTF-8 (byte {3} at column {4}); "
                                                          "convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8"))
                               .arg(where)
                               .count(static_cast<int64_t>(line))
                               .arg(byte)
                               .count(static_cast<int64_t>(column)));
    }
}

std::string_view stripBom(std::string_view text)
{
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    return text.substr(0, kBom.size()) == kBom ? text.substr(kBom.size()) : text;
}

std::string baseName(const std::string& path)
{
    return std::filesystem::path(path).filename().string();
}

int parseLabel(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    int value = -1;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size() && !text.empty())
        return value;
    const std::string word = lowercase(std::string(text));
    if (word == "pos" || word == "positive")
        return 1;
    if (word == "neg" || word == "negative")
        return 0;
    return -1;
}

ProgressReporter::ProgressReporter(const CorpusOptions& options, std::string path,
                                   std::size_t total, std::size_t step)
    : m_options(options), m_path(std::move(path)), m_total(total), m_step(step), m_next(step)
{
}

void ProgressReporter::update(std::size_t done)
{
    if (!m_options.progress || done < m_next)
        return;
    m_next = done + m_step;
    report(done);
}

void ProgressReporter::finish(std::size_t done)
{
    if (m_options.progress)
        report(done);
}

void ProgressReporter::report(std::size_t done)
{
    if (!m_options.progress(done, m_total))
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cancelled reading {1}")).arg(m_path));
}

}  // namespace detail

Corpus readCorpus(const std::string& path, const CorpusOptions& options)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (path.empty() || !fs::exists(status))
    {
        if (path.empty())
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "no corpus path given; give an aclImdb folder, an aclImdb .tar.gz/.tar.xz "
                                                              "archive, or a .jsonl, .csv or .txt file")));
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} does not exist; give an aclImdb folder, an aclImdb .tar.gz/.tar.xz "
                                                          "archive, or a .jsonl, .csv or .txt file"))
                               .arg(path));
    }

    Corpus corpus;
    bool hasSplits = false;
    if (fs::is_directory(status)) {
        if (const auto root = detail::aclImdbRoot(path)) {
            corpus = detail::readAclImdbFolder(*root, options);
            hasSplits = true;
        } else {
            corpus = detail::readPlainText(path, options);
        }
    } else {
        switch (detail::formatOf(path)) {
        case detail::Format::Archive:
            corpus = detail::readAclImdbArchive(path, options);
            hasSplits = true;
            break;
        case detail::Format::Jsonl:
            corpus = detail::readJsonl(path, options);
            break;
        case detail::Format::Csv:
            corpus = detail::readCsv(path, options);
            break;
        case detail::Format::PlainText:
            corpus = detail::readPlainText(path, options);
            break;
        }
    }
    if (corpus.documents.empty() && hasSplits)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} holds no documents for split \"{2}\"; check that its "
                                                      "review files are there"))
                               .arg(path)
                               .arg(options.split));
    if (corpus.documents.empty())
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} holds no documents; check the file, or cut it by line "
                                                      "or paragraph instead"))
                               .arg(path));
    corpus.origin = path;
    return corpus;
}

}  // namespace masklab
