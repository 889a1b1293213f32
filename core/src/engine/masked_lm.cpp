#include "masklab/masked_lm.h"

#include "masklab/error.h"
#include "masklab/message.h"

#include <torch/torch.h>

#include <cmath>
#include <optional>

namespace masklab {
namespace F = torch::nn::functional;

namespace {

// Hugging Face's tensor names for each architecture.
struct Names {
    std::string embeddings, word, position, tokenType, embeddingNorm;
    std::string layer;  // prefix of layer N: layer + std::to_string(N)
    std::string query, key, value, output, attentionNorm, ffnIn, ffnOut, ffnNorm;
    std::string headDense, headNorm, biasOwner;  // biasOwner holds the parameter "bias"
    std::string decoderWeight, decoderBias;      // tied aliases found in checkpoints
    std::string layerKind;
};

Names namesFor(Architecture a)
{
    if (a == Architecture::Bert) {
        return {"bert.embeddings", "word_embeddings", "position_embeddings", "token_type_embeddings", "LayerNorm",
                "bert.encoder.layer.", "attention.self.query", "attention.self.key", "attention.self.value",
                "attention.output.dense", "attention.output.LayerNorm", "intermediate.dense", "output.dense",
                "output.LayerNorm", "cls.predictions.transform.dense", "cls.predictions.transform.LayerNorm",
                "cls.predictions", "cls.predictions.decoder.weight", "cls.predictions.decoder.bias", "BertLayer"};
    }
    return {"distilbert.embeddings", "word_embeddings", "position_embeddings", "", "LayerNorm",
            "distilbert.transformer.layer.", "attention.q_lin", "attention.k_lin", "attention.v_lin",
            "attention.out_lin", "sa_layer_norm", "ffn.lin1", "ffn.lin2", "output_layer_norm",
            "vocab_transform", "vocab_layer_norm", "vocab_projector", "vocab_projector.weight", "",
            "TransformerBlock"};
}

std::string shape(std::initializer_list<std::string> dims)
{
    std::string s = "(";
    for (const std::string& d : dims) s += (s.size() > 1 ? ", " : "") + d;
    return s + ")";
}

}  // namespace

MaskedLanguageModelImpl::MaskedLanguageModelImpl(const ModelConfig& config) : m_config(config)
{
    m_config.validate();
    const Names n = namesFor(m_config.architecture);
    const int64_t h = m_config.hidden;
    const auto eps = m_config.layerNormEps;
    auto layerNorm = [&] { return torch::nn::LayerNorm(torch::nn::LayerNormOptions({h}).eps(eps)); };

    m_wordEmbeddings = place(n.embeddings + "." + n.word, torch::nn::Embedding(
        torch::nn::EmbeddingOptions(m_config.vocabSize, h).padding_idx(m_config.padTokenId)));
    m_positionEmbeddings = place(n.embeddings + "." + n.position, torch::nn::Embedding(m_config.maxPositions, h));
    if (!n.tokenType.empty())
        m_tokenTypeEmbeddings = place(n.embeddings + "." + n.tokenType, torch::nn::Embedding(m_config.typeVocabSize, h));
    m_embeddingNorm = place(n.embeddings + "." + n.embeddingNorm, layerNorm());
    m_summaryBlocks.emplace_back(n.embeddings, "Embeddings");

    for (int i = 0; i < m_config.layers; ++i) {
        const std::string p = n.layer + std::to_string(i) + ".";
        EncoderLayerWeights w;
        w.query = place(p + n.query, torch::nn::Linear(h, h));
        w.key = place(p + n.key, torch::nn::Linear(h, h));
        w.value = place(p + n.value, torch::nn::Linear(h, h));
        w.output = place(p + n.output, torch::nn::Linear(h, h));
        w.attentionNorm = place(p + n.attentionNorm, layerNorm());
        w.ffnIn = place(p + n.ffnIn, torch::nn::Linear(h, m_config.intermediate));
        w.ffnOut = place(p + n.ffnOut, torch::nn::Linear(m_config.intermediate, h));
        w.ffnNorm = place(p + n.ffnNorm, layerNorm());
        m_layers.push_back(w);
        m_summaryBlocks.emplace_back(n.layer + std::to_string(i), n.layerKind);
    }
    m_headDense = place(n.headDense, torch::nn::Linear(h, h));
    m_headNorm = place(n.headNorm, layerNorm());
    m_headBias = container(n.biasOwner).register_parameter("bias", torch::zeros({m_config.vocabSize}));
    m_summaryBlocks.emplace_back(n.headDense, "Linear");
    m_summaryBlocks.emplace_back(n.headNorm, "LayerNorm");
    m_summaryBlocks.emplace_back(n.biasOwner, "Linear (tied to word embeddings)");
    initializeWeights();
}

torch::nn::Module& MaskedLanguageModelImpl::container(const std::string& dottedPath)
{
    // Plain modules make the dotted prefixes, so named_parameters() spells Hugging Face's names.
    torch::nn::Module* parent = this;
    std::string path;
    std::size_t start = 0;
    while (start <= dottedPath.size()) {
        const std::size_t dot = dottedPath.find('.', start);
        const std::string part = dottedPath.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        path += (path.empty() ? "" : ".") + part;
        std::shared_ptr<torch::nn::Module> child;
        for (auto& [name, module] : m_containers)
            if (name == path) child = module;
        if (!child) {
            child = std::make_shared<torch::nn::Module>();
            parent->register_module(part, child);
            m_containers.emplace_back(path, child);
        }
        parent = child.get();
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return *parent;
}

template <typename M>
M MaskedLanguageModelImpl::place(const std::string& dottedName, M module)
{
    const std::size_t dot = dottedName.rfind('.');
    if (dot == std::string::npos) return register_module(dottedName, module);
    return container(dottedName.substr(0, dot)).register_module(dottedName.substr(dot + 1), module);
}

void MaskedLanguageModelImpl::initializeWeights()
{
    torch::NoGradGuard noGrad;
    const double std = m_config.initializerRange;
    for (auto& module : modules(/*include_self=*/false)) {
        if (auto* linear = module->as<torch::nn::Linear>()) {
            linear->weight.normal_(0.0, std);
            if (linear->bias.defined()) linear->bias.zero_();
        } else if (auto* embedding = module->as<torch::nn::Embedding>()) {
            embedding->weight.normal_(0.0, std);
        } else if (auto* norm = module->as<torch::nn::LayerNorm>()) {
            norm->weight.fill_(1.0);
            norm->bias.zero_();
        }
    }
    m_wordEmbeddings->weight[m_config.padTokenId].zero_();
    m_headBias.zero_();
}

torch::Tensor MaskedLanguageModelImpl::encode(const torch::Tensor& inputIds, const torch::Tensor& attentionMask)
{
    // A mask of all ones (full chunks) is left out, which lets the fastest kernels run.
    std::optional<torch::Tensor> keep;
    if (attentionMask.defined() && !attentionMask.all().item<bool>())
        keep = attentionMask.view({inputIds.size(0), 1, 1, inputIds.size(1)}).to(torch::kBool);
    return encodeKeeping(inputIds, keep);
}

torch::Tensor MaskedLanguageModelImpl::encodeKeeping(const torch::Tensor& inputIds, const std::optional<torch::Tensor>& keep)
{
    const int64_t batch = inputIds.size(0), seq = inputIds.size(1);
    if (seq > m_config.maxPositions)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "sequence of {1} tokens is longer than the model's "
                                                          "{2} positions; use a smaller chunk size"))
                               .count(seq)
                               .count(m_config.maxPositions));
    const auto positions = torch::arange(seq, inputIds.options().dtype(torch::kLong));
    torch::Tensor x = m_wordEmbeddings(inputIds) + m_positionEmbeddings(positions).unsqueeze(0);
    if (m_tokenTypeEmbeddings) x = x + m_tokenTypeEmbeddings->weight[0];
    x = F::dropout(m_embeddingNorm(x), F::DropoutFuncOptions().p(m_config.dropout).training(is_training()));

    const int64_t heads = m_config.heads, dimPerHead = m_config.hidden / m_config.heads;
    // Attention through scaled_dot_product_attention: fused kernels on the CPU, flash or
    // memory-efficient ones on CUDA, the numbers of transformers' eager path within fp32
    // rounding. Padding is a boolean mask (true = attend).
    const double attentionDropout = is_training() ? m_config.attentionDropout : 0.0;
    const bool bertDropout = m_config.architecture == Architecture::Bert;
    const bool relu = m_config.activation == "relu";
    for (EncoderLayerWeights& w : m_layers) {
        auto split = [&](const torch::Tensor& t) { return t.view({batch, seq, heads, dimPerHead}).transpose(1, 2); };
        const torch::Tensor context =
            at::scaled_dot_product_attention(split(w.query(x)), split(w.key(x)), split(w.value(x)), keep,
                                             attentionDropout)
                .transpose(1, 2)
                .reshape({batch, seq, m_config.hidden});
        torch::Tensor attended = w.output(context);
        if (bertDropout)  // BertSelfOutput drops out here; DistilBERT does not
            attended = F::dropout(attended, F::DropoutFuncOptions().p(m_config.dropout).training(is_training()));
        x = w.attentionNorm(attended + x);
        torch::Tensor ffn = w.ffnIn(x);
        ffn = relu ? torch::relu(ffn) : torch::gelu(ffn);
        ffn = F::dropout(w.ffnOut(ffn), F::DropoutFuncOptions().p(m_config.dropout).training(is_training()));
        x = w.ffnNorm(ffn + x);
    }
    return x;
}

