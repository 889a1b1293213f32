#pragma once
// Options and helpers shared by masklab-cli's subcommands.
#include "masklab/chunking.h"
#include "masklab/hub.h"
#include "masklab/corpus.h"
#include "masklab/token_store.h"
#include "masklab/tokenizer.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace masklab::cli {

// --input and the options that say how to read it.
struct InputOptions {
    std::string path;
    std::string split = "train";
    std::string field = "text";
    std::string textUnit = "file";
    int limitDocuments = 0;  // 0 = all

    void addTo(CLI::App& command, bool required);
    Corpus read() const;
};

// --cache-dir / --no-cache for the token store.
struct CacheOptions {
    std::string dir = defaultCacheDir();
    bool disabled = false;

    void addTo(CLI::App& command);
    TokenStore tokenize(const Tokenizer& tokenizer, const Corpus& corpus, int threads) const;
};

// --tokenizer, --input, the chunk options and the cache: what chunk and mask share.
struct ChunkingOptions {
    std::string tokenizer;
    InputOptions input;
    CacheOptions cache;
    ChunkOptions chunk;
    std::string tail = "drop";
    int threads = 0;

    void addTo(CLI::App& command);
    // Loads the tokenizer into `tokenizer`, reads, tokenizes (cached) and chunks the corpus.
    ChunkSet run(std::unique_ptr<Tokenizer>& loadedTokenizer) const;
};

// Appends a JSON array of integers to out; with minusOneIsNull, -1 prints as null (word ids).
void appendIntArray(std::string& out, const int32_t* values, std::size_t count, bool minusOneIsNull);

// Writes a line to stdout in one call.
void writeLine(const std::string& line);

// Progress redrawn on one stderr line with \r: openProgressLine after drawing it, and
// closeProgressLine before anything else goes to stderr, so that a log line or the error that
// ends the command starts a line of its own instead of trailing the progress.
void openProgressLine();
void closeProgressLine();

// Download progress as lines on stderr.
hub::ProgressCallback stderrProgress();

void addTokenizeCommand(CLI::App& app);
void addHubCommands(CLI::App& app);
void addChunkCommand(CLI::App& app);
void addMaskCommand(CLI::App& app);
// Engine subcommands (need LibTorch): train, eval, info, fill-mask.
void addTrainCommand(CLI::App& app);
void addEvalCommand(CLI::App& app);
void addModelCommands(CLI::App& app);

}  // namespace masklab::cli
