// Writing tokenizer files in Hugging Face's save_pretrained layout.
#include "masklab/error.h"
#include "masklab/message.h"
#include "masklab/sentencepiece_tokenizer.h"
#include "masklab/wordpiece_tokenizer.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace masklab {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

void writeText(const fs::path& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out || !(out << text) || !out.flush())
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write {1}: check that the folder "
                                                     "is writable and the disk not full"))
                .arg(path.string()));
}

json specialTokensMap(const SpecialTokenIds& ids, const Tokenizer& tokenizer)
{
    json map = json::object();
    const std::pair<const char*, int32_t> entries[] = {
        {"cls_token", ids.cls}, {"mask_token", ids.mask}, {"pad_token", ids.pad}, {"sep_token", ids.sep}, {"unk_token", ids.unk}};
    for (const auto& [key, id] : entries)
        if (id >= 0) map[key] = tokenizer.idToToken(id);
    return map;
}

}  // namespace

void WordPieceTokenizer::saveFiles(const std::string& folderText) const
{
    const fs::path folder(folderText);
    std::error_code ec;
    fs::create_directories(folder, ec);

    std::string vocab;
    for (const std::string& token : m_config.vocabulary) vocab += token + "\n";
    writeText(folder / "vocab.txt", vocab);

    const BertNormalizerOptions& n = m_config.normalizer;
    json tokenizer;
    tokenizer["version"] = "1.0";
    tokenizer["truncation"] = nullptr;
    tokenizer["padding"] = nullptr;
    json added = json::array();
    for (const AddedToken& a : m_added)
        added.push_back({{"id", a.id}, {"content", a.text}, {"single_word", false}, {"lstrip", false},
                         {"rstrip", false}, {"normalized", false}, {"special", true}});
    std::sort(added.begin(), added.end(), [](const json& a, const json& b) { return a["id"] < b["id"]; });
    tokenizer["added_tokens"] = added;
    tokenizer["normalizer"] = {{"type", "BertNormalizer"},
                               {"clean_text", n.cleanText},
                               {"handle_chinese_chars", n.handleChineseChars},
                               {"strip_accents", n.stripAccents ? json(*n.stripAccents) : json(nullptr)},
                               {"lowercase", n.lowercase}};
    tokenizer["pre_tokenizer"] = {{"type", "BertPreTokenizer"}};
    const std::string& cls = m_config.clsToken;
    const std::string& sep = m_config.sepToken;
    auto special = [](const std::string& id, int typeId) { return json{{"SpecialToken", {{"id", id}, {"type_id", typeId}}}}; };
    auto sequence = [](const char* id, int typeId) { return json{{"Sequence", {{"id", id}, {"type_id", typeId}}}}; };
    tokenizer["post_processor"] = {
        {"type", "TemplateProcessing"},
        {"single", {special(cls, 0), sequence("A", 0), special(sep, 0)}},
        {"pair", {special(cls, 0), sequence("A", 0), special(sep, 0), sequence("B", 1), special(sep, 1)}},
        {"special_tokens",
         {{cls, {{"id", cls}, {"ids", {m_special.cls}}, {"tokens", {cls}}}},
          {sep, {{"id", sep}, {"ids", {m_special.sep}}, {"tokens", {sep}}}}}}};
    tokenizer["decoder"] = {{"type", "WordPiece"}, {"prefix", m_config.continuationPrefix}, {"cleanup", m_config.decoderCleanup}};
    json vocabMap = json::object();
    for (std::size_t id = 0; id < m_config.vocabulary.size(); ++id) vocabMap[m_config.vocabulary[id]] = id;
    tokenizer["model"] = {{"type", "WordPiece"},
                          {"unk_token", m_config.unkToken},
                          {"continuing_subword_prefix", m_config.continuationPrefix},
                          {"max_input_chars_per_word", m_config.maxInputCharsPerWord},
                          {"vocab", vocabMap}};
    writeText(folder / "tokenizer.json", tokenizer.dump(2));

    json config = specialTokensMap(m_special, *this);
    config["tokenizer_class"] = "BertTokenizer";  // what transformers writes for BERT and DistilBERT
    config["do_lower_case"] = n.lowercase;
    config["strip_accents"] = n.stripAccents ? json(*n.stripAccents) : json(nullptr);
    config["tokenize_chinese_chars"] = n.handleChineseChars;
    config["clean_up_tokenization_spaces"] = m_config.cleanUpTokenizationSpaces;
    config["model_max_length"] = 512;
    writeText(folder / "tokenizer_config.json", config.dump(2) + "\n");
    writeText(folder / "special_tokens_map.json", specialTokensMap(m_special, *this).dump(2) + "\n");
}

void SentencePieceTokenizer::saveFiles(const std::string& folderText) const
{
    const fs::path folder(folderText);
    std::error_code ec;
    fs::create_directories(folder, ec);
    fs::copy_file(path(), folder / "spiece.model", fs::copy_options::overwrite_existing, ec);
    if (ec)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot copy {1} to {2}: {3}"))
                               .arg(path())
                               .arg((folder / "spiece.model").string())
                               .arg(ec.message()));
    json config = specialTokensMap(specialTokens(), *this);
    config["tokenizer_class"] = "AlbertTokenizer";
    config["do_lower_case"] = false;
    config["keep_accents"] = true;
    config["model_max_length"] = 512;
    writeText(folder / "tokenizer_config.json", config.dump(2) + "\n");
    writeText(folder / "special_tokens_map.json", specialTokensMap(specialTokens(), *this).dump(2) + "\n");
}

}  // namespace masklab
