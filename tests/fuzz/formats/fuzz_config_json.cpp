// config.json of a model folder: typed JSON mutations of real configs (DistilBERT, BERT).
// A config that loads must survive a round trip through toJson.
#include "fuzz_support.h"
#include "json_mutator.h"
#include "masklab/model_config.h"

namespace {
const std::vector<std::string> kWords = {
    "model_type", "distilbert", "bert", "architectures", "DistilBertForMaskedLM", "BertForMaskedLM", "vocab_size",
    "dim", "hidden_size", "n_layers", "num_hidden_layers", "n_heads", "num_attention_heads", "hidden_dim",
    "intermediate_size", "max_position_embeddings", "type_vocab_size", "activation", "hidden_act", "gelu", "relu",
    "pad_token_id", "layer_norm_eps", "initializer_range", "dropout", "attention_dropout", "torch_dtype", "dtype",
    "float16", "bfloat16", "sinusoidal_pos_embds", "tie_word_embeddings", "position_embedding_type", "absolute"};
}

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t maxSize, unsigned seed)
{
    return masklab::fuzz::mutateJson(data, size, maxSize, seed, kWords);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string path = masklab::fuzz::writeFile("config.json", {reinterpret_cast<const char*>(data), size});
    masklab::fuzz::expectCleanOutcome(std::string_view(reinterpret_cast<const char*>(data), size), [&] {
        const masklab::ModelConfig config = masklab::ModelConfig::fromFile(path);
        const masklab::ModelConfig again = masklab::ModelConfig::fromJson(config.toJson(), "its own toJson");
        if (again.toJson() != config.toJson()) masklab::fuzz::finding("config.json does not survive toJson", config.toJson());
    });
    return 0;
}
