#include "masklab/training_config.h"

#include "masklab/error.h"
#include "masklab/message.h"
#include "support/json_reason.h"
#include "support/json_value.h"
#include "support/quote.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace masklab {
using nlohmann::json;


MaskingOptions TrainingConfig::masking(uint64_t maskSeed) const
{
    MaskingOptions o;
    o.wholeWord = wholeWord;
    o.mlmProbability = mlmProbability;
    o.wwmProbability = wwmProbability;
    o.maskShare = maskShare;
    o.randomShare = randomShare;
    o.seed = maskSeed;
    return o;
}

std::string TrainingConfig::toJson() const
{
    json j;
    TrainingConfig copy = *this;
    visitTrainingFields(copy, [&](const char* key, auto& field) { j[key] = field; });
    return j.dump(2) + "\n";
}

TrainingConfig TrainingConfig::fromJson(const std::string& text, const std::string& where)
{
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& e) {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is not valid JSON ({2})")).arg(where).arg(jsonReason(e)));
    }
    if (!j.is_object())
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} must hold a JSON object of training settings")).arg(where));
    TrainingConfig c;
    std::vector<std::string> known;
    visitTrainingFields(c, [&](const char* key, auto& field) {
        known.emplace_back(key);
        if (!j.contains(key) || j[key].is_null()) return;
        if (!readJsonValue(j[key], field))
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: {2} has the wrong type or is out of range ({3})"))
                                   .arg(where)
                                   .arg(inQuotes(key))
                                   .arg(asWritten(j[key])));
    });
    for (const auto& item : j.items())
        if (std::find(known.begin(), known.end(), item.key()) == known.end())
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: unknown setting {2} (a typo?)")).arg(where).arg(inQuotes(item.key())));
    return c;
}

TrainingConfig TrainingConfig::fromFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot open the training config {1}")).arg(path));
    std::ostringstream text;
    text << in.rdbuf();
    return fromJson(text.str(), path);
}

TrainingConfig TrainingConfig::demoPreset(const std::string& outputDir)
{
    TrainingConfig c;
    c.model = demoBaseModelPath();
    c.corpus = demoCorpusPath();
    c.split = "";
    c.chunkSize = 64;
    c.groupSize = 0;
    c.trainSize = 0.9;
    c.testSize = 0.1;
    // A small model after a short pretraining takes a larger step than the course's 2e-5 for
    // DistilBERT: at 5e-4 the base model moves to the reviews within the 20 epochs
    // (test_demo_preset; the one rate tried).
    c.learningRate = 5e-4;
    c.weightDecay = 0.01;
    c.batchSize = 16;
    c.epochs = 20;
    c.warmupSteps = 50;
    c.logEverySteps = 10;
    c.outputDir = outputDir;
    c.saveEveryEpoch = false;
    return c;
}

namespace {

// The demo's folder holding `entry` (reviews.jsonl, base-model/config.json): $MASKLAB_DEMO_DIR,
// the installed share/masklab/demo beside the program, the source tree's resources/demo.
// `missing` names the part in the message when none holds it.
std::string findDemoFile(const std::string& entry, const char* missing)
{
    std::vector<std::string> candidates;
    if (const char* env = std::getenv("MASKLAB_DEMO_DIR"); env && *env) candidates.push_back(env);
    // An installed program finds its demo beside itself (<prefix>/bin -> <prefix>/share), so a
    // package installed under another prefix than the build's still has it.
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) candidates.push_back((exe.parent_path().parent_path() / "share" / "masklab" / "demo").string());
    candidates.push_back(MASKLAB_SOURCE_RESOURCES "/demo");
    candidates.push_back(MASKLAB_INSTALL_DATADIR "/demo");
    std::string tried;
    for (const std::string& dir : candidates) {
        const std::string path = dir + "/" + entry;
        if (std::ifstream(path).good()) return dir;
        tried += "\n  " + path;
    }
    throw MessageError(Message(missing).arg(tried).arg(entry));
}

}  // namespace

std::string demoCorpusPath()
{
    return findDemoFile("reviews.jsonl", MASKLAB_TRANSLATE_NOOP("Engine", "The demo's reviews were not found; looked in:{1}\n"
                                                                          "Reinstall MaskLab, or set MASKLAB_DEMO_DIR to the folder holding {2}")) +
           "/reviews.jsonl";
}

