// loadTokenizer(): reads the tokenizer files Hugging Face writes (tokenizer.json, vocab.txt +
// tokenizer_config.json) or a SentencePiece model, from a file or a model folder.
#include "masklab/message.h"
#include "masklab/error.h"
#include "support/json_reason.h"
#include "support/json_value.h"
#include "support/quote.h"
#include "masklab/sentencepiece_tokenizer.h"
#include "masklab/tokenizer.h"
#include "masklab/wordpiece_tokenizer.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace masklab {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot open {1}: check the path and its permissions")).arg(path.string()));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

json parseJson(const fs::path& path)
{
    try {
        return json::parse(readFile(path));
    } catch (const json::exception& e) {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is not valid JSON ({2}); replace it with the file the model "
                                                          "was saved with"))
                               .arg(path.string())
                               .arg(jsonReason(e)));
    }
}

// tokenizer_config.json names special tokens as strings or as {"content": ...} objects.
std::string tokenName(const json& value, const std::string& fallback)
{
    if (value.is_string()) return value.get<std::string>();
    if (value.is_object() && value.contains("content") && value["content"].is_string())
        return value["content"].get<std::string>();
    return fallback;
}

void applyTokenizerConfig(const json& config, WordPieceConfig& wp)
{
    if (config.contains("do_lower_case") && config["do_lower_case"].is_boolean())
        wp.normalizer.lowercase = config["do_lower_case"].get<bool>();
    if (config.contains("strip_accents") && config["strip_accents"].is_boolean())
        wp.normalizer.stripAccents = config["strip_accents"].get<bool>();
    if (config.contains("tokenize_chinese_chars") && config["tokenize_chinese_chars"].is_boolean())
        wp.normalizer.handleChineseChars = config["tokenize_chinese_chars"].get<bool>();
    if (config.contains("clean_up_tokenization_spaces") &&
        config["clean_up_tokenization_spaces"].is_boolean())
        wp.cleanUpTokenizationSpaces = config["clean_up_tokenization_spaces"].get<bool>();
    if (config.contains("unk_token")) wp.unkToken = tokenName(config["unk_token"], wp.unkToken);
    if (config.contains("pad_token")) wp.padToken = tokenName(config["pad_token"], wp.padToken);
    if (config.contains("cls_token")) wp.clsToken = tokenName(config["cls_token"], wp.clsToken);
    if (config.contains("sep_token")) wp.sepToken = tokenName(config["sep_token"], wp.sepToken);
    if (config.contains("mask_token")) wp.maskToken = tokenName(config["mask_token"], wp.maskToken);
}

std::unique_ptr<Tokenizer> fromVocabTxt(const fs::path& vocabPath)
{
    WordPieceConfig wp;
    std::istringstream lines(readFile(vocabPath));
    std::string line;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        wp.vocabulary.push_back(line);
    }
    if (wp.vocabulary.empty())
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is empty: a vocab.txt lists one token per line")).arg(vocabPath.string()));
    const fs::path config = vocabPath.parent_path() / "tokenizer_config.json";
    if (fs::exists(config)) applyTokenizerConfig(parseJson(config), wp);
    try {
        return std::make_unique<WordPieceTokenizer>(std::move(wp));
    } catch (const Error& e) {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: {2}"))
                               .arg(vocabPath.string())
                               .inner(messageOf(e)));
    }
}

std::unique_ptr<Tokenizer> readTokenizerJson(const fs::path& path);

// A wrong type anywhere in the file (a number where a name belongs) is one line naming the
// file, not nlohmann's "[json.exception.type_error.302]".
std::unique_ptr<Tokenizer> fromTokenizerJson(const fs::path& path)
{
    try {
        return readTokenizerJson(path);
    } catch (const json::exception& e) {
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: a field has the wrong type ({2}); replace it "
                                                     "with the tokenizer.json the model was saved with"))
                .arg(path.string())
                .arg(jsonReason(e)));
    }
}

