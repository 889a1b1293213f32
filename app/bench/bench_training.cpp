// masklab-bench-training: speed of one training step (forward, backward, AdamW) of our
// DistilBertForMaskedLM beside the Hugging Face Trainer (tests/peer/trainer_bench.py: transformers
// on the same PyTorch, DataCollatorForLanguageModeling) on the same shapes, threads and optimizer
// settings; and the latency of fill-mask on one sentence.
// Each measurement runs in its own child process, so each peak RSS is that run's alone.
//
//   masklab-bench-training [--threads N] [--steps S] [--batch B] [--config tiny|distilbert|all] [--no-peer]
#include "bench_support.h"
#include "engine/fused_adamw.h"
#include "masklab/checkpoint.h"
#include "masklab/fill_mask.h"
#include "masklab/masked_lm.h"
#include "masklab/parallel.h"
#include "masklab/tokenizer.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ATen/autocast_mode.h>
#include <torch/torch.h>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using namespace masklab;
using masklab::bench::Clock;
using masklab::bench::peakRssMiB;
using masklab::bench::secondsSince;
using nlohmann::json;

namespace {

constexpr int kSeq = 128;
constexpr double kLearningRate = 2e-5;
constexpr double kWeightDecay = 0.01;
constexpr double kMlmProbability = 0.15;

struct BenchConfig {
    std::string name;  // a ModelConfig preset, also the peer's --config
    int vocab;
    int batch;
};

struct Args {
    int threads = 0;    // 0 = every core
    int steps = 10;     // timed steps after one warmup step
    int batch = 0;      // 0 = each config's own (tiny 32, distilbert 8)
    std::string only;   // "tiny" or "distilbert"; empty = both
    bool peer = true;
    std::string precision = "fp32";  // or bf16: autocast on the CPU (the Trainer's bf16=True)
    // Child mode: one timed run of ours, printed as one JSON line.
    std::string childConfig;
    bool childFullHead = false;
};

Args parse(int argc, char** argv)
{
    Args a;
    CLI::App app{"Training-step throughput of MaskLab beside the Hugging Face Trainer", "masklab-bench-training"};
    app.add_option("--threads", a.threads, "Threads (0 = every core)")->check(CLI::NonNegativeNumber);
    app.add_option("--steps", a.steps, "Timed steps after one warmup step")->check(CLI::PositiveNumber);
    app.add_option("--batch", a.batch, "Batch size for every config (default: tiny 32, distilbert 8)")
        ->check(CLI::PositiveNumber);
    std::string config = "all";
    app.add_option("--config", config, "tiny, distilbert or all")->check(CLI::IsMember({"tiny", "distilbert", "all"}));
    bool noPeer = false;
    app.add_flag("--no-peer", noPeer, "Leave out the Trainer");
    app.add_option("--precision", a.precision, "fp32, or bf16 (autocast on the CPU; the Trainer's bf16=True)")
        ->check(CLI::IsMember({"fp32", "bf16"}));
    app.add_option("--child", a.childConfig, "internal: one timed run of ours")->group("");
    app.add_flag("--full-head", a.childFullHead, "internal: head on every position")->group("");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        std::exit(app.exit(e));
    }
    a.peer = !noPeer;
    a.only = config == "all" ? std::string() : config;
    return a;
}

std::vector<BenchConfig> configs(const Args& a)
{
    std::vector<BenchConfig> all{{"tiny", 4000, 32}, {"distilbert", 30522, 8}};
    std::vector<BenchConfig> chosen;
    for (BenchConfig c : all) {
        if (!a.only.empty() && c.name != a.only) continue;
        if (a.batch > 0) c.batch = a.batch;
        chosen.push_back(c);
    }
    return chosen;
}

// --- child: time our training step --------------------------------------------------------------

int runChild(const Args& a)
{
    BenchConfig config{a.childConfig, a.childConfig == "tiny" ? 4000 : 30522, a.batch};
    torch::set_num_threads(a.threads);
    torch::manual_seed(0);
    MaskedLanguageModel model(ModelConfig::preset(config.name, config.vocab));
    model->train();
    if (a.precision == "bf16") {  // as the trainer's AutocastGuard does on the CPU
        at::autocast::set_autocast_enabled(at::kCPU, true);
        at::autocast::set_autocast_dtype(at::kCPU, at::kBFloat16);
    }
    FusedAdamW optimizer(model->parameters(), torch::optim::AdamWOptions(kLearningRate).weight_decay(kWeightDecay));
    auto step = [&] {
        // Random tokens; 15% of positions labelled, the rest -100; full chunks (mask of ones).
        const torch::Tensor ids = torch::randint(0, config.vocab, {config.batch, kSeq}, torch::kLong);
        const torch::Tensor chosen = torch::rand({config.batch, kSeq}) < kMlmProbability;
        const torch::Tensor labels = torch::where(chosen, ids, torch::full_like(ids, -100));
        const torch::Tensor mask = torch::ones_like(ids);
        optimizer.zero_grad();
        const MaskedLmOutput out =
            a.childFullHead ? model->forwardFullHead(ids, mask, labels) : model->forward(ids, mask, labels);
        out.loss.backward();
        optimizer.step();
        return out.loss.item<double>();
    };
    step();  // warmup: allocator, kernels, optimizer state
    const auto start = Clock::now();
    for (int s = 0; s < a.steps; ++s) step();
    const double perStep = secondsSince(start) / a.steps;
    std::printf("%s\n", json{{"tokens_per_second", config.batch * kSeq / perStep},
                             {"seconds_per_step", perStep},
                             {"peak_rss_mib", peakRssMiB()},
                             {"parameters", model->numParameters()},
                             {"threads", torch::get_num_threads()}}
                            .dump()
                            .c_str());
    return 0;
}

