// Fill-mask on a tiny model and the real BERT uncased tokenizer: top-k against a full softmax
// computed here, sequences, several masks, batch against one by one, errors, and a tiny overfit
// that proves the pipeline end to end.
#include "masklab/error.h"
#include "masklab/fill_mask.h"
#include "masklab/masked_lm.h"
#include "masklab/tokenizer.h"
#include "test_support.h"

#include <QtTest>
#include <torch/torch.h>

using namespace masklab;
using namespace masklab::testing;

namespace {

// A tiny model from scratch without dropout, so eval and train modes compute the same thing.
MaskedLanguageModel tinyModel(int vocabSize, uint64_t seed)
{
    torch::manual_seed(seed);
    ModelConfig c = ModelConfig::preset("tiny", vocabSize);
    c.dropout = 0;
    c.attentionDropout = 0;
    return MaskedLanguageModel(c);
}

torch::Tensor idsTensor(const std::vector<int32_t>& ids)
{
    std::vector<int64_t> wide(ids.begin(), ids.end());
    return torch::tensor(wide, torch::kLong).unsqueeze(0);
}

// Makes the model propose `token` everywhere with a probability near 1.
void forceToken(MaskedLanguageModelImpl& model, int32_t token)
{
    torch::NoGradGuard noGrad;
    model.named_parameters()["vocab_projector.bias"][token].fill_(100.0);
}

template <typename F>
std::string errorOf(F&& call)
{
    try {
        call();
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

}  // namespace

class TestFillMask final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Tokenizer> m_tokenizer;

private slots:
    void initTestCase()
    {
        m_tokenizer = loadTokenizer(bertTokenizerJson());
        QCOMPARE(m_tokenizer->vocabSize(), 30522);
    }

    void topKMatchesTheFullSoftmax()
    {
        MaskedLanguageModel model = tinyModel(30522, 1);
        model->to(torch::kDouble);  // exact comparison: no float noise between the two paths
        const std::string text = "this is a great [MASK].";
        const FillMaskResult result = fillMask(*model, *m_tokenizer, text, 5);
        QCOMPARE(result.size(), std::size_t(1));
        QCOMPARE(result[0].size(), std::size_t(5));

        // The reference: the head on every position, softmax over the whole vocabulary.
        const std::vector<int32_t> ids = m_tokenizer->encode(text).ids;
        const auto maskAt = std::find(ids.begin(), ids.end(), m_tokenizer->specialTokens().mask) - ids.begin();
        torch::Tensor probs;
        {
            torch::NoGradGuard noGrad;
            model->eval();
            probs = torch::softmax(model->head(model->encode(idsTensor(ids)))[0][maskAt], -1);
            model->train();
        }
        QVERIFY(std::abs(probs.sum().item<double>() - 1.0) < 1e-12);
        const auto top = probs.topk(5);
        double previous = 1.0;
        for (int j = 0; j < 5; ++j) {
            const FillMaskPrediction& p = result[0][std::size_t(j)];
            QCOMPARE(int64_t(p.token), std::get<1>(top)[j].item<int64_t>());
            QVERIFY(std::abs(p.score - std::get<0>(top)[j].item<double>()) < 1e-12);
            QVERIFY(p.score > 0 && p.score <= 1);
            QVERIFY(p.score <= previous);
            previous = p.score;
            QCOMPARE(p.tokenStr, m_tokenizer->decode({p.token}));
            std::vector<int32_t> filled = ids;
            filled[std::size_t(maskAt)] = p.token;
            QCOMPARE(p.sequence, m_tokenizer->decode(filled, true));
        }
    }

    void restoresModeAndGrad()
    {
        MaskedLanguageModel model = tinyModel(30522, 2);
        model->train();
        fillMask(*model, *m_tokenizer, "a [MASK] film", 1);
        QVERIFY(model->is_training());
        QVERIFY(torch::GradMode::is_enabled());
        model->eval();
        fillMask(*model, *m_tokenizer, "a [MASK] film", 1);
        QVERIFY(!model->is_training());
    }

    void forcedTokenAndItsSequence()
    {
        MaskedLanguageModel model = tinyModel(30522, 3);
        const int32_t movie = m_tokenizer->tokenToId("movie");
        QVERIFY(movie > 0);
        forceToken(*model, movie);
        const FillMaskResult result = fillMask(*model, *m_tokenizer, "This is a great [MASK].", 3);
        const FillMaskPrediction& best = result.at(0).at(0);
        QCOMPARE(best.token, movie);
        QCOMPARE(best.tokenStr, std::string("movie"));
        QVERIFY2(best.score > 0.999, std::to_string(best.score).c_str());
        QCOMPARE(best.sequence, std::string("this is a great movie."));
        QVERIFY(result[0][1].score < 1e-3);
    }

    void twoMasksGiveTwoLists()
    {
        MaskedLanguageModel model = tinyModel(30522, 4);
        const int32_t movie = m_tokenizer->tokenToId("movie");
        forceToken(*model, movie);
        const FillMaskResult result = fillMask(*model, *m_tokenizer, "this [MASK] is a great [MASK].", 4);
        QCOMPARE(result.size(), std::size_t(2));
        for (const auto& list : result) {
            QCOMPARE(list.size(), std::size_t(4));
            QCOMPARE(list[0].token, movie);
            for (std::size_t j = 1; j < list.size(); ++j) QVERIFY(list[j].score <= list[j - 1].score);
        }
        // Each sequence fills its own mask and keeps the special tokens, the other [MASK]
        // among them, as FillMaskPipeline does for a text of several masks.
        QCOMPARE(result[0][0].sequence, std::string("[CLS] this movie is a great [MASK]. [SEP]"));
        QCOMPARE(result[1][0].sequence, std::string("[CLS] this [MASK] is a great movie. [SEP]"));
    }

    void batchEqualsOneByOne()
    {
        MaskedLanguageModel model = tinyModel(30522, 5);
        model->to(torch::kDouble);
        const std::vector<std::string> texts{
            "this is a great [MASK].",
            "[MASK] is the best movie i have seen in years, really [MASK] and fun.",
            "i [MASK] it",
            "the acting was [MASK] but the plot was a mess from start to finish.",
        };
        for (int batchSize : {1, 3, 32}) {
            const std::vector<FillMaskResult> batched = fillMask(*model, *m_tokenizer, texts, 5, batchSize);
            QCOMPARE(batched.size(), texts.size());
            for (std::size_t i = 0; i < texts.size(); ++i) {
                const FillMaskResult single = fillMask(*model, *m_tokenizer, texts[i], 5);
                QCOMPARE(batched[i].size(), single.size());
                for (std::size_t m = 0; m < single.size(); ++m) {
                    QCOMPARE(batched[i][m].size(), single[m].size());
                    for (std::size_t j = 0; j < single[m].size(); ++j) {
                        QCOMPARE(batched[i][m][j].token, single[m][j].token);
                        QVERIFY(std::abs(batched[i][m][j].score - single[m][j].score) < 1e-12);
                        QCOMPARE(batched[i][m][j].tokenStr, single[m][j].tokenStr);
                        QCOMPARE(batched[i][m][j].sequence, single[m][j].sequence);
                    }
                }
            }
        }
        QVERIFY(fillMask(*model, *m_tokenizer, std::vector<std::string>{}, 5).empty());
    }

    void errorsSayWhatToDo()
    {
        MaskedLanguageModel model = tinyModel(30522, 6);
        std::string message = errorOf([&] { fillMask(*model, *m_tokenizer, "no mask here", 5); });
        QVERIFY2(message.find("add [MASK] where the model should guess") != std::string::npos, message.c_str());

        std::string tooLong;
        for (int i = 0; i < 300; ++i) tooLong += "word ";
        tooLong += "[MASK]";
        message = errorOf([&] { fillMask(*model, *m_tokenizer, tooLong, 5); });
        QVERIFY2(message.find("256") != std::string::npos, message.c_str());
        QVERIFY2(message.find("303") != std::string::npos, message.c_str());  // 300 + mask + CLS + SEP

        message = errorOf([&] { fillMask(*model, *m_tokenizer, "a [MASK]", 0); });
        QVERIFY2(message.find("at least 1") != std::string::npos, message.c_str());

        const std::vector<std::string> texts{"a [MASK]", "none", "b [MASK]"};
        message = errorOf([&] { fillMask(*model, *m_tokenizer, texts, 5); });
        QVERIFY2(message.find("text 1") != std::string::npos, message.c_str());
        message = errorOf([&] { fillMask(*model, *m_tokenizer, std::vector<std::string>{"a [MASK]"}, 5, 0); });
        QVERIFY2(message.find("batch size") != std::string::npos, message.c_str());

        MaskedLanguageModel small = tinyModel(1000, 7);
        message = errorOf([&] { fillMask(*small, *m_tokenizer, "a [MASK]", 5); });
        QVERIFY2(message.find("30522") != std::string::npos, message.c_str());
    }

    // Learns one sentence with its masked word, then fill-mask must put that word first.
    void tinyOverfitPutsTheWordFirst()
    {
        MaskedLanguageModel model = tinyModel(30522, 8);
        const std::string sentence = "the plot of this [MASK] is thin.";
        const int32_t film = m_tokenizer->tokenToId("film");
        const std::vector<int32_t> ids = m_tokenizer->encode(sentence).ids;
        const auto maskAt = std::find(ids.begin(), ids.end(), m_tokenizer->specialTokens().mask) - ids.begin();
        const torch::Tensor input = idsTensor(ids);
        torch::Tensor labels = torch::full_like(input, -100);
        labels.index_put_({0, int64_t(maskAt)}, film);
        const torch::Tensor attention = torch::ones_like(input);

        QVERIFY(fillMask(*model, *m_tokenizer, sentence, 1)[0][0].token != film);
        torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-3));
        model->train();
        double loss = 0;
        // The loss falls below 0.1 after about 45 steps (seed 8); 150 leave a wide margin.
        for (int step = 0; step < 150; ++step) {
            optimizer.zero_grad();
            const MaskedLmOutput out = model->forward(input, attention, labels);
            out.loss.backward();
            optimizer.step();
            loss = out.loss.item<double>();
        }
        QVERIFY2(loss < 0.1, std::to_string(loss).c_str());
        const FillMaskResult result = fillMask(*model, *m_tokenizer, sentence, 3);
        QCOMPARE(result[0][0].token, film);
        QCOMPARE(result[0][0].sequence, std::string("the plot of this film is thin."));
        QVERIFY2(result[0][0].score > 0.95, std::to_string(result[0][0].score).c_str());
        QVERIFY(model->is_training());
    }
};

QTEST_APPLESS_MAIN(TestFillMask)
#include "test_fill_mask.moc"