torch::Tensor MaskedLanguageModelImpl::head(const torch::Tensor& hidden)
{
    torch::Tensor t = m_headDense(hidden);
    t = m_config.activation == "relu" ? torch::relu(t) : torch::gelu(t);
    t = m_headNorm(t);
    return F::linear(t, m_wordEmbeddings->weight, m_headBias);
}

MaskedLmOutput MaskedLanguageModelImpl::forward(const torch::Tensor& inputIds, const torch::Tensor& attentionMask,
                                                const torch::Tensor& labels)
{
    const torch::Tensor hidden = encode(inputIds, attentionMask);
    MaskedLmOutput out;
    const torch::Tensor flatLabels = labels.reshape({-1});
    out.positions = (flatLabels != -100).nonzero().squeeze(1);
    out.scoredTokens = out.positions.size(0);
    const torch::Tensor selected = hidden.reshape({-1, m_config.hidden}).index_select(0, out.positions);
    out.logits = head(selected);
    out.loss = F::cross_entropy(out.logits, flatLabels.index_select(0, out.positions));
    return out;
}

MaskedLmOutput MaskedLanguageModelImpl::forwardAt(const torch::Tensor& inputIds, const torch::Tensor& attentionMask,
                                                  const torch::Tensor& positions, const torch::Tensor& targets)
{
    std::optional<torch::Tensor> keep;
    if (attentionMask.defined())
        keep = attentionMask.view({inputIds.size(0), 1, 1, inputIds.size(1)}).to(torch::kBool);
    const torch::Tensor hidden = encodeKeeping(inputIds, keep);
    MaskedLmOutput out;
    out.positions = positions;
    out.scoredTokens = positions.size(0);
    out.logits = head(hidden.reshape({-1, m_config.hidden}).index_select(0, positions));
    out.loss = F::cross_entropy(out.logits, targets);
    return out;
}

