// The aclImdb folder layout (train/{pos,neg,unsup}, test/{pos,neg}) and the naming rules the
// archive reader shares with it.
#include "corpus/corpus_internal.h"
#include "masklab/message.h"
#include "support/quote.h"

#include <algorithm>
#include <charconv>

namespace masklab::detail {

namespace {

// The star rating of "<id>_<rating>.txt", -1 when the name has another form.
int imdbRating(std::string_view name)
{
    constexpr std::string_view kSuffix = ".txt";
    const std::string_view stem = name.substr(0, name.size() - kSuffix.size());
    const std::size_t underscore = stem.rfind('_');
    if (underscore == std::string_view::npos)
        return -1;
    const std::string_view digits = stem.substr(underscore + 1);
    int rating = -1;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), rating);
    return ec == std::errc() && end == digits.data() + digits.size() ? rating : -1;
}

}  // namespace

std::vector<ImdbDir> imdbDirs(const std::string& split)
{
    if (split == "train")
        return {{"train/pos", 1}, {"train/neg", 0}};
    if (split == "test")
        return {{"test/pos", 1}, {"test/neg", 0}};
    if (split == "unsup")
        return {{"train/unsup", -1}};
    throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "unknown split {1}; choose train, test or unsup"))
                           .arg(inQuotes(split)));
}

void sortImdbEntries(std::vector<ImdbEntry>& entries)
{
    std::sort(entries.begin(), entries.end(), [](const ImdbEntry& a, const ImdbEntry& b) {
        return a.dir != b.dir ? a.dir < b.dir : a.name < b.name;
    });
}

bool isReviewFile(std::string_view name)
{
    constexpr std::string_view kSuffix = ".txt";
    return name.size() > kSuffix.size() && name.substr(name.size() - kSuffix.size()) == kSuffix;
}

Document imdbDocument(std::string text, const ImdbDir& dir, const std::string& name,
                      const std::string& split, const std::string& where)
{
    if (text.empty())
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "review file {1} is empty; delete it or put the review in it"))
                .arg(where));
    checkUtf8(text, where);
    Document document;
    document.text = std::move(text);
    document.label = dir.label;
    document.rating = imdbRating(name);
    document.split = split;
    document.source = dir.path + "/" + name;
    return document;
}

Corpus imdbCorpus(const std::string& origin, std::vector<ImdbEntry>& entries)
{
    Corpus corpus;
    corpus.origin = origin;
    corpus.documents.reserve(entries.size());
    for (ImdbEntry& entry : entries)
        corpus.documents.push_back(std::move(entry.document));
    return corpus;
}

Corpus readAclImdbFolder(const std::filesystem::path& root, const CorpusOptions& options)
{
    namespace fs = std::filesystem;
    const std::vector<ImdbDir> dirs = imdbDirs(options.split);

    // List the split's folders first: sorting names is cheap, and reading in the final order
    // lets progress count files.
    std::vector<ImdbEntry> entries;
    for (std::size_t i = 0; i < dirs.size(); ++i) {
        const fs::path folder = root / dirs[i].path;
        std::error_code ec;
        fs::directory_iterator it(folder, ec);
        if (ec)
            throw MessageError(
                Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is missing or unreadable ({2}); an "
                                                         "aclImdb folder holds train/pos, train/neg, "
                                                         "train/unsup, test/pos and test/neg"))
                    .arg(folder.string())
                    .arg(ec.message()));
        for (const fs::directory_entry& item : it) {
            std::string name = item.path().filename().string();
            if (isReviewFile(name) && item.is_regular_file(ec))
                entries.push_back({i, std::move(name), {}});
        }
    }
    sortImdbEntries(entries);

    ProgressReporter progress(options, root.string(), entries.size(), kProgressFiles);
    for (std::size_t k = 0; k < entries.size(); ++k) {
        ImdbEntry& entry = entries[k];
        const ImdbDir& dir = dirs[entry.dir];
        const std::string file = (root / dir.path / entry.name).string();
        entry.document = imdbDocument(readFile(file), dir, entry.name, options.split, file);
        progress.update(k + 1);
    }
    progress.finish(entries.size());
    return imdbCorpus(root.string(), entries);
}

}  // namespace masklab::detail