// --- parent: run the children and the peer ------------------------------------------------------

struct Run {
    bool ok = false;
    double tokensPerSecond = 0, secondsPerStep = 0, peakRssMiB = 0;
    int64_t parameters = 0;
    std::string error;
};

// Runs a command and reads its last stdout line as JSON.
Run runJsonCommand(const std::string& command)
{
    Run run;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        run.error = "cannot run " + command;
        return run;
    }
    std::string line, last;
    char buffer[4096];
    while (std::fgets(buffer, sizeof(buffer), pipe)) {
        line += buffer;
        if (!line.empty() && line.back() == '\n') {
            if (line.size() > 1) last = line;
            line.clear();
        }
    }
    if (!line.empty()) last = line;
    const int status = pclose(pipe);
    if (status != 0 || last.empty()) {
        run.error = "exit status " + std::to_string(status) + " from: " + command;
        return run;
    }
    try {
        const json j = json::parse(last);
        run.tokensPerSecond = j.at("tokens_per_second").get<double>();
        run.secondsPerStep = j.at("seconds_per_step").get<double>();
        run.peakRssMiB = j.at("peak_rss_mib").get<double>();
        run.parameters = j.at("parameters").get<int64_t>();
        run.ok = true;
    } catch (const json::exception& e) {
        run.error = std::string("unreadable output (") + e.what() + "): " + last;
    }
    return run;
}

std::string self()
{
    std::error_code ec;
    const auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string("masklab-bench-training") : path.string();
}

Run timeOurs(const BenchConfig& c, int threads, int steps, const std::string& precision, bool fullHead)
{
    const std::string command = "'" + self() + "' --child " + c.name + " --batch " + std::to_string(c.batch) +
                                " --steps " + std::to_string(steps) + " --threads " + std::to_string(threads) +
                                " --precision " + precision + (fullHead ? " --full-head" : "");
    return runJsonCommand(command);
}

Run timePeer(const BenchConfig& c, int threads, int steps, const std::string& precision)
{
    const char* python = std::getenv("MASKLAB_PYTHON");
    const std::string command = std::string("'") + (python ? python : MASKLAB_PYTHON_DEFAULT) +
                                "' '" MASKLAB_SOURCE_DIR "/tests/peer/trainer_bench.py'"
                                " --config " + c.name + " --batch " + std::to_string(c.batch) +
                                " --seq " + std::to_string(kSeq) + " --steps " + std::to_string(steps) +
                                " --threads " + std::to_string(threads) + (precision == "bf16" ? " --bf16" : "");
    return runJsonCommand(command);
}

void printRow(const BenchConfig& c, const char* what, const Run& run, const Run& peer)
{
    if (!run.ok) {
        std::printf("| %-10s | %2d x %d | %-40s | failed: %s |\n", c.name.c_str(), c.batch, kSeq, what, run.error.c_str());
        return;
    }
    char ratio[32] = "";
    if (peer.ok) std::snprintf(ratio, sizeof(ratio), "%.2fx", run.tokensPerSecond / peer.tokensPerSecond);
    std::printf("| %-10s | %2d x %d | %-40s | %9.0f | %8.3f | %8.0f | %-8s |\n", c.name.c_str(), c.batch, kSeq, what,
                run.tokensPerSecond, run.secondsPerStep, run.peakRssMiB, ratio);
}

// The shared fixtures (the real bert-base-uncased tokenizer), as the tests find them.
std::string fixturesDir()
{
    const char* env = std::getenv("MASKLAB_FIXTURES");
    return env && *env ? env : std::string(MASKLAB_SOURCE_DIR) + "/../shared/fixtures";
}

