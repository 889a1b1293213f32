#pragma once
// A corpus is a list of documents read from one source: the aclImdb folder layout or its
// tarball, JSONL, CSV or plain text. readCorpus() picks the reader from the path.
#include <functional>
#include <string>
#include <vector>

namespace masklab {

struct Document {
    std::string text;    // the document, UTF-8, as stored (IMDb keeps its <br /> markup)
    int label = -1;      // IMDb: 1 pos, 0 neg, -1 unsup or unknown; JSONL/CSV: the label column
                         // (an integer, digits, or pos/neg; anything else -1)
    int rating = -1;     // IMDb star rating from the file name (<id>_<rating>.txt) or a JSONL
                         // "rating" field; -1 unknown
    std::string split;   // "train", "test", "unsup", a JSONL "split" field, or empty
    std::string source;  // where it came from: "train/pos/0_9.txt", a file name, or "file:line"
};

struct Corpus {
    std::string origin;               // the path it was read from
    std::vector<Document> documents;  // in the reader's order (see readCorpus)

    std::size_t size() const { return documents.size(); }
};

// How plain text files are cut into documents.
enum class TextUnit {
    File,       // one document per file
    Line,       // one document per non-empty line
    Paragraph,  // one document per block of lines separated by blank lines
};

struct CorpusOptions {
    std::string split = "train";       // aclImdb split: "train", "test" or "unsup"
    std::string textField = "text";    // JSONL key / CSV column holding the text
    std::string labelField = "label";  // JSONL key / CSV column holding the label; optional
    char csvDelimiter = ',';           // CSV field separator (a *.tsv file uses tab while ',')
    TextUnit textUnit = TextUnit::File;  // plain text: how a file becomes documents
    // Called every 1000 files or 4 MiB and once at the end with (done, total or 0 if unknown):
    // files for folders, bytes of the file for JSONL, CSV and archives (compressed bytes).
    // Return false to cancel, which throws masklab::Error("cancelled reading <path>").
    std::function<bool(std::size_t done, std::size_t total)> progress;
};

// Reads a corpus. The format comes from the path:
// - a folder holding train/ and test/ (or an `aclImdb` folder inside it): the aclImdb layout;
//   documents of the chosen split in the course's order: byte-sorted pos files, then
//   byte-sorted neg files (unsup: byte-sorted), label from pos/neg, rating from the file name;
// - `*.tar.gz`, `*.tgz`, `*.tar.xz`, `*.txz`, `*.tar.bz2`, `*.tar`: the same layout read inside
//   the archive without unpacking it, under any path ending in aclImdb/ (or at its top);
// - `*.jsonl` / `*.json` (one object per line), `*.csv` / `*.tsv`: a text column chosen by
//   options.textField;
// - any other file, or a folder of `*.txt` files (subfolders too, byte-sorted by relative
//   path): plain text cut by options.textUnit.
// Throws masklab::Error naming the file (and line) for a missing path, invalid UTF-8, an
// empty file, a missing column or an empty result.
Corpus readCorpus(const std::string& path, const CorpusOptions& options = {});

}  // namespace masklab
