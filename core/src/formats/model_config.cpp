#include "masklab/model_config.h"
#include "support/json_reason.h"

#include "masklab/error.h"
#include "masklab/message.h"
#include "support/quote.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include <unistd.h>

namespace masklab {
using nlohmann::json;

namespace {

template <typename T>
void readField(const json& j, const char* key, T& field, const std::string& where)
{
    if (!j.contains(key) || j[key].is_null()) return;
    try {
        field = j[key].get<T>();
    } catch (const json::exception&) {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: field {2} has the wrong type ({3})"))
                               .arg(where)
                               .arg(inQuotes(key))
                               .arg(asWritten(j[key])));
    }
}

// Integers are read whole and range-checked before they narrow to int: 4294967424 must not
// load as 128, nor 1e12 as -2147483648.
void readField(const json& j, const char* key, int& field, const std::string& where)
{
    if (!j.contains(key) || j[key].is_null()) return;
    const json& v = j[key];
    const bool integral = v.is_number_integer() || (v.is_number_float() && std::isfinite(v.get<double>()) &&
                                                    std::floor(v.get<double>()) == v.get<double>());
    if (!integral)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: field {2} must be a whole number, not {3}"))
                               .arg(where)
                               .arg(inQuotes(key))
                               .arg(asWritten(v)));
    const double value = v.is_number_unsigned() ? static_cast<double>(v.get<uint64_t>()) : v.get<double>();
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: field {2} is {3}, far outside what a model "
                                                          "can have"))
                               .arg(where)
                               .arg(inQuotes(key))
                               .arg(asWritten(v)));
    field = static_cast<int>(value);  // exact: doubles hold every int
}

}  // namespace

void ModelConfig::validate() const
{
    // Each check has its whole sentence ({1} the value, {2} the limit), so that a translation
    // can put the setting's name where its language wants it.
    auto positive = [](int v, const char* format) {
        if (v <= 0) throw MessageError(Message(format).count(v));
    };
    positive(vocabSize, MASKLAB_TRANSLATE_NOOP("Engine", "model config: vocab_size must be positive, not {1}"));
    positive(hidden, MASKLAB_TRANSLATE_NOOP("Engine", "model config: the hidden size (dim / hidden_size) must be "
                                            "positive, not {1}"));
    positive(layers, MASKLAB_TRANSLATE_NOOP("Engine", "model config: the number of layers (n_layers / "
                                            "num_hidden_layers) must be positive, not {1}"));
    positive(heads, MASKLAB_TRANSLATE_NOOP("Engine", "model config: the number of attention heads (n_heads / "
                                           "num_attention_heads) must be positive, not {1}"));
    positive(intermediate, MASKLAB_TRANSLATE_NOOP("Engine", "model config: the feed-forward size (hidden_dim / "
                                                  "intermediate_size) must be positive, not {1}"));
    positive(maxPositions, MASKLAB_TRANSLATE_NOOP("Engine", "model config: max_position_embeddings must be positive, "
                                                  "not {1}"));
    // Sane ranges, named with the value as written: far larger than any BERT, small enough that
    // the sizes below cannot overflow.
    auto atMost = [](int v, int limit, const char* format) {
        if (v > limit) throw MessageError(Message(format).count(v).count(limit));
    };
    atMost(vocabSize, 4000000, MASKLAB_TRANSLATE_NOOP("Engine", "model config: vocab_size is {1}; MaskLab accepts at "
                                                      "most {2}"));
    atMost(hidden, 65536, MASKLAB_TRANSLATE_NOOP("Engine", "model config: the hidden size (dim / hidden_size) is {1}; "
                                                 "MaskLab accepts at most {2}"));
    atMost(layers, 1024, MASKLAB_TRANSLATE_NOOP("Engine", "model config: the number of layers (n_layers / "
                                                "num_hidden_layers) is {1}; MaskLab accepts at most {2}"));
    atMost(heads, 4096, MASKLAB_TRANSLATE_NOOP("Engine", "model config: the number of attention heads (n_heads / "
                                               "num_attention_heads) is {1}; MaskLab accepts at most {2}"));
    atMost(intermediate, 262144, MASKLAB_TRANSLATE_NOOP("Engine", "model config: the feed-forward size (hidden_dim / "
                                                        "intermediate_size) is {1}; MaskLab accepts at most {2}"));
    atMost(maxPositions, 1048576, MASKLAB_TRANSLATE_NOOP("Engine", "model config: max_position_embeddings is {1}; "
                                                         "MaskLab accepts at most {2}"));
    atMost(typeVocabSize, 1024, MASKLAB_TRANSLATE_NOOP("Engine", "model config: type_vocab_size is {1}; MaskLab "
                                                       "accepts at most {2}"));
    // The weights alone must fit this machine's memory (training needs about four times this).
    const double parameters = static_cast<double>(vocabSize + maxPositions + typeVocabSize) * hidden +
                              static_cast<double>(layers) * (4.0 * hidden * hidden + 2.0 * hidden * intermediate);
    const double bytes = parameters * 4;
    const long pages = ::sysconf(_SC_PHYS_PAGES), pageSize = ::sysconf(_SC_PAGE_SIZE);
    if (pages > 0 && pageSize > 0 && bytes > static_cast<double>(pages) * static_cast<double>(pageSize))
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "model config: these sizes make about {1} million "
                                                          "parameters ({2} GB of float32), more than this machine's "
                                                          "{3} GB of memory; check vocab_size, the hidden and "
                                                          "feed-forward sizes, layers and max_position_embeddings"))
                               .count(static_cast<int64_t>(parameters / 1e6))
                               .count(static_cast<int64_t>(bytes / 1e9))
                               .count(static_cast<int64_t>(static_cast<double>(pages) * pageSize / 1e9)));
    if (hidden % heads != 0)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "model config: the hidden size (dim / hidden_size) "
                                                          "{1} is not a multiple of the {2} attention heads (n_heads / "
                                                          "num_attention_heads)"))
                               .count(hidden)
                               .count(heads));
    if (architecture == Architecture::DistilBert && layerNormEps != 1e-12)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "model config: DistilBERT's LayerNorm epsilon is "
                                                          "fixed at 1e-12 (config.json cannot say otherwise)")));
    if (activation != "gelu" && activation != "relu")
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "model config: activation {1} is not supported "
                                                          "(gelu or relu)"))
                               .arg(inQuotes(activation)));
    if (dropout < 0 || dropout >= 1 || attentionDropout < 0 || attentionDropout >= 1)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "model config: dropout must be in [0, 1)")));
    if (padTokenId < 0 || padTokenId >= vocabSize)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "model config: pad_token_id {1} is outside the "
                                                          "vocabulary"))
                               .count(padTokenId));
}

