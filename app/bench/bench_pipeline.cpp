// masklab-bench-pipeline: throughput of the data pipeline on a real corpus, beside Hugging
// Face's tokenizers (its Rust code, run from Node) on the same text and cores. Prints figures;
// asserts nothing except that both tokenizers produced the same ids.
//
//   masklab-bench-pipeline [--corpus PATH] [--tokenizer PATH] [--threads N] [--repeat R] [--no-peer]
#include "bench_support.h"
#include "masklab/chunking.h"
#include "masklab/corpus.h"
#include "masklab/masking.h"
#include "masklab/parallel.h"
#include "masklab/token_store.h"
#include "masklab/tokenizer.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace masklab;
using masklab::bench::Clock;
using masklab::bench::peakRssMiB;
using masklab::bench::secondsSince;

namespace {

struct Args {
    std::string corpus = MASKLAB_SOURCE_DIR "/../shared/fixtures/imdb/aclImdb_v1_text_only.tar.xz";
    std::string tokenizer = MASKLAB_SOURCE_DIR "/../shared/fixtures/bert_uncased_tokenizer/tokenizer.json";
    std::string vocab = MASKLAB_SOURCE_DIR "/../shared/fixtures/bert_uncased_tokenizer/vocab.txt";
    int threads = 0;
    int repeat = 3;
    bool peer = true;
};

Args parse(int argc, char** argv)
{
    Args a;
    CLI::App app{"Throughput of MaskLab's data pipeline beside Hugging Face's tokenizers", "masklab-bench-pipeline"};
    app.add_option("--corpus", a.corpus, "aclImdb folder or tarball, JSONL, CSV or text")->capture_default_str();
    app.add_option("--tokenizer", a.tokenizer, "tokenizer.json")->capture_default_str();
    app.add_option("--vocab", a.vocab, "the same vocabulary as vocab.txt, for flash-tokenizer")->capture_default_str();
    app.add_option("--threads", a.threads, "Threads (0 = every core)")->check(CLI::NonNegativeNumber);
    app.add_option("--repeat", a.repeat, "Runs per measurement (the best is kept)")->check(CLI::PositiveNumber);
    bool noPeer = false;
    app.add_flag("--no-peer", noPeer, "Leave out Hugging Face's tokenizers");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        std::exit(app.exit(e));
    }
    a.peer = !noPeer;
    return a;
}

// Our tokenizer: best of `repeat` runs of encodeBatch over every document.
double timeOurs(const Tokenizer& tokenizer, const std::vector<std::string_view>& texts, int threads, int repeat,
                std::vector<Encoding>& encodings)
{
    double best = 1e30;
    for (int r = 0; r < repeat; ++r) {
        encodings.clear();
        encodings.shrink_to_fit();
        const auto start = Clock::now();
        encodings = tokenizer.encodeBatch(texts, true, threads);
        best = std::min(best, secondsSince(start));
    }
    return best;
}

// A peer tokenizer's best time and its ids (and word ids, -1 when it has none) per document.
struct PeerRun {
    bool ran = false;
    double seconds = 0;
    double maxRssMiB = 0;
    std::string label;
    std::vector<std::vector<int32_t>> ids, wordIds;
};

std::string peerPython()
{
    const char* python = std::getenv("MASKLAB_PYTHON");
    return python ? python : MASKLAB_PYTHON_DEFAULT;
}

