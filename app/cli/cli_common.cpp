#include "cli_common.h"

#include "masklab/error.h"

#include <charconv>
#include <cstdio>
#include <utility>

namespace masklab::cli {

void InputOptions::addTo(CLI::App& command, bool required)
{
    auto* input = command.add_option("--input", path,
                                     "Corpus: an aclImdb folder or tarball, JSONL, CSV or plain text");
    if (required) input->required();
    command.add_option("--split", split, "aclImdb split: train, test or unsup")->capture_default_str();
    command.add_option("--field", field, "JSONL key or CSV column holding the text")->capture_default_str();
    command.add_option("--text-unit", textUnit, "Plain text: one document per file, line or paragraph")
        ->check(CLI::IsMember({"file", "line", "paragraph"}))
        ->capture_default_str();
    command.add_option("--limit-documents", limitDocuments, "Read only the first N documents (0 = all)");
}

Corpus InputOptions::read() const
{
    CorpusOptions options;
    options.split = split;
    options.textField = field;
    options.textUnit = textUnit == "line" ? TextUnit::Line : textUnit == "paragraph" ? TextUnit::Paragraph : TextUnit::File;
    Corpus corpus = readCorpus(path, options);
    if (limitDocuments > 0 && corpus.documents.size() > static_cast<std::size_t>(limitDocuments))
        corpus.documents.resize(static_cast<std::size_t>(limitDocuments));
    return corpus;
}

void CacheOptions::addTo(CLI::App& command)
{
    command.add_option("--cache-dir", dir, "Folder for the tokenized-corpus cache")->capture_default_str();
    command.add_flag("--no-cache", disabled, "Tokenize again and write no cache");
}

TokenStore CacheOptions::tokenize(const Tokenizer& tokenizer, const Corpus& corpus, int threads) const
{
    return tokenizeCached(tokenizer, corpus.documents, disabled ? std::string() : dir, nullptr, threads);
}

void ChunkingOptions::addTo(CLI::App& command)
{
    command.add_option("--tokenizer", tokenizer, "tokenizer.json, vocab.txt, .model or a model folder")->required();
    input.addTo(command, true);
    command.add_option("--chunk-size", chunk.chunkSize, "Tokens per chunk")->capture_default_str()->check(CLI::PositiveNumber);
    command.add_option("--group-size", chunk.groupSize,
                       "Documents concatenated before cutting (the course's map batch); 0 = whole corpus")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    command.add_option("--tail", tail, "What happens to the rest of each group: drop or pad")
        ->check(CLI::IsMember({"drop", "pad"}))
        ->capture_default_str();
    cache.addTo(command);
    command.add_option("--threads", threads, "Worker threads (0 = every core)");
}

ChunkSet ChunkingOptions::run(std::unique_ptr<Tokenizer>& loadedTokenizer) const
{
    loadedTokenizer = loadTokenizer(hub::locateModel(tokenizer, stderrProgress()));
    const Corpus corpus = input.read();
    const TokenStore store = cache.tokenize(*loadedTokenizer, corpus, threads);
    ChunkOptions options = chunk;
    options.tail = tail == "pad" ? TailPolicy::Pad : TailPolicy::Drop;
    return groupTexts(store, options, loadedTokenizer->specialTokens().pad);
}

void appendIntArray(std::string& out, const int32_t* values, std::size_t count, bool minusOneIsNull)
{
    out.push_back('[');
    char buffer[16];
    for (std::size_t i = 0; i < count; ++i) {
        if (i) out.push_back(',');
        if (minusOneIsNull && values[i] == -1) {
            out.append("null");
            continue;
        }
        const auto result = std::to_chars(buffer, buffer + sizeof(buffer), values[i]);
        out.append(buffer, result.ptr);
    }
    out.push_back(']');
}

void writeLine(const std::string& line)
{
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
}

namespace {
bool progressLineOpen = false;  // the CLI's one thread draws progress and reports errors
}

void openProgressLine() { progressLineOpen = true; }

void closeProgressLine()
{
    if (std::exchange(progressLineOpen, false)) std::fputc('\n', stderr);
}

}  // namespace masklab::cli
