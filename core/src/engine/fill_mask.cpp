#include "masklab/fill_mask.h"

#include "masklab/error.h"
#include "masklab/message.h"

#include <torch/torch.h>

#include <algorithm>

namespace masklab {
namespace {

// A text encoded and checked: its ids ([CLS] ... [SEP]) and where its masks are.
struct PreparedText {
    std::vector<int32_t> ids;
    std::vector<int64_t> maskPositions;
};

// Puts the model in eval mode and gives it back its training mode on the way out.
class EvalModeGuard {
public:
    explicit EvalModeGuard(torch::nn::Module& module) : m_module(module), m_wasTraining(module.is_training())
    {
        m_module.eval();
    }
    ~EvalModeGuard() { m_module.train(m_wasTraining); }
    EvalModeGuard(const EvalModeGuard&) = delete;
    EvalModeGuard& operator=(const EvalModeGuard&) = delete;

private:
    torch::nn::Module& m_module;
    bool m_wasTraining;
};

void checkSetup(const MaskedLanguageModelImpl& model, const Tokenizer& tokenizer, int topK)
{
    if (topK < 1)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "fill-mask was asked for {1} predictions; ask for "
                                                          "at least 1"))
                               .count(topK));
    if (tokenizer.specialTokens().mask < 0)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the tokenizer has no [MASK] token, so fill-mask has nothing to "
                                                          "fill; use the tokenizer the model was trained with")));
    if (tokenizer.vocabSize() > model.config().vocabSize)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the tokenizer has {1} tokens but the model's embeddings have "
                                                          "{2} rows: use the tokenizer the model was trained with"))
                               .count(tokenizer.vocabSize())
                               .count(model.config().vocabSize));
}

// index: the text's place in a batch, or -1 for a single text (the messages name it so).
PreparedText prepare(const MaskedLanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& text,
                     int64_t index)
{
    PreparedText out;
    out.ids = tokenizer.encode(text, /*addSpecialTokens=*/true).ids;
    const int32_t mask = tokenizer.specialTokens().mask;
    for (std::size_t i = 0; i < out.ids.size(); ++i)
        if (out.ids[i] == mask) out.maskPositions.push_back(static_cast<int64_t>(i));
    const std::string maskToken = tokenizer.idToToken(mask);
    if (out.maskPositions.empty())
        throw MessageError((index < 0 ? Message(MASKLAB_TRANSLATE_NOOP("Engine", "the text has no {2} token: add {2} where the model "
                                                                       "should guess"))
                                      : Message(MASKLAB_TRANSLATE_NOOP("Engine", "text {1} has no {2} token: add {2} where the model "
                                                                       "should guess")))
                               .count(index)
                               .arg(maskToken));
    const int limit = model.config().maxPositions;
    if (out.ids.size() > static_cast<std::size_t>(limit))
        throw MessageError((index < 0 ? Message(MASKLAB_TRANSLATE_NOOP("Engine", "the text is {2} tokens long (with {3} and {4}), "
                                                                       "more than the model's limit of {5} positions; "
                                                                       "shorten it"))
                                      : Message(MASKLAB_TRANSLATE_NOOP("Engine", "text {1} is {2} tokens long (with {3} and {4}), more "
                                                                       "than the model's limit of {5} positions; "
                                                                       "shorten it")))
                               .count(index)
                               .count(static_cast<int64_t>(out.ids.size()))
                               .arg(tokenizer.idToToken(tokenizer.specialTokens().cls))
                               .arg(tokenizer.idToToken(tokenizer.specialTokens().sep))
                               .count(limit));
    return out;
}