// Runs `command` (a tests/peer script with --bench writing outBin) `repeat` times.
PeerRun runPeer(const std::string& command, const std::string& outBin, int repeat, const std::string& name)
{
    PeerRun result;
    double best = 1e30;
    for (int r = 0; r < repeat; ++r) {
        FILE* pipe = popen(command.c_str(), "r");
        if (!pipe) return result;
        std::string output;
        char buffer[4096];
        while (std::fgets(buffer, sizeof(buffer), pipe)) output += buffer;
        if (pclose(pipe) != 0 || output.empty()) {
            std::fprintf(stderr, "%s failed: %s (bash .ci/setup-debian sets up the venv)\n", name.c_str(),
                         command.c_str());
            return result;
        }
        const auto j = nlohmann::json::parse(output);
        best = std::min(best, j["seconds"].get<double>());
        result.maxRssMiB = std::max(result.maxRssMiB, j["maxRssBytes"].get<double>() / (1024.0 * 1024.0));
        result.label = name + " " + j.value("version", std::string("?"));
    }
    result.ran = true;
    result.seconds = best;
    std::ifstream in(outBin, std::ios::binary);
    uint32_t n = 0;
    while (in.read(reinterpret_cast<char*>(&n), 4)) {
        result.ids.emplace_back(n);
        result.wordIds.emplace_back(n);
        in.read(reinterpret_cast<char*>(result.ids.back().data()), 4 * static_cast<std::streamsize>(n));
        in.read(reinterpret_cast<char*>(result.wordIds.back().data()), 4 * static_cast<std::streamsize>(n));
    }
    std::filesystem::remove(outBin);
    return result;
}

// Hugging Face's tokenizers (encode_batch on RAYON_NUM_THREADS threads).
PeerRun timeHuggingFace(const Args& args, const std::string& jsonl, int threads)
{
    const std::string out = jsonl + ".hf.bin";
    return runPeer("RAYON_NUM_THREADS=" + std::to_string(threads) + " '" + peerPython() +
                       "' '" MASKLAB_SOURCE_DIR "/tests/peer/hf_tokenize.py' '" + args.tokenizer + "' '" + jsonl +
                       "' '" + out + "' --bench",
                   out, args.repeat, "HF tokenizers");
}

// flash-tokenizer (batch_encode on OMP_NUM_THREADS threads), from the vocab.txt.
PeerRun timeFlash(const Args& args, const std::string& jsonl, int threads)
{
    const std::string out = jsonl + ".flash.bin";
    return runPeer("OMP_NUM_THREADS=" + std::to_string(threads) + " '" + peerPython() +
                       "' '" MASKLAB_SOURCE_DIR "/tests/peer/flash_tokenize.py' '" + args.vocab + "' '" + jsonl +
                       "' '" + out + "' --bench",
                   out, args.repeat, "flash-tokenizer");
}

}  // namespace

