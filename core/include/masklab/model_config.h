#pragma once
// The configuration of a masked language model, as Hugging Face's config.json holds it for
// DistilBertForMaskedLM and BertForMaskedLM. Plain data: no LibTorch here, so the GUI can show
// and edit it without loading a model.
#include <string>

namespace masklab {

enum class Architecture {
    DistilBert,  // DistilBertForMaskedLM (model_type "distilbert")
    Bert,        // BertForMaskedLM (model_type "bert"): token types, dropout after attention
};

struct ModelConfig {
    Architecture architecture = Architecture::DistilBert;
    int vocabSize = 30522;            // rows of the word embeddings (and of the tied projector)
    int hidden = 768;                 // DistilBERT `dim`, BERT `hidden_size`
    int layers = 6;                   // DistilBERT `n_layers`, BERT `num_hidden_layers`
    int heads = 12;                   // attention heads; hidden must be a multiple
    int intermediate = 3072;          // feed-forward width: `hidden_dim` / `intermediate_size`
    int maxPositions = 512;           // learned position embeddings
    int typeVocabSize = 2;            // BERT token types (unused by DistilBERT)
    double dropout = 0.1;             // hidden dropout
    double attentionDropout = 0.1;    // dropout on attention probabilities
    double layerNormEps = 1e-12;      // LayerNorm epsilon
    std::string activation = "gelu";  // "gelu" (exact, erf) or "relu"
    int padTokenId = 0;               // its word embedding row starts at zero
    bool tieWordEmbeddings = true;    // the output projector shares the word embeddings
    double initializerRange = 0.02;   // std of the normal init for a model from scratch

    std::string modelType() const { return architecture == Architecture::Bert ? "bert" : "distilbert"; }
    std::string className() const
    {
        return architecture == Architecture::Bert ? "BertForMaskedLM" : "DistilBertForMaskedLM";
    }

    // Throws masklab::Error naming the field when the numbers cannot make a model.
    void validate() const;

    // Hugging Face's config.json text for this model (keys as transformers writes them).
    std::string toJson() const;
    // Reads config.json text; `where` names the file in errors.
    static ModelConfig fromJson(const std::string& text, const std::string& where);
    static ModelConfig fromFile(const std::string& path);

    // Sizes for models built from scratch: "tiny" (demo: 2 layers of 128), "mini" (4 x 256),
    // "small" (4 x 512), "distilbert" (the distilbert-base-uncased shapes), "bert-base".
    static ModelConfig preset(const std::string& name, int vocabSize);
};

}  // namespace masklab