std::string demoBaseModelPath()
{
    return findDemoFile("base-model/config.json",
                        MASKLAB_TRANSLATE_NOOP("Engine", "The demo's general-English base model was not found; looked in:{1}\n"
                                                         "Reinstall MaskLab, or set MASKLAB_DEMO_DIR to the folder holding {2}")) +
           "/base-model";
}

// The rules are marked for lupdate (see training_setting_help.cpp): the window shows them,
// translated, at the field; the message with the key is for the CLI and the JSON file.
std::vector<TrainingConfig::Problem> TrainingConfig::problems() const
{
    std::vector<Problem> found;
    auto require = [&](bool ok, const char* key, const char* rule, std::string message = {}) {
        if (ok) return;
        found.push_back({key, rule, message.empty() ? std::string(key) + " " + rule : message});
    };
    if (model.empty() && fromScratch.empty())
        require(false, "model", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "choose a model folder, or a size for a new model"),
                "give either a model folder (model) or a size to start from scratch (from_scratch)");
    if (!model.empty() && !fromScratch.empty())
        require(false, "from_scratch", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "leave empty to adapt the model folder, or clear the model folder"),
                "give either a model folder (model) or a size to start from scratch (from_scratch), not both");
    require(!corpus.empty(), "corpus", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "choose an aclImdb folder or tarball, a JSONL, CSV or text file"),
            "no corpus: set corpus (--input) to an aclImdb folder or tarball, JSONL, CSV or text");
    for (const auto& [value, key] : {std::pair{dropout, "dropout"}, std::pair{attentionDropout, "attention_dropout"}})
        require(value == -1 || (value >= 0 && value < 1), key,
                MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be at least 0 and below 1, or -1 for the model's own"));
    require(chunkSize > 0, "chunk_size", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be positive"));
    require(groupSize >= 0, "group_size", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be 0 or positive"));
    require(trainSize > 0, "train_size", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be positive"));
    require(testSize > 0, "test_size", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be positive: evaluation measures perplexity on these chunks"));
    require(mlmProbability > 0 && mlmProbability < 1, "mlm_probability", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be between 0 and 1"));
    require(wwmProbability > 0 && wwmProbability < 1, "wwm_probability", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be between 0 and 1"));
    require(maskShare >= 0, "mask_share", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must not be negative"));
    require(randomShare >= 0, "random_share", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must not be negative"));
    if (maskShare >= 0 && randomShare >= 0)
        require(maskShare + randomShare <= 1, "random_share", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "with the [MASK] share, must add up to at most 1"),
                "mask_share and random_share must be at least 0 and add up to at most 1");
    require(learningRate > 0, "learning_rate", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be positive"));
    require(weightDecay >= 0, "weight_decay", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must not be negative"));
    require(adamBeta1 >= 0 && adamBeta1 < 1, "adam_beta1", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be at least 0 and below 1"));
    require(adamBeta2 >= 0 && adamBeta2 < 1, "adam_beta2", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be at least 0 and below 1"));
    require(adamEpsilon > 0, "adam_epsilon", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be positive"));
    require(batchSize > 0, "batch_size", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be positive"));
    require(gradientAccumulation > 0, "gradient_accumulation", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be positive"));
    require(epochs > 0, "epochs", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be positive"));
    require(warmupSteps >= 0, "warmup_steps", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must not be negative"));
    require(maxGradNorm >= 0, "max_grad_norm", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must not be negative"));
    require(saveEverySteps >= 0, "save_every_steps", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be 0 or positive"));
    require(ddpBucketCapMb > 0 && ddpBucketCapMb <= 4096, "ddp_bucket_cap_mb", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be from 1 to 4096"));
    require(ddpTimeout > 0, "ddp_timeout", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be positive"));
    require(evalBatchSize > 0, "eval_batch_size", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be positive"));
    require(precision == "auto" || precision == "fp32" || precision == "bf16" || precision == "fp16", "precision",
            MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be auto, fp32, bf16 or fp16"));
    require(!outputDir.empty(), "output_dir", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "choose a folder for the run"),
            "output_dir is empty: the run needs a folder for checkpoints and metrics");
    return found;
}

void TrainingConfig::validate() const
{
    const std::vector<Problem> found = problems();
    if (!found.empty()) throw Error("training config: " + found.front().message);
}

}  // namespace masklab
