// Corpora from files that carry no splits: JSONL (one object per line), CSV/TSV with a header
// row (RFC 4180 quoting), and plain text cut per file, line or paragraph.
#include "masklab/message.h"
#include "corpus/corpus_internal.h"
#include "support/json_reason.h"
#include "support/json_value.h"
#include "support/quote.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>

namespace masklab::detail {

namespace {

bool isBlank(std::string_view line)
{
    return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

std::string_view withoutCr(std::string_view line)
{
    return !line.empty() && line.back() == '\r' ? line.substr(0, line.size() - 1) : line;
}

// Reads a text file, checks it is non-empty UTF-8 and returns it without a byte order mark.
// `bytes` keeps the storage the returned view points into.
std::string_view readTextFile(const std::string& path, std::string& bytes)
{
    bytes = readFile(path);
    const std::string_view content = stripBom(bytes);
    if (content.empty())
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is empty; delete it or put text in it")).arg(path));
    checkUtf8(content, path);
    return content;
}

// Calls body(line, number, end) for every line of text; end is the offset past its '\n'.
template <typename Body>
void forEachLine(std::string_view text, Body&& body)
{
    std::size_t number = 0;
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t end = text.find('\n', begin);
        end = end == std::string_view::npos ? text.size() : end;
        body(text.substr(begin, end - begin), ++number, std::min(end + 1, text.size()));
        begin = end + 1;
    }
}

// The first few names, each cut and escaped: a header line may hold anything.
Message joinNames(const std::vector<std::string>& names)
{
    if (names.empty()) return Message(MASKLAB_TRANSLATE_NOOP("Engine", "none"));
    std::string joined;
    for (std::size_t i = 0; i < names.size() && i < 8; ++i)
        joined += (joined.empty() ? "" : ", ") + names[i];
    // The names themselves, as the file writes them: nothing to translate.
    if (names.size() <= 8) return Message("{1}").arg(excerpt(joined, 100));
    return Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}, and {2} more"))
        .arg(excerpt(joined, 100))
        .count(static_cast<int64_t>(names.size() - 8));
}

// --- JSONL -----------------------------------------------------------------------------------

int jsonLabel(const nlohmann::json& value)
{
    if (int label = -1; value.is_number_integer())
        return readJsonValue(value, label) ? label : -1;
    if (value.is_boolean())
        return value.get<bool>() ? 1 : 0;
    if (value.is_string())
        return parseLabel(value.get_ref<const std::string&>());
    return -1;
}

// `path` and `number` (the line's) name the line in messages.
Document jsonlDocument(std::string_view line, const std::string& path, std::size_t number,
                       const CorpusOptions& options)
{
    const auto lineNumber = static_cast<int64_t>(number);
    nlohmann::json object;
    try {
        object = nlohmann::json::parse(line.begin(), line.end());
    } catch (const nlohmann::json::exception& error) {
        // nlohmann quotes what it last read: for a missing quote, the rest of a 200 MB line. A
        // number past double's range (1e400) is an out_of_range error, not a parse error.
        // It counts lines within the one line it was given: its "at line 1, column 20" would
        // read as the file's line 1, so only the column is kept.
        std::string reason = jsonReason(error, 160);
        for (const std::string_view lineOne : {"parse error at line 1, ", "syntax error at line 1, "})
            if (reason.rfind(lineOne, 0) == 0) reason = reason.substr(lineOne.size());
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} line {2} is not valid JSON ({3}); "
                                                     "write one JSON object per line"))
                .arg(path)
                .count(lineNumber)
                .arg(reason));
    }
    if (!object.is_object())
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} line {2} is not a JSON object; write one "
                                                     "object per line, such as {\"{3}\": \"...\"}"))
                .arg(path)
                .count(lineNumber)
                .arg(options.textField));
    const auto text = object.find(options.textField);
    if (text == object.end()) {
        std::vector<std::string> keys;
        for (const auto& item : object.items())
            keys.push_back(item.key());
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} line {2} has no field {3} (it has: "
                                                     "{4}); choose the field with --field"))
                .arg(path)
                .count(lineNumber)
                .arg(inQuotes(options.textField))
                .inner(joinNames(keys)));
    }
    if (!text->is_string())
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} line {2} has a {3} in field {4}, not a "
                                                     "string; choose the text field with --field"))
                .arg(path)
                .count(lineNumber)
                .arg(text->type_name())
                .arg(inQuotes(options.textField)));

    Document document;
    document.text = std::move(text->get_ref<std::string&>());
    if (const auto label = object.find(options.labelField); label != object.end())
        document.label = jsonLabel(*label);
    if (const auto rating = object.find("rating");
        rating != object.end() && rating->is_number_integer() && !readJsonValue(*rating, document.rating))
        document.rating = -1;
    if (const auto split = object.find("split"); split != object.end() && split->is_string())
        document.split = split->get<std::string>();
    return document;
}