std::string ModelConfig::toJson() const
{
    json j;
    j["architectures"] = {className()};
    j["model_type"] = modelType();
    j["vocab_size"] = vocabSize;
    j["max_position_embeddings"] = maxPositions;
    j["pad_token_id"] = padTokenId;
    j["initializer_range"] = initializerRange;
    j["tie_word_embeddings"] = tieWordEmbeddings;
    if (architecture == Architecture::DistilBert) {
        j["dim"] = hidden;
        j["n_layers"] = layers;
        j["n_heads"] = heads;
        j["hidden_dim"] = intermediate;
        j["dropout"] = dropout;
        j["attention_dropout"] = attentionDropout;
        j["activation"] = activation;
        j["sinusoidal_pos_embds"] = false;
        j["tie_weights_"] = tieWordEmbeddings;
        j["qa_dropout"] = 0.1;
        j["seq_classif_dropout"] = 0.2;
    } else {
        j["hidden_size"] = hidden;
        j["num_hidden_layers"] = layers;
        j["num_attention_heads"] = heads;
        j["intermediate_size"] = intermediate;
        j["hidden_dropout_prob"] = dropout;
        j["attention_probs_dropout_prob"] = attentionDropout;
        j["hidden_act"] = activation;
        j["type_vocab_size"] = typeVocabSize;
        j["layer_norm_eps"] = layerNormEps;
        j["position_embedding_type"] = "absolute";
    }
    // As transformers 5 writes it (dtype was torch_dtype before 4.56).
    j["dtype"] = "float32";
    j["transformers_version"] = "5.24.0";
    return j.dump(2) + "\n";
}

