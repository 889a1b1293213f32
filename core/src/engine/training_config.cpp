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

namespace {

// A rule a setting breaks, marked twice: alone, for the window to show at the field (context
// "TrainingSettings", see training_setting_help.cpp), and as the sentence of the CLI's and
// validate()'s message, with the key at {1} or naming the keys itself (context "Engine"): a
// whole sentence, so that the window can translate validate()'s message too.
struct Rule {
    const char* alone;
    const char* sentence;
};

constexpr Rule kPositive = {MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be positive"),
                            MASKLAB_TRANSLATE_NOOP("Engine", "{1} must be positive")};
constexpr Rule kZeroOrPositive = {MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be 0 or positive"),
                                  MASKLAB_TRANSLATE_NOOP("Engine", "{1} must be 0 or positive")};
constexpr Rule kNotNegative = {MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must not be negative"),
                               MASKLAB_TRANSLATE_NOOP("Engine", "{1} must not be negative")};
constexpr Rule kProbability = {MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be above 0 and below 1"),
                               MASKLAB_TRANSLATE_NOOP("Engine", "{1} must be above 0 and below 1")};
constexpr Rule kBelowOne = {MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be at least 0 and below 1"),
                            MASKLAB_TRANSLATE_NOOP("Engine", "{1} must be at least 0 and below 1")};
constexpr Rule kDropout = {MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be at least 0 and below 1, or -1 for the "
                                                                      "model's own"),
                           MASKLAB_TRANSLATE_NOOP("Engine", "{1} must be at least 0 and below 1, or -1 for the model's "
                                                            "own")};

struct Found {
    TrainingConfig::Problem problem;
    Message sentence;  // problem.message, for the window to translate
};

std::vector<Found> findProblems(const TrainingConfig& c)
{
    std::vector<Found> found;
    auto require = [&](bool ok, const char* key, const Rule& rule) {
        if (ok) return;
        Message sentence = Message(rule.sentence).arg(key);
        found.push_back({{key, rule.alone, sentence.text()}, std::move(sentence)});
    };
    if (c.model.empty() && c.fromScratch.empty())
        require(false, "model",
                {MASKLAB_TRANSLATE_NOOP("TrainingSettings", "choose a model folder, or a size for a new model"),
                 MASKLAB_TRANSLATE_NOOP("Engine", "give either a model folder (model) or a size to start from scratch "
                                                  "(from_scratch)")});
    if (!c.model.empty() && !c.fromScratch.empty())
        require(false, "from_scratch",
                {MASKLAB_TRANSLATE_NOOP("TrainingSettings", "leave empty to adapt the model folder, or clear the "
                                                            "model folder"),
                 MASKLAB_TRANSLATE_NOOP("Engine", "give either a model folder (model) or a size to start from scratch "
                                                  "(from_scratch), not both")});
    require(!c.corpus.empty(), "corpus",
            {MASKLAB_TRANSLATE_NOOP("TrainingSettings", "choose an aclImdb folder or tarball, a JSONL, CSV or "
                                                        "text file"),
             MASKLAB_TRANSLATE_NOOP("Engine", "no corpus: set corpus (--input) to an aclImdb folder or tarball, JSONL, "
                                              "CSV or text")});
    for (const auto& [value, key] :
         {std::pair{c.dropout, "dropout"}, std::pair{c.attentionDropout, "attention_dropout"}})
        require(value == -1 || (value >= 0 && value < 1), key, kDropout);
    require(c.chunkSize > 0, "chunk_size", kPositive);
    require(c.groupSize >= 0, "group_size", kZeroOrPositive);
    require(c.trainSize > 0, "train_size", kPositive);
    require(c.testSize > 0, "test_size",
            {MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be positive: evaluation measures perplexity on "
                                                        "these chunks"),
             MASKLAB_TRANSLATE_NOOP("Engine", "{1} must be positive: evaluation measures perplexity on these chunks")});
    require(c.mlmProbability > 0 && c.mlmProbability < 1, "mlm_probability", kProbability);
    require(c.wwmProbability > 0 && c.wwmProbability < 1, "wwm_probability", kProbability);
    require(c.maskShare >= 0, "mask_share", kNotNegative);
    require(c.randomShare >= 0, "random_share", kNotNegative);
    if (c.maskShare >= 0 && c.randomShare >= 0)
        require(c.maskShare + c.randomShare <= 1, "random_share",
                {MASKLAB_TRANSLATE_NOOP("TrainingSettings", "with the [MASK] share, must add up to at most 1"),
                 MASKLAB_TRANSLATE_NOOP("Engine", "mask_share and random_share must be at least 0 and add up "
                                                  "to at most 1")});
    require(c.learningRate > 0, "learning_rate", kPositive);
    require(c.weightDecay >= 0, "weight_decay", kNotNegative);
    require(c.adamBeta1 >= 0 && c.adamBeta1 < 1, "adam_beta1", kBelowOne);
    require(c.adamBeta2 >= 0 && c.adamBeta2 < 1, "adam_beta2", kBelowOne);
    require(c.adamEpsilon > 0, "adam_epsilon", kPositive);
    require(c.batchSize > 0, "batch_size", kPositive);
    require(c.gradientAccumulation > 0, "gradient_accumulation", kPositive);
    require(c.epochs > 0, "epochs", kPositive);
    require(c.warmupSteps >= 0, "warmup_steps", kNotNegative);
    require(c.maxGradNorm >= 0, "max_grad_norm", kNotNegative);
    require(c.saveEverySteps >= 0, "save_every_steps", kZeroOrPositive);
    require(c.ddpBucketCapMb > 0 && c.ddpBucketCapMb <= 4096, "ddp_bucket_cap_mb",
            {MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be from 1 to 4096"),
             MASKLAB_TRANSLATE_NOOP("Engine", "{1} must be from 1 to 4096")});
    require(c.ddpTimeout > 0, "ddp_timeout", kPositive);
    require(c.evalBatchSize > 0, "eval_batch_size", kPositive);
    require(c.precision == "auto" || c.precision == "fp32" || c.precision == "bf16" || c.precision == "fp16",
            "precision",
            {MASKLAB_TRANSLATE_NOOP("TrainingSettings", "must be auto, fp32, bf16 or fp16"),
             MASKLAB_TRANSLATE_NOOP("Engine", "{1} must be auto, fp32, bf16 or fp16")});
    require(!c.outputDir.empty(), "output_dir",
            {MASKLAB_TRANSLATE_NOOP("TrainingSettings", "choose a folder for the run"),
             MASKLAB_TRANSLATE_NOOP("Engine", "output_dir is empty: the run needs a folder for checkpoints and "
                                              "metrics")});
    return found;
}

}  // namespace

std::vector<TrainingConfig::Problem> TrainingConfig::problems() const
{
    std::vector<Problem> problems;
    for (Found& f : findProblems(*this)) problems.push_back(std::move(f.problem));
    return problems;
}

void TrainingConfig::validate() const
{
    std::vector<Found> found = findProblems(*this);
    if (!found.empty())
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "training config: {1}"))
                               .inner(std::move(found.front().sentence)));
}

}  // namespace masklab