// Fill-mask latency of one sentence at the DistilBERT shape with the real BERT tokenizer
// (random weights, saved once): median of 20 runs after a warm-up, beside pipeline("fill-mask")
// on the same folder.
void fillMaskLatency(int threads, bool peer)
{
    torch::set_num_threads(threads);
    torch::manual_seed(0);
    const auto tokenizer = loadTokenizer(fixturesDir() + "/bert_uncased_tokenizer/tokenizer.json");
    MaskedLanguageModel model(ModelConfig::preset("distilbert", tokenizer->vocabSize()));
    const std::string folder = (std::filesystem::temp_directory_path() / "masklab-bench-fill-mask").string();
    savePretrained(folder, *model, *tokenizer);
    const std::string text = "This is a great [MASK].";
    fillMask(*model, *tokenizer, text, 5);  // warmup
    std::vector<double> ms;
    for (int r = 0; r < 20; ++r) {
        const auto start = Clock::now();
        const FillMaskResult result = fillMask(*model, *tokenizer, text, 5);
        ms.push_back(secondsSince(start) * 1e3);
        if (result.empty() || result[0].empty()) std::fprintf(stderr, "fill-mask returned nothing\n");
    }
    std::sort(ms.begin(), ms.end());
    std::printf("\nfill-mask \"%s\" at the DistilBERT shape (%lld parameters, BERT tokenizer, top 5, %zu tokens, "
                "%d threads), 20 runs after a warm-up:\n",
                text.c_str(), static_cast<long long>(model->numParameters()), tokenizer->encode(text).ids.size(),
                threads);
    std::printf("  MaskLab fillMask:            median %6.2f ms, min %6.2f, max %6.2f\n", (ms[9] + ms[10]) / 2,
                ms.front(), ms.back());
    if (!peer) return;
    const char* python = std::getenv("MASKLAB_PYTHON");
    const std::string command = std::string("'") + (python ? python : MASKLAB_PYTHON_DEFAULT) +
                                "' '" MASKLAB_SOURCE_DIR "/tests/peer/fill_mask_bench.py' '" + folder + "' '" + text +
                                "' --threads " + std::to_string(threads);
    FILE* pipe = popen(command.c_str(), "r");
    std::string output;
    char buffer[4096];
    while (pipe && std::fgets(buffer, sizeof(buffer), pipe)) output = buffer;
    if (!pipe || pclose(pipe) != 0 || output.empty()) {
        std::fprintf(stderr, "pipeline(\"fill-mask\") peer failed: %s\n", command.c_str());
        return;
    }
    const json j = json::parse(output);
    std::printf("  pipeline(\"fill-mask\"):     median %6.2f ms, min %6.2f, max %6.2f (transformers %s)\n",
                j.at("median_ms").get<double>(), j.at("min_ms").get<double>(), j.at("max_ms").get<double>(),
                j.at("transformers").get<std::string>().c_str());
}

}  // namespace

int main(int argc, char** argv)
{
    const Args args = parse(argc, argv);
    const int threads = args.threads > 0 ? args.threads : defaultThreadCount();
    if (!args.childConfig.empty()) {
        Args child = args;
        child.threads = threads;
        if (child.batch < 1) {
            std::fprintf(stderr, "masklab-bench-training: --child needs --batch\n");
            return 2;
        }
        try {
            return runChild(child);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "masklab-bench-training: %s\n", e.what());
            return 1;
        }
    }

    std::printf("MaskLab training-step benchmark: %s on the CPU, %d thread%s, sequence %d, AdamW (lr %g, weight "
                "decay %g), random tokens with %.0f%% labelled, %d timed step%s after 1 warmup step\n",
                args.precision.c_str(), threads, threads == 1 ? "" : "s", kSeq, kLearningRate, kWeightDecay, kMlmProbability * 100, args.steps,
                args.steps == 1 ? "" : "s");
    std::printf("MaskLab: LibTorch %s. Peer: tests/peer/trainer_bench.py, the Hugging Face Trainer "
                "(DistilBertForMaskedLM, head on every position). Each run is its own process.\n\n",
                TORCH_VERSION);
    std::printf("| %-10s | %-8s | %-40s | %9s | %8s | %8s | %-8s |\n", "config", "batch", "implementation",
                "tokens/s", "s/step", "peak RSS", "vs Trainer");
    std::printf("|------------|----------|------------------------------------------|-----------|----------|----------|----------|\n");
    std::fflush(stdout);
    std::string notes;
    for (const BenchConfig& c : configs(args)) {
        const Run peer = args.peer ? timePeer(c, threads, args.steps, args.precision) : Run{};
        const Run ours = timeOurs(c, threads, args.steps, args.precision, false);
        const Run full = timeOurs(c, threads, args.steps, args.precision, true);
        printRow(c, "MaskLab (head on masked positions)", ours, peer);
        printRow(c, "MaskLab (head on every position)", full, peer);
        if (args.peer) printRow(c, "HF Trainer (transformers)", peer, peer);
        if (ours.ok)
            notes += c.name + ": " + std::to_string(ours.parameters) + " parameters in MaskLab, " +
                     (peer.ok ? std::to_string(peer.parameters) : std::string("?")) + " in transformers\n";
        if (!peer.ok && args.peer) notes += c.name + ": Trainer peer failed: " + peer.error + "\n";
        std::fflush(stdout);
    }
    std::printf("\npeak RSS in MiB, of each run's own process\n%s", notes.c_str());
    try {
        fillMaskLatency(threads, args.peer);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fill-mask failed: %s\n", e.what());
        return 1;
    }
    return 0;
}
