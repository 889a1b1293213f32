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

struct PeerResult {
    bool ran = false;
    double seconds = 0;
    double maxRssMiB = 0;
    bool identical = false;
    std::string label;
};

PeerResult timePeer(const Args& args, const std::string& jsonl, const std::vector<Encoding>& ours, int threads,
                    int repeat)
{
    PeerResult result;
    const std::string out = jsonl + ".peer.bin";
    const char* python = std::getenv("MASKLAB_PYTHON");
    const std::string command = "RAYON_NUM_THREADS=" + std::to_string(threads) + " '" +
                                (python ? python : MASKLAB_PYTHON_DEFAULT) +
                                "' '" MASKLAB_SOURCE_DIR "/tests/peer/hf_tokenize.py' '" + args.tokenizer + "' '" +
                                jsonl + "' '" + out + "' --bench";
    double best = 1e30;
    for (int r = 0; r < repeat; ++r) {
        FILE* pipe = popen(command.c_str(), "r");
        if (!pipe) return result;
        std::string output;
        char buffer[4096];
        while (std::fgets(buffer, sizeof(buffer), pipe)) output += buffer;
        if (pclose(pipe) != 0 || output.empty()) {
            std::fprintf(stderr, "peer failed: %s needs the Python package tokenizers (bash .ci/setup-debian "
                                 "sets up that venv)\n", python ? python : MASKLAB_PYTHON_DEFAULT);
            return result;
        }
        const auto j = nlohmann::json::parse(output);
        best = std::min(best, j["seconds"].get<double>());
        result.maxRssMiB = std::max(result.maxRssMiB, j["maxRssBytes"].get<double>() / (1024.0 * 1024.0));
        result.label = "HF tokenizers " + j.value("version", std::string("?")) + " encode_batch";
    }
    result.ran = true;
    result.seconds = best;
    // Same ids and word ids for every document?
    std::ifstream in(out, std::ios::binary);
    result.identical = true;
    for (const Encoding& e : ours) {
        uint32_t n = 0;
        if (!in.read(reinterpret_cast<char*>(&n), 4) || n != e.ids.size()) {
            result.identical = false;
            break;
        }
        std::vector<int32_t> ids(n), words(n);
        in.read(reinterpret_cast<char*>(ids.data()), 4 * static_cast<std::streamsize>(n));
        in.read(reinterpret_cast<char*>(words.data()), 4 * static_cast<std::streamsize>(n));
        if (ids != e.ids || words != e.wordIds) {
            result.identical = false;
            break;
        }
    }
    std::filesystem::remove(out);
    return result;
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
            const PeerResult peer = timePeer(args, jsonl, encodings, t, args.repeat);
            if (peer.ran) {
                std::printf("%-34s %10d %10.2f %12.0f %10.1f\n", peer.label.c_str(), t, peer.seconds,
                            tokens / peer.seconds, bytes / 1e6 / peer.seconds);
                std::printf("%-34s %10s %10.2fx   identical ids and word ids: %s   peer peak RSS %.0f MiB\n",
                            "  speed-up", "", peer.seconds / ours, peer.identical ? "yes" : "NO", peer.maxRssMiB);
            }
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
