// The model: Hugging Face's tensor names and counts, and the masked-only head agreeing with
// the head on every position in loss and gradients.
#include "masklab/masked_lm.h"

#include <QtTest>
#include <torch/torch.h>

using namespace masklab;

class TestMaskedLm final : public QObject {
    Q_OBJECT

private slots:
    void distilbertShapesCountTheCourseFigure()
    {
        MaskedLanguageModel model(ModelConfig::preset("distilbert", 30522));
        QCOMPARE(model->numParameters(), int64_t(66'985'530));
        const auto names = model->named_parameters();
        QVERIFY(names.contains("distilbert.embeddings.word_embeddings.weight"));
        QVERIFY(names.contains("distilbert.embeddings.LayerNorm.bias"));
        QVERIFY(names.contains("distilbert.transformer.layer.5.attention.q_lin.weight"));
        QVERIFY(names.contains("distilbert.transformer.layer.0.sa_layer_norm.weight"));
        QVERIFY(names.contains("distilbert.transformer.layer.3.ffn.lin2.bias"));
        QVERIFY(names.contains("distilbert.transformer.layer.2.output_layer_norm.bias"));
        QVERIFY(names.contains("vocab_transform.weight"));
        QVERIFY(names.contains("vocab_layer_norm.weight"));
        QVERIFY(names.contains("vocab_projector.bias"));
        QVERIFY(!names.contains("vocab_projector.weight"));  // tied, stored once
        QCOMPARE(names.size(), std::size_t(105));  // 4 embedding + 6 x 16 layer + 5 head tensors
        int64_t summed = 0;
        for (const auto& row : model->summary()) summed += row.parameters;
        QCOMPARE(summed, model->numParameters());
    }

    void bertNames()
    {
        ModelConfig c = ModelConfig::preset("bert-base", 30522);
        MaskedLanguageModel model(c);
        const auto names = model->named_parameters();
        QVERIFY(names.contains("bert.embeddings.token_type_embeddings.weight"));
        QVERIFY(names.contains("bert.encoder.layer.11.attention.self.query.weight"));
        QVERIFY(names.contains("bert.encoder.layer.0.attention.output.LayerNorm.weight"));
        QVERIFY(names.contains("bert.encoder.layer.0.intermediate.dense.weight"));
        QVERIFY(names.contains("bert.encoder.layer.0.output.dense.bias"));
        QVERIFY(names.contains("cls.predictions.transform.dense.weight"));
        QVERIFY(names.contains("cls.predictions.bias"));
        // BertForMaskedLM without the pooler: 109,514,298 parameters.
        QCOMPARE(model->numParameters(), int64_t(109'514'298));
    }

    void maskedOnlyHeadMatchesFullHead()
    {
        torch::manual_seed(0);
        ModelConfig c = ModelConfig::preset("tiny", 500);
        c.dropout = 0;
        c.attentionDropout = 0;
        MaskedLanguageModel model(c);
        model->to(torch::kDouble);
        const auto ids = torch::randint(0, 500, {3, 16}, torch::kLong);
        auto labels = torch::full({3, 16}, -100, torch::kLong);
        labels.index_put_({0, 3}, 17);
        labels.index_put_({1, 0}, 4);
        labels.index_put_({2, 15}, 499);
        labels.index_put_({2, 7}, 0);
        auto mask = torch::ones({3, 16}, torch::kLong);
        mask.index_put_({1, torch::indexing::Slice(12, 16)}, 0);

        const MaskedLmOutput partial = model->forward(ids, mask, labels);
        partial.loss.backward();
        std::vector<torch::Tensor> gradsPartial;
        for (auto& p : model->parameters()) gradsPartial.push_back(p.grad().clone());
        model->zero_grad();
        const MaskedLmOutput full = model->forwardFullHead(ids, mask, labels);
        full.loss.backward();
        QCOMPARE(partial.scoredTokens, int64_t(4));
        QCOMPARE(full.scoredTokens, int64_t(4));
        QVERIFY(torch::allclose(partial.loss, full.loss, 1e-12, 1e-12));
        std::size_t i = 0;
        for (auto& p : model->parameters()) QVERIFY(torch::allclose(gradsPartial[i++], p.grad(), 1e-10, 1e-12));
    }

    void paddingDoesNotChangeRealTokens()
    {
        torch::manual_seed(1);
        ModelConfig c = ModelConfig::preset("tiny", 300);
        MaskedLanguageModel model(c);
        model->eval();
        torch::NoGradGuard noGrad;
        const auto ids = torch::randint(5, 300, {1, 10}, torch::kLong);
        const auto padded = torch::cat({ids, torch::zeros({1, 6}, torch::kLong)}, 1);
        auto mask = torch::cat({torch::ones({1, 10}, torch::kLong), torch::zeros({1, 6}, torch::kLong)}, 1);
        const auto a = model->encode(ids);
        const auto b = model->encode(padded, mask).narrow(1, 0, 10);
        QVERIFY(torch::allclose(a, b, 1e-5, 1e-5));
    }
};

QTEST_GUILESS_MAIN(TestMaskedLm)
#include "test_masked_lm.moc"
