// masklab-cli train / eval: the course's Trainer recipe, every setting a flag; progress on
// stderr, metrics as JSON lines on stdout.
#include "cli_common.h"
#include "local_launcher.h"

#include "masklab/distributed.h"
#include "masklab/error.h"
#include "masklab/trainer.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <vector>

namespace masklab::cli {
namespace {

namespace fs = std::filesystem;

// A flag for every field of TrainingConfig (--learning-rate for learning_rate, ...), bound to
// `flags`; after parsing, the fields whose flag was given override the base config.
struct TrainingFlags {
    TrainingConfig flags;
    std::map<std::string, CLI::Option*> options;

    void addTo(CLI::App& sub)
    {
        visitTrainingFields(flags, [&](const char* key, auto& field) {
            std::string name = std::string("--") + key;
            for (char& ch : name)
                if (ch == '_') ch = '-';
            // Short names the course and the other subcommands use.
            if (name == "--corpus") name += ",--input";
            if (name == "--output-dir") name += ",--output";
            // The same line as the window's settings form shows under the field.
            const std::string help = trainingSettingHelp(key);
            using T = std::decay_t<decltype(field)>;
            if constexpr (std::is_same_v<T, bool>)
                options[key] = sub.add_flag(name, field, help + " (a flag; --" + name.substr(2) +
                                                             "=false turns it off)");
            else
                options[key] = sub.add_option(name, field, help);
        });
    }

    // The flags given on the command line, as written ("--threads").
    std::vector<std::string> given() const
    {
        std::vector<std::string> out;
        for (const auto& [key, option] : options)
            if (option->count() > 0) out.push_back(option->get_name());
        return out;
    }

    void applyTo(TrainingConfig& base)
    {
        TrainingConfig& source = flags;
        visitTrainingFields(base, [&](const char* key, auto& field) {
            if (options[key]->count() == 0) return;
            visitTrainingFields(source, [&](const char* otherKey, auto& value) {
                if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::decay_t<decltype(field)>>)
                    if (std::string(otherKey) == key) field = value;
            });
        });
    }
};

void printEval(const EvalEvent& e)
{
    writeLine(nlohmann::json{{"type", "eval"}, {"step", e.step}, {"epoch", e.epoch}, {"loss", e.loss},
                             {"perplexity", e.perplexity}}.dump());
    std::fflush(stdout);
}

TrainerCallbacks cliCallbacks(int logEvery)
{
    TrainerCallbacks cb;
    cb.onLog = [](const Message& line) {
        closeProgressLine();
        std::fprintf(stderr, "%s\n", line.text().c_str());
    };
    cb.onEval = printEval;
    cb.onStep = [logEvery](const StepEvent& e) {
        if (!e.lossRead || (logEvery > 0 && e.step % logEvery != 0 && e.step != e.totalSteps)) return;
        writeLine(nlohmann::json{{"type", "step"}, {"step", e.step}, {"epoch", e.epoch}, {"loss", e.loss},
                                 {"learning_rate", e.learningRate}, {"tokens_per_second", e.tokensPerSecond}}.dump());
        std::fflush(stdout);
        std::fprintf(stderr, "\rstep %lld/%lld  epoch %.2f  loss %.4f  %.0f tokens/s  ETA %.0f s   ",
                     static_cast<long long>(e.step), static_cast<long long>(e.totalSteps), e.epoch, e.loss,
                     e.tokensPerSecond, e.etaSeconds);
        openProgressLine();
        if (e.step == e.totalSteps) closeProgressLine();
    };
    return cb;
}

struct TrainCommand {
    std::string configFile;
    std::string resume;
    std::string preset;
    int processes = 1;
    TrainingFlags flags;

    // A resumed run goes on with the settings it was started with (its schedule, batches and
    // masks depend on them), so a setting given beside --resume would be silently ignored:
    // refuse it instead, naming it.
    void refuseSettingsBesideResume() const
    {
        std::vector<std::string> extra = flags.given();
        if (!configFile.empty()) extra.insert(extra.begin(), "--config");
        if (!preset.empty()) extra.insert(extra.begin(), "--preset");
        if (extra.empty()) return;
        std::string names;
        for (const std::string& name : extra) names += (names.empty() ? "" : ", ") + name;
        throw Error("--resume goes on with the settings the run was started with (" +
                    (fs::path(resume) / "training_config.json").string() + "), so " + names +
                    (extra.size() == 1 ? " is" : " are") + " not taken beside it: leave " +
                    (extra.size() == 1 ? "it" : "them") + " out, or start a new run");
    }