// One forward pass over texts padded to the longest, the head only on the masked positions.
std::vector<FillMaskResult> predictBatch(MaskedLanguageModelImpl& model, const Tokenizer& tokenizer,
                                         const std::vector<const PreparedText*>& batch, int topK,
                                         const torch::Device& device)
{
    std::size_t longest = 0;
    for (const PreparedText* t : batch) longest = std::max(longest, t->ids.size());
    const int64_t rows = static_cast<int64_t>(batch.size()), seq = static_cast<int64_t>(longest);
    const int32_t pad = std::max<int32_t>(tokenizer.specialTokens().pad, 0);

    torch::Tensor ids = torch::full({rows, seq}, static_cast<int64_t>(pad), torch::kLong);
    torch::Tensor attention = torch::zeros({rows, seq}, torch::kLong);
    std::vector<int64_t> flatMasks;
    {
        auto idsOf = ids.accessor<int64_t, 2>();
        auto attentionOf = attention.accessor<int64_t, 2>();
        for (int64_t r = 0; r < rows; ++r) {
            const PreparedText& t = *batch[static_cast<std::size_t>(r)];
            for (std::size_t i = 0; i < t.ids.size(); ++i) {
                idsOf[r][static_cast<int64_t>(i)] = t.ids[i];
                attentionOf[r][static_cast<int64_t>(i)] = 1;
            }
            for (int64_t p : t.maskPositions) flatMasks.push_back(r * seq + p);
        }
    }
    const torch::Tensor positions =
        torch::tensor(flatMasks, torch::TensorOptions().dtype(torch::kLong)).to(device);

    const torch::Tensor hidden = model.encode(ids.to(device), attention.to(device));
    const torch::Tensor selected = hidden.reshape({rows * seq, hidden.size(2)}).index_select(0, positions);
    torch::Tensor logits = model.head(selected);
    // Probabilities in float32 at least (double stays double), as a half-precision model's
    // softmax would lose the small scores.
    if (logits.scalar_type() != torch::kDouble) logits = logits.to(torch::kFloat);
    const torch::Tensor probs = torch::softmax(logits, -1);
    const int64_t k = std::min<int64_t>(topK, probs.size(1));
    const auto top = probs.topk(k, /*dim=*/-1, /*largest=*/true, /*sorted=*/true);
    const torch::Tensor scores = std::get<0>(top).to(torch::kCPU).to(torch::kDouble).contiguous();
    const torch::Tensor tokens = std::get<1>(top).to(torch::kCPU).to(torch::kLong).contiguous();
    const double* scoreAt = scores.data_ptr<double>();
    const int64_t* tokenAt = tokens.data_ptr<int64_t>();

    std::vector<FillMaskResult> results(batch.size());
    // The rows of scores and tokens are the masks of all texts, in order.
    for (std::size_t b = 0; b < batch.size(); ++b) {
        const PreparedText& t = *batch[b];
        // As FillMaskPipeline: the special tokens are skipped for a single mask only; with
        // several, the other [MASK]s (and [CLS] [SEP]) stay in the sequence.
        const bool skipSpecial = t.maskPositions.size() == 1;
        for (int64_t position : t.maskPositions) {
            std::vector<FillMaskPrediction> predictions;
            predictions.reserve(static_cast<std::size_t>(k));
            std::vector<int32_t> filled = t.ids;
            for (int64_t j = 0; j < k; ++j, ++scoreAt, ++tokenAt) {
                FillMaskPrediction p;
                p.token = static_cast<int32_t>(*tokenAt);
                p.score = *scoreAt;
                p.tokenStr = tokenizer.decode({p.token});
                filled[static_cast<std::size_t>(position)] = p.token;
                p.sequence = tokenizer.decode(filled, skipSpecial);
                predictions.push_back(std::move(p));
            }
            results[b].push_back(std::move(predictions));
        }
    }
    return results;
}

torch::Device deviceOf(MaskedLanguageModelImpl& model)
{
    const std::vector<torch::Tensor> parameters = model.parameters();
    return parameters.empty() ? torch::Device(torch::kCPU) : parameters.front().device();
}

}  // namespace

FillMaskResult fillMask(MaskedLanguageModelImpl& model, const Tokenizer& tokenizer, const std::string& text, int topK)
{
    checkSetup(model, tokenizer, topK);
    const PreparedText prepared = prepare(model, tokenizer, text, -1);
    // Inference mode: no autograd bookkeeping at all (faster than NoGradGuard); the results are
    // plain values, so nothing outside needs the tensors' version counters.
    c10::InferenceMode inference;
    EvalModeGuard evalMode(model);
    return std::move(predictBatch(model, tokenizer, {&prepared}, topK, deviceOf(model)).front());
}

std::vector<FillMaskResult> fillMask(MaskedLanguageModelImpl& model, const Tokenizer& tokenizer,
                                     const std::vector<std::string>& texts, int topK, int batchSize)
{
    checkSetup(model, tokenizer, topK);
    if (batchSize < 1)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "fill-mask batch size is {1}; it must be at "
                                                          "least 1"))
                               .count(batchSize));
    std::vector<PreparedText> prepared;
    prepared.reserve(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i)
        prepared.push_back(prepare(model, tokenizer, texts[i], static_cast<int64_t>(i)));

    // Inference mode: no autograd bookkeeping at all (faster than NoGradGuard); the results are
    // plain values, so nothing outside needs the tensors' version counters.
    c10::InferenceMode inference;
    EvalModeGuard evalMode(model);
    const torch::Device device = deviceOf(model);
    std::vector<FillMaskResult> results;
    results.reserve(texts.size());
    for (std::size_t begin = 0; begin < prepared.size(); begin += static_cast<std::size_t>(batchSize)) {
        const std::size_t end = std::min(prepared.size(), begin + static_cast<std::size_t>(batchSize));
        std::vector<const PreparedText*> batch;
        for (std::size_t i = begin; i < end; ++i) batch.push_back(&prepared[i]);
        for (FillMaskResult& r : predictBatch(model, tokenizer, batch, topK, device)) results.push_back(std::move(r));
    }
    return results;
}

}  // namespace masklab
