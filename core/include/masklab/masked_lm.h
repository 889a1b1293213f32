#pragma once
// DistilBertForMaskedLM and BertForMaskedLM in LibTorch, with Hugging Face's module structure:
// named_parameters() gives exactly the tensor names of their checkpoints, and the output
// projector is tied to the word embeddings (the tied matrix is counted and stored once).
#include "masklab/model_config.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

#include <optional>
#include <string>
#include <vector>

namespace masklab {

// One encoder layer: self-attention and feed-forward, each followed by a residual and a
// LayerNorm (post-LN, as BERT and DistilBERT).
struct EncoderLayerWeights {
    torch::nn::Linear query{nullptr}, key{nullptr}, value{nullptr}, output{nullptr};
    torch::nn::LayerNorm attentionNorm{nullptr};
    torch::nn::Linear ffnIn{nullptr}, ffnOut{nullptr};
    torch::nn::LayerNorm ffnNorm{nullptr};
};

struct MaskedLmOutput {
    torch::Tensor loss;       // mean cross entropy over positions whose label is not -100
    torch::Tensor logits;     // [positions, vocab]: only the scored positions (see forward)
    torch::Tensor positions;  // flat indices (batch * seq) of the rows of logits
    int64_t scoredTokens = 0; // how many labels entered the loss
};

// Rows of a Keras-like summary: one per block of the model.
struct LayerSummaryRow {
    std::string name;         // e.g. "distilbert.transformer.layer.0"
    std::string kind;         // e.g. "TransformerBlock"
    std::string outputShape;  // e.g. "(batch, seq, 768)"
    int64_t parameters = 0;
};

class MaskedLanguageModelImpl : public torch::nn::Module {
public:
    explicit MaskedLanguageModelImpl(const ModelConfig& config);

    const ModelConfig& config() const { return m_config; }
    // Dropout for a run (the trainer's dropout and attention_dropout settings); saved
    // checkpoints then carry it in config.json, as from_pretrained(..., dropout=...) does.
    void setDropout(double hidden, double attention)
    {
        m_config.dropout = hidden;
        m_config.attentionDropout = attention;
    }

    // Hidden states [batch, seq, hidden] of the encoder. attentionMask (1 = real token) may be
    // undefined when every position is real.
    torch::Tensor encode(const torch::Tensor& inputIds, const torch::Tensor& attentionMask = {});
    // encode() with the padding mask decided: `keep` (true = attend) or none for no padding.
    torch::Tensor encodeKeeping(const torch::Tensor& inputIds, const std::optional<torch::Tensor>& keep);

    // The MLM head on hidden states [..., hidden] -> logits [..., vocab].
    torch::Tensor head(const torch::Tensor& hidden);

    // Loss on labels [batch, seq] (-100 = ignored). The head runs only on labelled positions
    // (about 15% of tokens), which gives the same loss and gradients as running it everywhere.
    MaskedLmOutput forward(const torch::Tensor& inputIds, const torch::Tensor& attentionMask,
                           const torch::Tensor& labels);

    // forward() for a caller that knows, on the host, where the masked positions are (flat
    // indices into batch x seq, ascending, with their labels) and passes an undefined
    // attentionMask when nothing is padding: the same loss, with no wait for the device (the
    // training step's forward on a GPU).
    MaskedLmOutput forwardAt(const torch::Tensor& inputIds, const torch::Tensor& attentionMask,
                             const torch::Tensor& positions, const torch::Tensor& targets);

    // The same loss with the head on every position, as Hugging Face computes it (for checks
    // and the benchmark's like-for-like comparison).
    MaskedLmOutput forwardFullHead(const torch::Tensor& inputIds, const torch::Tensor& attentionMask,
                                   const torch::Tensor& labels);

    // Parameters counted once each (66,985,530 for distilbert-base-uncased).
    int64_t numParameters() const;
    std::vector<LayerSummaryRow> summary() const;
    // Tensor names a checkpoint may hold besides named_parameters(), each with the parameter
    // it is tied to: the projector weight (and BERT's decoder bias).
    std::vector<std::pair<std::string, std::string>> tiedAliases() const;
    // Where the word embeddings are (for tying checks and vocabulary fit).
    const torch::Tensor& wordEmbeddings() const { return m_wordEmbeddings->weight; }

    // Hugging Face's _init_weights: normal(0, initializer_range) for Linear and Embedding,
    // zero biases and padding row, LayerNorm to (1, 0).
    void initializeWeights();

private:
    torch::nn::Module& container(const std::string& dottedPath);
    template <typename M>
    M place(const std::string& dottedName, M module);

    ModelConfig m_config;
    std::vector<std::pair<std::string, std::shared_ptr<torch::nn::Module>>> m_containers;
    torch::nn::Embedding m_wordEmbeddings{nullptr}, m_positionEmbeddings{nullptr}, m_tokenTypeEmbeddings{nullptr};
    torch::nn::LayerNorm m_embeddingNorm{nullptr};
    std::vector<EncoderLayerWeights> m_layers;
    torch::nn::Linear m_headDense{nullptr};
    torch::nn::LayerNorm m_headNorm{nullptr};
    torch::Tensor m_headBias;
    std::vector<std::pair<std::string, std::string>> m_summaryBlocks;  // name, kind
};
TORCH_MODULE(MaskedLanguageModel);

}  // namespace masklab