ModelConfig ModelConfig::fromJson(const std::string& text, const std::string& where)
{
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& e) {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is not valid JSON ({2}); replace it with the "
                                                          "config.json the model was saved with"))
                               .arg(where)
                               .arg(jsonReason(e)));
    }
    if (!j.is_object())
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is not a JSON object: expected a Hugging Face "
                                                          "config.json"))
                               .arg(where));
    ModelConfig c;
    std::string modelType = j.contains("model_type") && j["model_type"].is_string() ? j["model_type"].get<std::string>() : "";
    if (modelType.empty() && j.contains("architectures") && j["architectures"].is_array() && !j["architectures"].empty() &&
        j["architectures"][0].is_string()) {
        const std::string arch = j["architectures"][0].get<std::string>();
        modelType = arch.rfind("DistilBert", 0) == 0 ? "distilbert" : arch.rfind("Bert", 0) == 0 ? "bert" : "";
    }
    if (modelType == "distilbert") {
        c.architecture = Architecture::DistilBert;
        readField(j, "dim", c.hidden, where);
        readField(j, "n_layers", c.layers, where);
        readField(j, "n_heads", c.heads, where);
        readField(j, "hidden_dim", c.intermediate, where);
        readField(j, "dropout", c.dropout, where);
        readField(j, "attention_dropout", c.attentionDropout, where);
        readField(j, "activation", c.activation, where);
        bool sinusoidal = false;
        readField(j, "sinusoidal_pos_embds", sinusoidal, where);
        if (sinusoidal)
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: sinusoidal_pos_embds is true; MaskLab "
                                                              "supports learned position embeddings only"))
                                   .arg(where));
        readField(j, "tie_weights_", c.tieWordEmbeddings, where);
    } else if (modelType == "bert") {
        c.architecture = Architecture::Bert;
        readField(j, "hidden_size", c.hidden, where);
        readField(j, "num_hidden_layers", c.layers, where);
        readField(j, "num_attention_heads", c.heads, where);
        readField(j, "intermediate_size", c.intermediate, where);
        readField(j, "hidden_dropout_prob", c.dropout, where);
        readField(j, "attention_probs_dropout_prob", c.attentionDropout, where);
        readField(j, "hidden_act", c.activation, where);
        readField(j, "type_vocab_size", c.typeVocabSize, where);
        readField(j, "layer_norm_eps", c.layerNormEps, where);
        std::string position = "absolute";
        readField(j, "position_embedding_type", position, where);
        if (position != "absolute")
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: position_embedding_type {2} is not "
                                                              "supported (absolute only)"))
                                   .arg(where)
                                   .arg(inQuotes(position)));
    } else {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: model_type {2} is not supported; MaskLab "
                                                          "runs DistilBertForMaskedLM and BertForMaskedLM"))
                               .arg(where)
                               .arg(inQuotes(modelType, 32)));
    }
    readField(j, "vocab_size", c.vocabSize, where);
    readField(j, "max_position_embeddings", c.maxPositions, where);
    readField(j, "pad_token_id", c.padTokenId, where);
    readField(j, "initializer_range", c.initializerRange, where);
    if (j.contains("tie_word_embeddings") && j["tie_word_embeddings"].is_boolean())
        c.tieWordEmbeddings = j["tie_word_embeddings"].get<bool>();
    if (!c.tieWordEmbeddings)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: untied output embeddings are not supported; "
                                                          "MaskLab ties the projector to the word embeddings"))
                               .arg(where));
    try {
        c.validate();
    } catch (const Error& e) {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: {2}")).arg(where).inner(messageOf(e)));
    }
    return c;
}

ModelConfig ModelConfig::fromFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot open model config {1}: a model folder "
                                                          "needs its config.json"))
                               .arg(path));
    std::ostringstream text;
    text << in.rdbuf();
    return fromJson(text.str(), path);
}

ModelConfig ModelConfig::preset(const std::string& name, int vocabSize)
{
    // A config.json of one's own (any size, dropout included) instead of a named size; the
    // vocabulary size is the tokenizer's, whatever the file says.
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) {
        ModelConfig own = fromFile(name);
        own.vocabSize = vocabSize;
        own.validate();
        return own;
    }
    ModelConfig c;
    c.vocabSize = vocabSize;
    if (name == "tiny") {
        c.hidden = 128, c.layers = 2, c.heads = 2, c.intermediate = 512, c.maxPositions = 256;
    } else if (name == "mini") {
        c.hidden = 256, c.layers = 4, c.heads = 4, c.intermediate = 1024, c.maxPositions = 512;
    } else if (name == "small") {
        c.hidden = 512, c.layers = 4, c.heads = 8, c.intermediate = 2048, c.maxPositions = 512;
    } else if (name == "distilbert") {
        // the defaults: distilbert-base-uncased
    } else if (name == "bert-base") {
        c.architecture = Architecture::Bert;
        c.layers = 12;
    } else {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "unknown model size {1}: choose tiny, mini, small, "
                                                          "distilbert, bert-base or a config.json"))
                               .arg(inQuotes(name)));
    }
    c.validate();
    return c;
}

}  // namespace masklab