MaskedLmOutput MaskedLanguageModelImpl::forwardFullHead(const torch::Tensor& inputIds,
                                                        const torch::Tensor& attentionMask, const torch::Tensor& labels)
{
    const torch::Tensor hidden = encode(inputIds, attentionMask);
    MaskedLmOutput out;
    out.logits = head(hidden).reshape({-1, m_config.vocabSize});
    const torch::Tensor flatLabels = labels.reshape({-1});
    out.positions = torch::arange(flatLabels.size(0), flatLabels.options());
    out.scoredTokens = (flatLabels != -100).sum().item<int64_t>();
    out.loss = F::cross_entropy(out.logits, flatLabels, F::CrossEntropyFuncOptions().ignore_index(-100));
    return out;
}

int64_t MaskedLanguageModelImpl::numParameters() const
{
    int64_t total = 0;
    for (const auto& p : parameters()) total += p.numel();
    return total;
}

std::vector<LayerSummaryRow> MaskedLanguageModelImpl::summary() const
{
    const auto named = named_parameters();
    const std::string hidden = std::to_string(m_config.hidden);
    std::vector<LayerSummaryRow> rows;
    for (const auto& [block, kind] : m_summaryBlocks) {
        LayerSummaryRow row{block, kind, "", 0};
        for (const auto& item : named) {
            const std::string& key = item.key();
            if (key.compare(0, block.size() + 1, block + ".") == 0) row.parameters += item.value().numel();
        }
        const bool projector = kind.rfind("Linear (tied", 0) == 0;
        row.outputShape = shape({"batch", "seq", projector ? std::to_string(m_config.vocabSize) : hidden});
        rows.push_back(row);
    }
    return rows;
}

std::vector<std::pair<std::string, std::string>> MaskedLanguageModelImpl::tiedAliases() const
{
    const Names n = namesFor(m_config.architecture);
    std::vector<std::pair<std::string, std::string>> aliases{{n.decoderWeight, n.embeddings + "." + n.word + ".weight"}};
    if (!n.decoderBias.empty()) aliases.emplace_back(n.decoderBias, n.biasOwner + ".bias");
    return aliases;
}

}  // namespace masklab