    void run()
    {
        // --nproc starts the processes, each of which runs this command again as one rank of
        // the group; under torchrun (WORLD_SIZE set) the process is a rank already.
        const std::optional<ProcessGroupSpec> launched = processGroupFromEnvironment();
        if (processes > 1 && !launched) {
            const int code = launchLocalProcesses(processes, 60);
            std::fflush(stdout);
            std::exit(code);
        }
        const ProcessGroupSpec group = launched.value_or(ProcessGroupSpec{});
        if (!resume.empty()) {
            refuseSettingsBesideResume();
            // The run's own logging interval, as its first leg wrote the metrics.
            const fs::path saved = fs::path(resume) / "training_config.json";
            const int logEvery = fs::exists(saved) ? TrainingConfig::fromFile(saved.string()).logEverySteps : 10;
            const RunResult r = resumeTraining(resume, cliCallbacks(logEvery), group);
            if (group.rank != 0) return;
            closeProgressLine();
            std::fprintf(stderr, "%s after %lld steps; checkpoint %s\n", r.completed ? "finished" : "stopped",
                         static_cast<long long>(r.steps), r.lastCheckpoint.c_str());
            return;
        }
        TrainingConfig config;
        if (preset == "demo") config = TrainingConfig::demoPreset("masklab-demo-run");
        else if (!preset.empty()) throw Error("unknown preset \"" + preset + "\": the one preset is demo");
        if (!configFile.empty()) config = TrainingConfig::fromFile(configFile);
        flags.applyTo(config);
        const RunResult r = train(config, cliCallbacks(config.logEverySteps), group);
        if (group.rank != 0) return;
        closeProgressLine();
        std::fprintf(stderr, "%s after %lld steps, perplexity %.2f; checkpoint %s\n", r.completed ? "finished" : "stopped",
                     static_cast<long long>(r.steps), r.finalPerplexity, r.lastCheckpoint.c_str());
    }
};

struct EvalCommand {
    std::string model;
    InputOptions input;
    TrainingConfig config;

    void run()
    {
        config.model = model;
        config.fromScratch.clear();
        config.corpus = input.path;
        config.split = input.split;
        config.textField = input.field;
        if (config.outputDir.empty()) config.outputDir = ".";
        printEval(evaluateModel(config, cliCallbacks(0)));
    }
};

}  // namespace

void addTrainCommand(CLI::App& app)
{
    auto command = std::make_shared<TrainCommand>();
    CLI::App* sub = app.add_subcommand("train", "Adapt (or build from scratch) a masked language model");
    sub->add_option("--config", command->configFile, "Training settings as JSON (the GUI saves this file)");
    sub->add_option("--resume", command->resume, "Continue the run in this folder from its saved state");
    sub->add_option("--preset", command->preset, "demo: the built-in general-English base model adapted to the built-in reviews");
    sub->add_option("--nproc", command->processes,
                    "Processes of a data-parallel run on this machine (Gloo on the CPU, one GPU each with CUDA); "
                    "batch_size is per process. Under torchrun, leave it out")
        ->check(CLI::Range(1, 1024));
    command->flags.addTo(*sub);
    sub->callback([command] { command->run(); });
}

void addEvalCommand(CLI::App& app)
{
    auto command = std::make_shared<EvalCommand>();
    CLI::App* sub = app.add_subcommand("eval", "Perplexity of a model folder on a corpus, on frozen masks");
    sub->add_option("--model", command->model, "Model folder, or Hugging Face repo id (org/name[@revision])")->required();
    command->input.addTo(*sub, true);
    TrainingConfig& c = command->config;
    c.trainSize = 0.5;  // evaluation uses the test side of the split; the rest is unused
    c.testSize = 1000;
    sub->add_option("--chunk-size", c.chunkSize, "Tokens per chunk")->capture_default_str();
    sub->add_option("--group-size", c.groupSize, "Documents per group_texts batch (0 = all)")->capture_default_str();
    sub->add_option("--test-size", c.testSize, "Chunks evaluated (count, or fraction if < 1)")->capture_default_str();
    sub->add_option("--split-seed", c.splitSeed, "Seed of the train/test split of the chunks")->capture_default_str();
    sub->add_option("--whole-word", c.wholeWord, "Whole-word masks (true/false)")->capture_default_str();
    sub->add_option("--mlm-probability", c.mlmProbability, "Token masking probability")->capture_default_str();
    sub->add_option("--wwm-probability", c.wwmProbability, "Whole-word masking probability")->capture_default_str();
    sub->add_option("--eval-mask-seed", c.evalMaskSeed, "Seed of the frozen masks")->capture_default_str();
    sub->add_option("--eval-batch-size", c.evalBatchSize, "Chunks per batch")->capture_default_str();
    sub->add_option("--device", c.device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    sub->add_option("--threads", c.threads, "CPU threads (0 = every core)");
    sub->callback([command] { command->run(); });
}

}  // namespace masklab::cli
