// masklab-cli chunk: group_texts over a corpus, printing the counts.
#include "cli_common.h"

#include "masklab/chunking.h"

namespace masklab::cli {
namespace {

struct ChunkCommand {
    ChunkingOptions chunking;

    void run() const
    {
        std::unique_ptr<Tokenizer> tokenizer;
        const ChunkSet chunks = chunking.run(tokenizer);
        writeLine("{\"documents\":" + std::to_string(chunks.documents) + ",\"tokens\":" +
                  std::to_string(chunks.tokens) + ",\"chunks\":" + std::to_string(chunks.size()) +
                  ",\"dropped_tokens\":" + std::to_string(chunks.droppedTokens) +
                  ",\"padded_tokens\":" + std::to_string(chunks.paddedTokens) + "}");
    }
};

}  // namespace

void addChunkCommand(CLI::App& app)
{
    auto command = std::make_shared<ChunkCommand>();
    CLI::App* sub = app.add_subcommand("chunk", "Concatenate and cut a corpus into chunks (group_texts); print counts");
    command->chunking.addTo(*sub);
    sub->callback([command] { command->run(); });
}

}  // namespace masklab::cli