// --- CSV -------------------------------------------------------------------------------------

// Cuts CSV text into records (RFC 4180): a quoted field may hold the delimiter, line breaks
// and doubled quotes; records end at \n or \r\n. Text after a closing quote is kept, as
// Python's csv module does.
class CsvParser {
public:
    CsvParser(std::string_view text, char delimiter, std::string path)
        : m_text(text), m_path(std::move(path))
    {
        m_stops[0] = delimiter;
        m_stops[1] = '\n';
    }

    // The next record into fields; false at the end of the text.
    bool next(std::vector<std::string>& fields)
    {
        if (m_pos >= m_text.size())
            return false;
        fields.clear();
        m_recordLine = m_line;
        for (;;) {
            std::string field;
            if (m_text[m_pos] == '"')
                readQuoted(field);
            std::size_t stop = m_text.find_first_of(std::string_view(m_stops, 2), m_pos);
            stop = stop == std::string_view::npos ? m_text.size() : stop;
            field.append(m_text.substr(m_pos, stop - m_pos));
            m_pos = stop;
            const bool recordEnds = m_pos >= m_text.size() || m_text[m_pos] == '\n';
            if (recordEnds && !field.empty() && field.back() == '\r')
                field.pop_back();
            fields.push_back(std::move(field));
            if (m_pos >= m_text.size())
                return true;
            ++m_pos;
            if (recordEnds) {
                ++m_line;
                return true;
            }
            if (m_pos >= m_text.size()) {  // a delimiter ends the text: one more empty field
                fields.emplace_back();
                return true;
            }
        }
    }

    std::size_t line() const { return m_recordLine; }  // first line of the last record
    std::size_t offset() const { return m_pos; }       // bytes consumed so far

private:
    void readQuoted(std::string& field)
    {
        const std::size_t openLine = m_line;
        ++m_pos;
        for (;;) {
            const std::size_t quote = m_text.find('"', m_pos);
            if (quote == std::string_view::npos)
                throw MessageError(
                    Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} line {2} opens a quoted field "
                                                             "that is never closed; close it with "
                                                             "\" and write quotes inside it as \"\""))
                        .arg(m_path)
                        .count(static_cast<int64_t>(openLine)));
            const std::string_view chunk = m_text.substr(m_pos, quote - m_pos);
            m_line += static_cast<std::size_t>(std::count(chunk.begin(), chunk.end(), '\n'));
            field.append(chunk);
            m_pos = quote + 1;
            if (m_pos < m_text.size() && m_text[m_pos] == '"') {
                field += '"';
                ++m_pos;
                continue;
            }
            return;
        }
    }

    std::string_view m_text;
    std::string m_path;
    char m_stops[2];
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
    std::size_t m_recordLine = 1;
};

std::size_t columnIndex(const std::vector<std::string>& header, const std::string& name)
{
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
}

// --- plain text ------------------------------------------------------------------------------

// Appends the documents of one text file; `name` is its source ("notes.txt").
void appendTextFile(Corpus& corpus, const std::string& path, const std::string& name, TextUnit unit)
{
    std::string bytes;
    const std::string_view content = readTextFile(path, bytes);
    auto add = [&](std::string_view text, std::string source) {
        Document document;
        document.text = std::string(text);
        document.source = std::move(source);
        corpus.documents.push_back(std::move(document));
    };
    switch (unit) {
    case TextUnit::File:
        add(content, name);
        return;
    case TextUnit::Line:
        forEachLine(content, [&](std::string_view line, std::size_t number, std::size_t) {
            if (!isBlank(line))
                add(withoutCr(line), name + ":" + std::to_string(number));
        });
        return;
    case TextUnit::Paragraph: {
        // A paragraph runs from its first line to its last non-blank line, as stored.
        std::size_t begin = 0;
        std::size_t end = 0;
        std::size_t firstLine = 0;
        auto flush = [&] {
            if (firstLine != 0)
                add(withoutCr(content.substr(begin, end - begin)),
                    name + ":" + std::to_string(firstLine));
            firstLine = 0;
        };
        forEachLine(content, [&](std::string_view line, std::size_t number, std::size_t) {
            if (isBlank(line))
                return flush();
            const auto lineBegin = static_cast<std::size_t>(line.data() - content.data());
            if (firstLine == 0) {
                firstLine = number;
                begin = lineBegin;
            }
            end = lineBegin + line.size();
        });
        flush();
        return;
    }
    }
}

}  // namespace

