#pragma once
// Private pieces shared by the corpus readers: file reading, UTF-8 checks, progress and the
// aclImdb naming rules that the folder and the archive reader both follow.
#include "masklab/corpus.h"
#include "masklab/error.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace masklab::detail {

// --- readers, one per format (readCorpus picks one) ---------------------------------------
Corpus readAclImdbFolder(const std::filesystem::path& root, const CorpusOptions& options);
Corpus readAclImdbArchive(const std::string& path, const CorpusOptions& options);
Corpus readJsonl(const std::string& path, const CorpusOptions& options);
Corpus readCsv(const std::string& path, const CorpusOptions& options);
Corpus readPlainText(const std::string& path, const CorpusOptions& options);

// --- shared helpers (corpus_reader.cpp) ----------------------------------------------------

// The whole file as bytes. Throws Error naming the file when it cannot be opened or read.
std::string readFile(const std::string& path);

// Throws Error "<where> line N is not valid UTF-8 ..." at the first invalid sequence
// (overlong forms, surrogates and code points past U+10FFFF count as invalid).
// firstLine is the line number of text's first byte.
void checkUtf8(std::string_view text, const std::string& where, std::size_t firstLine = 1);

// text without a leading UTF-8 byte order mark.
std::string_view stripBom(std::string_view text);

// The file name of path (no folders), for "name:line" sources.
std::string baseName(const std::string& path);

// A label from a CSV cell or JSONL string: digits (optionally signed) as the number,
// "pos"/"positive" 1, "neg"/"negative" 0, anything else -1 (unknown).
int parseLabel(std::string_view text);

// Calls options.progress every `step` units of done (files or bytes) and throws
// Error("cancelled reading <path>") when it returns false.
class ProgressReporter {
public:
    ProgressReporter(const CorpusOptions& options, std::string path, std::size_t total,
                     std::size_t step);
    void update(std::size_t done);  // reports when done passed the next step
    void finish(std::size_t done);  // always reports (the last call of a read)

private:
    void report(std::size_t done);

    const CorpusOptions& m_options;
    std::string m_path;
    std::size_t m_total;
    std::size_t m_step;
    std::size_t m_next;
};

inline constexpr std::size_t kProgressFiles = 1000;             // report every 1000 files
inline constexpr std::size_t kProgressBytes = 4 * 1024 * 1024;  // or every 4 MiB

// --- aclImdb layout (corpus_aclimdb.cpp) ---------------------------------------------------

// One folder of a split: "train/pos" with label 1, "train/neg" with label 0, ...
struct ImdbDir {
    std::string path;  // relative to the aclImdb root, no trailing slash
    int label;         // 1 pos, 0 neg, -1 unsup
};

// The folders of a split in the course's order. Throws Error listing the valid splits.
std::vector<ImdbDir> imdbDirs(const std::string& split);

// A review file found in one of the split's folders, before or after reading it.
struct ImdbEntry {
    std::size_t dir = 0;  // index into imdbDirs(split)
    std::string name;     // file name, "0_9.txt"
    Document document;    // filled by imdbDocument
};

// Puts entries in the course's order: by folder, then file names byte-sorted.
void sortImdbEntries(std::vector<ImdbEntry>& entries);

// True for the review files of a split folder: "*.txt".
bool isReviewFile(std::string_view name);

// The document for one review: checks the text (non-empty, UTF-8; `where` names the file in
// errors) and sets label, rating from "<id>_<rating>.txt", split and source "train/pos/0_9.txt".
Document imdbDocument(std::string text, const ImdbDir& dir, const std::string& name,
                      const std::string& split, const std::string& where);

// Moves the sorted entries' documents into a corpus.
Corpus imdbCorpus(const std::string& origin, std::vector<ImdbEntry>& entries);

}  // namespace masklab::detail
