// masklab-cli mask: chunks after masking, one JSON line each, or the measured shares.
#include "cli_common.h"

#include "masklab/chunking.h"
#include "masklab/error.h"
#include "masklab/masking.h"

#include <cstdio>

namespace masklab::cli {

namespace {

const char* outcomeName(MaskOutcome o)
{
    switch (o) {
    case MaskOutcome::Masked: return "\"mask\"";
    case MaskOutcome::Random: return "\"random\"";
    case MaskOutcome::Kept: return "\"kept\"";
    case MaskOutcome::None: break;
    }
    return "null";
}

std::string share(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof(buffer), "%.6f", value);
    return buffer;
}

struct MaskCommand {
    ChunkingOptions chunking;
    MaskingOptions masking;
    CLI::Option* wholeWordOption = nullptr;
    double wholeWord = 0.2;
    std::size_t limit = 0;
    bool stats = false;

    void run()
    {
        if (wholeWordOption->count() > 0) {
            masking.wholeWord = true;
            masking.wwmProbability = wholeWord;
        }
        std::unique_ptr<Tokenizer> tok;
        ChunkSet chunks = chunking.run(tok);
        if (limit > 0 && chunks.size() > limit) {
            const std::size_t keep = limit * static_cast<std::size_t>(chunks.chunkSize);
            chunks.ids.resize(keep);
            chunks.wordIds.resize(keep);
            chunks.attention.resize(keep);
            chunks.firstDocument.resize(limit);
        }
        const MaskingVocabulary vocabulary = maskingVocabularyFor(*tok);
        const std::vector<MaskedChunk> masked = maskAll(chunks, masking, vocabulary, chunking.threads);
        if (stats) {
            MaskingStats s;
            for (std::size_t c = 0; c < masked.size(); ++c) s.add(masked[c], chunks.chunkIds(c), vocabulary);
            const bool ww = masking.wholeWord;
            writeLine(std::string("{\"mode\":\"") + (ww ? "whole_word" : "token") + "\",\"chunks\":" +
                      std::to_string(masked.size()) + ",\"eligible_tokens\":" + std::to_string(s.eligibleTokens) +
                      ",\"chosen\":" + std::to_string(s.chosen) + ",\"chosen_share\":" + share(s.chosenShare()) +
                      ",\"mask_share\":" + share(s.maskedShare()) + ",\"random_share\":" + share(s.randomShare()) +
                      ",\"kept_share\":" + share(s.keptShare()) + ",\"target\":{\"probability\":" +
                      share(ww ? masking.wwmProbability : masking.mlmProbability) + ",\"mask_share\":" +
                      share(ww ? 1.0 : masking.maskShare) + ",\"random_share\":" +
                      share(ww ? 0.0 : masking.randomShare) + "}}");
            return;
        }
        std::string line;
        for (const MaskedChunk& m : masked) {
            line.assign("{\"input_ids\":");
            appendIntArray(line, m.inputIds.data(), m.inputIds.size(), false);
            line.append(",\"labels\":");
            appendIntArray(line, m.labels.data(), m.labels.size(), false);
            line.append(",\"outcome\":[");
            for (std::size_t i = 0; i < m.outcome.size(); ++i) {
                if (i) line.push_back(',');
                line.append(outcomeName(m.outcome[i]));
            }
            line.append("]}");
            writeLine(line);
        }
    }
};

}  // namespace

void addMaskCommand(CLI::App& app)
{
    auto command = std::make_shared<MaskCommand>();
    CLI::App* sub = app.add_subcommand("mask", "Chunk and mask a corpus: one JSON line per chunk, or --stats");
    command->chunking.addTo(*sub);
    auto* mlm = sub->add_option("--mlm-probability", command->masking.mlmProbability,
                                "Token masking: chance each token is chosen")
                    ->capture_default_str()
                    ->check(CLI::Range(0.0, 1.0));
    command->wholeWordOption = sub->add_option("--whole-word", command->wholeWord,
                                               "Whole-word masking with this word probability (course: 0.2)")
                                   ->check(CLI::Range(0.0, 1.0));
    mlm->excludes(command->wholeWordOption);
    sub->add_option("--mask-share", command->masking.maskShare, "Share of chosen tokens replaced by [MASK]")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1.0));
    sub->add_option("--random-share", command->masking.randomShare, "Share replaced by a random token")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1.0));
    sub->add_option("--seed", command->masking.seed, "Random seed (same seed, same masks)")->capture_default_str();
    sub->add_option("--limit", command->limit, "Print only the first N chunks");
    sub->add_flag("--stats", command->stats, "Print the measured shares instead of the chunks");
    sub->callback([command] { command->run(); });
}

}  // namespace masklab::cli