Corpus readJsonl(const std::string& path, const CorpusOptions& options)
{
    std::string bytes;
    const std::string_view content = readTextFile(path, bytes);
    const std::string name = baseName(path);
    ProgressReporter progress(options, path, content.size(), kProgressBytes);
    Corpus corpus;
    forEachLine(content, [&](std::string_view line, std::size_t number, std::size_t end) {
        if (isBlank(line))
            return;
        Document document = jsonlDocument(line, path, number, options);
        document.source = name + ":" + std::to_string(number);
        corpus.documents.push_back(std::move(document));
        progress.update(end);
    });
    progress.finish(content.size());
    return corpus;
}

Corpus readCsv(const std::string& path, const CorpusOptions& options)
{
    std::string bytes;
    const std::string_view content = readTextFile(path, bytes);
    const std::string name = baseName(path);
    const bool tsv = name.size() > 4 && name.compare(name.size() - 4, 4, ".tsv") == 0;
    const char delimiter = tsv && options.csvDelimiter == ',' ? '\t' : options.csvDelimiter;

    CsvParser parser(content, delimiter, path);
    std::vector<std::string> header;
    parser.next(header);
    const std::size_t textColumn = columnIndex(header, options.textField);
    const std::size_t labelColumn = columnIndex(header, options.labelField);
    if (textColumn == header.size())
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} has no column {2} (columns: "
                                                     "{3}); choose the column with --field"))
                .arg(path)
                .arg(inQuotes(options.textField))
                .inner(joinNames(header)));

    ProgressReporter progress(options, path, content.size(), kProgressBytes);
    Corpus corpus;
    std::vector<std::string> fields;
    while (parser.next(fields)) {
        if (fields.size() == 1 && fields[0].empty())
            continue;  // a blank line
        const std::string line = std::to_string(parser.line());
        if (textColumn >= fields.size())
            throw MessageError(
                Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} line {2} has {3} fields but the header has {4}; "
                                                         "check the delimiter and the quoting of that line"))
                    .arg(path)
                    .count(static_cast<int64_t>(parser.line()))
                    .count(static_cast<int64_t>(fields.size()))
                    .count(static_cast<int64_t>(header.size())));
        Document document;
        document.text = std::move(fields[textColumn]);
        if (labelColumn < fields.size())
            document.label = parseLabel(fields[labelColumn]);
        document.source = name + ":" + line;
        corpus.documents.push_back(std::move(document));
        progress.update(parser.offset());
    }
    progress.finish(content.size());
    return corpus;
}

Corpus readPlainText(const std::string& path, const CorpusOptions& options)
{
    namespace fs = std::filesystem;
    Corpus corpus;
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
        appendTextFile(corpus, path, baseName(path), options.textUnit);
        ProgressReporter(options, path, 1, kProgressFiles).finish(1);
        return corpus;
    }

    // A folder: its *.txt files, in subfolders too, byte-sorted by relative path.
    std::vector<std::string> files;
    for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code fileError;
        if (it->is_regular_file(fileError) && it->path().extension() == ".txt")
            files.push_back(it->path().lexically_relative(path).generic_string());
    }
    if (ec)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot list {1}: {2}"))
                               .arg(path)
                               .arg(ec.message()));
    if (files.empty())
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} has no *.txt files and is not an aclImdb "
                                                     "folder (train/, test/); give a folder of .txt "
                                                     "files, an aclImdb folder or a corpus file"))
                .arg(path));
    std::sort(files.begin(), files.end());

    ProgressReporter progress(options, path, files.size(), kProgressFiles);
    for (std::size_t k = 0; k < files.size(); ++k) {
        appendTextFile(corpus, (fs::path(path) / files[k]).string(), files[k], options.textUnit);
        progress.update(k + 1);
    }
    progress.finish(files.size());
    return corpus;
}

}  // namespace masklab::detail