int main(int argc, char** argv)
{
    const Args args = parse(argc, argv);
    const int threads = args.threads > 0 ? args.threads : defaultThreadCount();
    std::printf("MaskLab data pipeline benchmark\ncorpus    %s\ntokenizer %s\nthreads   %d\n\n", args.corpus.c_str(),
                args.tokenizer.c_str(), threads);

    auto start = Clock::now();
    std::vector<Document> documents;
    const bool isArchiveOrImdb = args.corpus.find(".tar") != std::string::npos ||
                                 std::filesystem::is_directory(args.corpus);
    for (const char* split : {"train", "test", "unsup"}) {
        CorpusOptions options;
        options.split = split;
        Corpus corpus = readCorpus(args.corpus, options);
        documents.insert(documents.end(), std::make_move_iterator(corpus.documents.begin()),
                         std::make_move_iterator(corpus.documents.end()));
        if (!isArchiveOrImdb) break;
    }
    std::size_t bytes = 0;
    std::vector<std::string_view> texts;
    for (const Document& d : documents) {
        bytes += d.text.size();
        texts.push_back(d.text);
    }
    const double readSeconds = secondsSince(start);
    std::printf("read      %zu documents, %.1f MB in %.2f s\n\n", documents.size(), bytes / 1e6, readSeconds);

    const auto tokenizer = loadTokenizer(args.tokenizer);
    std::string jsonl;
    if (args.peer) {
        jsonl = (std::filesystem::temp_directory_path() / "masklab-bench-corpus.jsonl").string();
        std::ofstream out(jsonl, std::ios::binary);
        for (const Document& d : documents) out << nlohmann::json{{"text", d.text}}.dump() << '\n';
    }

    std::printf("%-34s %10s %10s %12s %10s\n", "tokenization (best of runs)", "threads", "seconds", "tokens/s", "MB/s");
    for (int t : {1, threads}) {
        std::vector<Encoding> encodings;
        const double ours = timeOurs(*tokenizer, texts, t, args.repeat, encodings);
        std::size_t tokens = 0;
        for (const Encoding& e : encodings) tokens += e.ids.size();
        std::printf("%-34s %10d %10.2f %12.0f %10.1f\n", "MaskLab WordPiece", t, ours, tokens / ours, bytes / 1e6 / ours);
        if (args.peer) {
            const PeerRun hf = timeHuggingFace(args, jsonl, t);
            const PeerRun flash = timeFlash(args, jsonl, t);
            std::size_t oursDiffer = 0, flashDiffers = 0, flashAloneDiffers = 0;
            for (std::size_t d = 0; hf.ran && d < encodings.size(); ++d) {
                const bool oursSame = d < hf.ids.size() && encodings[d].ids == hf.ids[d] && encodings[d].wordIds == hf.wordIds[d];
                const bool flashSame = flash.ran && d < flash.ids.size() && d < hf.ids.size() && flash.ids[d] == hf.ids[d];
                oursDiffer += !oursSame;
                flashDiffers += !flashSame;
                flashAloneDiffers += !flashSame && oursSame;
            }
            for (const PeerRun* peer : {&hf, &flash}) {
                if (!peer->ran) continue;
                std::printf("%-34s %10d %10.2f %12.0f %10.1f   MaskLab %.2fx faster, peer peak RSS %.0f MiB\n",
                            peer->label.c_str(), t, peer->seconds, tokens / peer->seconds, bytes / 1e6 / peer->seconds,
                            peer->seconds / ours, peer->maxRssMiB);
            }
            if (hf.ran)
                std::printf("  documents whose ids or word ids differ from HF's: MaskLab %zu of %zu\n", oursDiffer,
                            encodings.size());
            if (hf.ran && flash.ran)
                std::printf("  documents whose ids differ from HF's: flash-tokenizer %zu (%zu where MaskLab's equal "
                            "HF's)\n",
                            flashDiffers, flashAloneDiffers);
        }
        if (t == threads) break;
    }
    if (args.peer) std::filesystem::remove(jsonl);

    start = Clock::now();
    const TokenStore store = TokenStore::build(*tokenizer, documents, threads);
    const double storeSeconds = secondsSince(start);
    std::printf("\n%-34s %10.2f s  (%zu tokens)\n", "token store build", storeSeconds, store.tokenCount());

    start = Clock::now();
    const ChunkSet chunks = groupTexts(store, ChunkOptions{}, tokenizer->specialTokens().pad);
    const double chunkSeconds = secondsSince(start);
    std::printf("%-34s %10.3f s  %12.0f tokens/s  (%zu chunks)\n", "group_texts (128, groups of 1000)", chunkSeconds,
                chunks.tokens / chunkSeconds, chunks.size());

    const MaskingVocabulary vocabulary = maskingVocabularyFor(*tokenizer);
    for (bool wholeWord : {false, true}) {
        MaskingOptions options;
        options.wholeWord = wholeWord;
        start = Clock::now();
        const auto masked = maskAll(chunks, options, vocabulary, threads);
        const double maskSeconds = secondsSince(start);
        MaskingStats stats;
        for (std::size_t c = 0; c < masked.size(); ++c) stats.add(masked[c], chunks.chunkIds(c), vocabulary);
        std::printf("%-34s %10.3f s  %12.0f tokens/s  (chosen %.4f, [MASK] %.4f, random %.4f, kept %.4f)\n",
                    wholeWord ? "whole-word masking (0.2)" : "token masking (0.15, 80/10/10)", maskSeconds,
                    chunks.ids.size() / maskSeconds, stats.chosenShare(), stats.maskedShare(), stats.randomShare(),
                    stats.keptShare());
    }
    std::printf("\npeak memory (this process) %.0f MiB\n", peakRssMiB());
    return 0;
}