std::unique_ptr<Tokenizer> readTokenizerJson(const fs::path& path)
{
    const json doc = parseJson(path);
    const std::string where = path.string();
    if (!doc.is_object() || !doc.contains("model") || !doc["model"].is_object())
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} has no \"model\" section: it is not a Hugging Face tokenizer.json"))
                               .arg(where));
    const json& model = doc["model"];
    // Compact files (as the Hub serves bert-base-uncased) leave out the type; Hugging Face
    // then tells the model by its fields, and so do we.
    std::string type = model.value("type", std::string());
    if (type.empty())
        type = model.contains("merges") ? "BPE"
             : model.contains("max_input_chars_per_word") || model.contains("continuing_subword_prefix") ? "WordPiece"
                                                                                                        : "";
    if (type != "WordPiece")
        throw MessageError((type.empty() ? Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} holds an untyped model; MaskLab reads "
                                                                          "WordPiece tokenizer.json files and SentencePiece "
                                                                          ".model files"))
                                         : Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} holds a {2} model; MaskLab reads WordPiece "
                                                                          "tokenizer.json files and SentencePiece .model "
                                                                          "files")))
                               .arg(where)
                               .arg(excerpt(type, 24)));

    WordPieceConfig wp;
    wp.unkToken = model.value("unk_token", wp.unkToken);
    wp.continuationPrefix = model.value("continuing_subword_prefix", wp.continuationPrefix);
    if (model.contains("max_input_chars_per_word") &&
        (!readJsonValue(model["max_input_chars_per_word"], wp.maxInputCharsPerWord) || wp.maxInputCharsPerWord < 1))
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: model.max_input_chars_per_word must "
                                                     "be a positive whole number, not {2}"))
                .arg(where)
                .arg(asWritten(model["max_input_chars_per_word"])));
    if (!model.contains("vocab") || !model["vocab"].is_object() || model["vocab"].empty())
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: model.vocab is missing or empty; a WordPiece "
                                                     "tokenizer.json maps each token to its id"))
                .arg(where));
    const json& vocab = model["vocab"];
    wp.vocabulary.assign(vocab.size(), std::string());
    std::vector<bool> seen(vocab.size(), false);
    for (const auto& [token, idValue] : vocab.items()) {
        if (!idValue.is_number_integer())
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: model.vocab[{2}] is not an integer id"))
                                   .arg(where)
                                   .arg(inQuotes(token)));
        const auto id = idValue.get<int64_t>();
        if (id < 0 || static_cast<std::size_t>(id) >= vocab.size() || seen[static_cast<std::size_t>(id)])
            throw MessageError(
                Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: token {2} has id {3}, but "
                                                         "ids must be 0..{4} without gaps"))
                    .arg(where)
                    .arg(inQuotes(token))
                    .count(id)
                    .count(static_cast<int64_t>(vocab.size() - 1)));
        wp.vocabulary[static_cast<std::size_t>(id)] = token;
        seen[static_cast<std::size_t>(id)] = true;
    }

    const json& normalizer = doc.contains("normalizer") ? doc["normalizer"] : json();
    if (normalizer.is_null()) {
        wp.normalizer = BertNormalizerOptions{false, false, false, false};
    } else if (normalizer.value("type", std::string()) == "BertNormalizer") {
        wp.normalizer.cleanText = normalizer.value("clean_text", true);
        wp.normalizer.handleChineseChars = normalizer.value("handle_chinese_chars", true);
        wp.normalizer.lowercase = normalizer.value("lowercase", true);
        if (normalizer.contains("strip_accents") && normalizer["strip_accents"].is_boolean())
            wp.normalizer.stripAccents = normalizer["strip_accents"].get<bool>();
    } else {
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: normalizer {2} is not supported; "
                                                     "MaskLab implements BertNormalizer"))
                .arg(where)
                .arg(excerpt(normalizer.value("type", std::string("?")), 32)));
    }
    if (doc.contains("pre_tokenizer") && !doc["pre_tokenizer"].is_null() &&
        doc["pre_tokenizer"].value("type", std::string()) != "BertPreTokenizer")
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: pre_tokenizer {2} is not supported; "
                                                     "MaskLab implements BertPreTokenizer"))
                .arg(where)
                .arg(excerpt(doc["pre_tokenizer"].value("type", std::string("?")), 32)));

    // The template `[CLS] $A [SEP]` names the tokens put around a sequence.
    const json& post = doc.contains("post_processor") ? doc["post_processor"] : json();
    if (post.is_object()) {
        const std::string postType = post.value("type", std::string());
        if (postType == "TemplateProcessing" && post.contains("single") && post["single"].is_array()) {
            const json& single = post["single"];
            for (std::size_t i = 0; i < single.size(); ++i) {
                if (!single[i].contains("SpecialToken")) continue;
                const std::string id = single[i]["SpecialToken"].value("id", std::string());
                (i == 0 ? wp.clsToken : wp.sepToken) = id;
            }
        } else if (postType == "BertProcessing") {
            // "cls": ["[CLS]", 101]; an empty or odd pair keeps the default name.
            const auto pairName = [&](const char* key, std::string& name) {
                if (post.contains(key) && post[key].is_array() && !post[key].empty() && post[key][0].is_string())
                    name = post[key][0].get<std::string>();
                else if (post.contains(key))
                    throw MessageError(
                        Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: post_processor.{2} must "
                                                                 "be [token, id], not {3}"))
                            .arg(where)
                            .arg(key)
                            .arg(asWritten(post[key])));
            };
            pairName("cls", wp.clsToken);
            pairName("sep", wp.sepToken);
        }
    }
    // The decoder block: WordPiece's per-token cleanup ("cleanup", true when absent).
    const json& decoder = doc.contains("decoder") ? doc["decoder"] : json();
    if (decoder.is_object() && decoder.value("type", std::string()) == "WordPiece" && decoder.contains("cleanup") &&
        decoder["cleanup"].is_boolean())
        wp.decoderCleanup = decoder["cleanup"].get<bool>();
    if (doc.contains("added_tokens") && doc["added_tokens"].is_array())
        for (const json& added : doc["added_tokens"])
            if (added.contains("content")) wp.addedTokens.push_back(added["content"].get<std::string>());

    const fs::path config = path.parent_path() / "tokenizer_config.json";
    if (fs::exists(config)) {
        // Only what tokenizer.json does not already say: special token names and decoding.
        const json cfg = parseJson(config);
        if (cfg.contains("mask_token")) wp.maskToken = tokenName(cfg["mask_token"], wp.maskToken);
        if (cfg.contains("pad_token")) wp.padToken = tokenName(cfg["pad_token"], wp.padToken);
        if (cfg.contains("clean_up_tokenization_spaces") && cfg["clean_up_tokenization_spaces"].is_boolean())
            wp.cleanUpTokenizationSpaces = cfg["clean_up_tokenization_spaces"].get<bool>();
    }
    try {
        return std::make_unique<WordPieceTokenizer>(std::move(wp));
    } catch (const Error& e) {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: {2}")).arg(where).inner(messageOf(e)));
    }
}

}  // namespace

std::unique_ptr<Tokenizer> loadTokenizer(const std::string& pathText)
{
    const fs::path path(pathText);
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "tokenizer not found: {1} does not exist; give a tokenizer.json, a "
                                                          "vocab.txt, a .model or a model folder"))
                               .arg(pathText));
    if (fs::is_directory(path)) {
        for (const char* name : {"tokenizer.json", "vocab.txt", "spiece.model", "sentencepiece.bpe.model",
                                 "tokenizer.model"}) {
            if (fs::exists(path / name)) return loadTokenizer((path / name).string());
        }
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "no tokenizer in folder {1}: expected tokenizer.json, vocab.txt or "
                                                          "a SentencePiece .model"))
                               .arg(pathText));
    }
    const std::string ext = path.extension().string();
    if (ext == ".json") return fromTokenizerJson(path);
    if (ext == ".model") return SentencePieceTokenizer::load(pathText);
    if (ext == ".txt") return fromVocabTxt(path);
    throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "unknown tokenizer file {1}: expected tokenizer.json, vocab.txt or a "
                                                  "SentencePiece .model"))
                           .arg(pathText));
}

}  // namespace masklab
