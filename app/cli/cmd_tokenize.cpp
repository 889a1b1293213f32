// masklab-cli tokenize: one JSON line per document with input_ids and word_ids.
#include "cli_common.h"

#include "masklab/error.h"

namespace masklab::cli {
namespace {

struct TokenizeCommand {
    std::string tokenizer;
    std::string text;
    CLI::Option* textOption = nullptr;
    InputOptions input;
    int threads = 0;
    bool noSpecialTokens = false;

    void run() const
    {
        const bool haveText = textOption->count() > 0;
        if (haveText == !input.path.empty())
            throw Error("give either --text or --input (one of them)");
        const auto tok = loadTokenizer(hub::locateModel(tokenizer, stderrProgress()));
        std::vector<std::string> texts;
        if (!haveText) {
            Corpus corpus = input.read();
            for (Document& d : corpus.documents) texts.push_back(std::move(d.text));
        } else {
            texts.push_back(text);
        }
        // Encode and print in blocks so output starts early and memory stays flat.
        const std::size_t block = 4096;
        std::string line;
        for (std::size_t start = 0; start < texts.size(); start += block) {
            const std::size_t end = std::min(texts.size(), start + block);
            const std::vector<std::string_view> views(texts.begin() + static_cast<std::ptrdiff_t>(start),
                                                      texts.begin() + static_cast<std::ptrdiff_t>(end));
            const auto encodings = tok->encodeBatch(views, !noSpecialTokens, threads);
            for (const Encoding& e : encodings) {
                line.assign("{\"input_ids\":");
                appendIntArray(line, e.ids.data(), e.ids.size(), false);
                line.append(",\"word_ids\":");
                appendIntArray(line, e.wordIds.data(), e.wordIds.size(), true);
                line.push_back('}');
                writeLine(line);
            }
        }
    }
};

}  // namespace

void addTokenizeCommand(CLI::App& app)
{
    auto command = std::make_shared<TokenizeCommand>();
    CLI::App* sub = app.add_subcommand("tokenize", "Tokenize text: one JSON line per document");
    sub->add_option("--tokenizer", command->tokenizer, "tokenizer.json, vocab.txt, .model or a model folder")->required();
    command->textOption = sub->add_option("--text", command->text, "A text to tokenize");
    command->input.addTo(*sub, false);
    sub->add_option("--threads", command->threads, "Worker threads (0 = every core)");
    sub->add_flag("--no-special-tokens", command->noSpecialTokens, "Leave out [CLS] and [SEP]");
    sub->callback([command] { command->run(); });
}

}  // namespace masklab::cli
