// masklab-cli chunk: group_texts over a corpus, printing the counts.
#include "cli_common.h"

#include "masklab/chunking.h"

namespace masklab::cli {
namespace {

struct ChunkCommand {
    std::string tokenizer;
    InputOptions input;
    CacheOptions cache;
    ChunkOptions chunk;
    std::string tail = "drop";
    int threads = 0;

    void run()
    {
        const auto tok = loadTokenizer(tokenizer);
        const Corpus corpus = input.read();
        const TokenStore store = cache.tokenize(*tok, corpus, threads);
        chunk.tail = tail == "pad" ? TailPolicy::Pad : TailPolicy::Drop;
        const ChunkSet chunks = groupTexts(store, chunk, tok->specialTokens().pad);
        writeLine("{\"documents\":" + std::to_string(chunks.documents) + ",\"tokens\":" +
                  std::to_string(chunks.tokens) + ",\"chunks\":" + std::to_string(chunks.size()) +
                  ",\"dropped_tokens\":" + std::to_string(chunks.droppedTokens) +
                  ",\"padded_tokens\":" + std::to_string(chunks.paddedTokens) + "}");
    }
};

}  // namespace

void addChunkOptions(CLI::App& sub, ChunkOptions& chunk, std::string& tail)
{
    sub.add_option("--chunk-size", chunk.chunkSize, "Tokens per chunk")->capture_default_str()->check(CLI::PositiveNumber);
    sub.add_option("--group-size", chunk.groupSize,
                   "Documents concatenated before cutting (the course's map batch); 0 = whole corpus")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    sub.add_option("--tail", tail, "What happens to the rest of each group: drop or pad")
        ->check(CLI::IsMember({"drop", "pad"}))
        ->capture_default_str();
}

void addChunkCommand(CLI::App& app)
{
    auto command = std::make_shared<ChunkCommand>();
    CLI::App* sub = app.add_subcommand("chunk", "Concatenate and cut a corpus into chunks (group_texts); print counts");
    sub->add_option("--tokenizer", command->tokenizer, "tokenizer.json, vocab.txt, .model or a model folder")->required();
    command->input.addTo(*sub, true);
    addChunkOptions(*sub, command->chunk, command->tail);
    command->cache.addTo(*sub);
    sub->add_option("--threads", command->threads, "Worker threads (0 = every core)");
    sub->callback([command] { command->run(); });
}

}  // namespace masklab::cli
