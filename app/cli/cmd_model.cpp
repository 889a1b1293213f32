// masklab-cli info / fill-mask: what a model folder holds, and what it predicts for [MASK].
#include "cli_common.h"

#include "masklab/checkpoint.h"
#include "masklab/error.h"
#include "masklab/fill_mask.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cstdio>

namespace masklab::cli {
namespace {

constexpr const char* kModelHelp = "Model folder, or Hugging Face repo id (org/name[@revision]) from the cache or downloaded";

struct InfoCommand {
    std::string model;

    void run() const
    {
        const PretrainedModel loaded = loadPretrained(hub::locateModel(model, stderrProgress()));
        const ModelConfig& c = loaded.model->config();
        nlohmann::json layers = nlohmann::json::array();
        for (const LayerSummaryRow& row : loaded.model->summary())
            layers.push_back({{"name", row.name}, {"kind", row.kind}, {"output_shape", row.outputShape},
                              {"parameters", row.parameters}});
        const nlohmann::json info = {{"model", model},
                                     {"architecture", c.className()},
                                     {"parameters", loaded.model->numParameters()},
                                     {"vocab_size", c.vocabSize},
                                     {"hidden", c.hidden},
                                     {"layers", c.layers},
                                     {"heads", c.heads},
                                     {"tokenizer", loaded.tokenizer->describe().text()},
                                     {"summary", layers},
                                     {"warnings", loaded.warnings}};
        writeLine(info.dump(2));
    }
};

struct FillMaskCommand {
    std::string model;
    std::vector<std::string> texts;
    int topK = 5;
    int threads = 0;

    void run() const
    {
        if (threads > 0) torch::set_num_threads(threads);
        PretrainedModel loaded = loadPretrained(hub::locateModel(model, stderrProgress()));
        nlohmann::json all = nlohmann::json::array();
        for (const std::string& text : texts) {
            const FillMaskResult result = fillMask(*loaded.model, *loaded.tokenizer, text, topK);
            nlohmann::json masks = nlohmann::json::array();
            for (const auto& predictions : result) {
                nlohmann::json list = nlohmann::json::array();
                for (const FillMaskPrediction& p : predictions)
                    list.push_back({{"token", p.token}, {"token_str", p.tokenStr}, {"score", p.score}, {"sequence", p.sequence}});
                masks.push_back(list);
            }
            // As Hugging Face's pipeline: a text with one mask gives its list of predictions,
            // a text with several a list per mask.
            all.push_back(masks.size() == 1 ? masks[0] : masks);
        }
        writeLine((all.size() == 1 ? all[0] : all).dump(2));
    }
};

}  // namespace

void addModelCommands(CLI::App& app)
{
    auto info = std::make_shared<InfoCommand>();
    CLI::App* infoSub = app.add_subcommand("info", "Parameter count and per-layer summary of a model folder");
    infoSub->add_option("--model", info->model, kModelHelp)->required();
    infoSub->callback([info] { info->run(); });

    auto fill = std::make_shared<FillMaskCommand>();
    CLI::App* fillSub = app.add_subcommand("fill-mask", "Top-k predictions for each [MASK] in a text");
    fillSub->add_option("--model", fill->model, kModelHelp)->required();
    fillSub->add_option("--text", fill->texts, "Text with [MASK] (repeat for a batch)")->required();
    fillSub->add_option("--top-k", fill->topK, "Predictions per mask")->capture_default_str()->check(CLI::PositiveNumber);
    fillSub->add_option("--threads", fill->threads, "CPU threads (0 = every core)");
    fillSub->callback([fill] { fill->run(); });
}

}  // namespace masklab::cli
