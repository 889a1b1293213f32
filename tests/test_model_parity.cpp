// Parity of the model with Hugging Face transformers itself (tests/peer/transformers_peer.py, in
// the venv of .ci/setup-debian), both ways:
//  - a folder MaskLab saves is loaded by AutoModelForMaskedLM.from_pretrained with no warning,
//    its projector tied to the embeddings, and its logits and loss equal ours;
//  - DistilBertForMaskedLM and BertForMaskedLM built by transformers with its own random
//    initialization, at small and at full (distilbert-base / bert-base) shapes, saved by
//    save_pretrained (model.safetensors) or torch.save (pytorch_model.bin), load in MaskLab
//    and give transformers' logits.
// Tolerances: 1e-5 on fp32 logits and loss, 1e-9 in fp64 (where a wrong LayerNorm epsilon or a
// missing bias would show).
#include "masklab/checkpoint.h"
#include "masklab/masked_lm.h"
#include "masklab/wordpiece_tokenizer.h"
#include "peer_runner.h"
#include "random_weights.h"
#include "test_support.h"

#include <QtTest>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>
#include <fstream>
#include <string>
#include <vector>

using namespace masklab;
using nlohmann::json;

namespace {

constexpr int64_t kBatch = 2, kSeq = 12;

// Enough words to be a real vocabulary; ids stay below every test config's vocab_size.
WordPieceTokenizer smallTokenizer()
{
    WordPieceConfig c;
    c.vocabulary = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "a", "movie", "film", "was",
                    "is",    "great", "bad",   "this",  "i",      "it",  "and", "of",   ".",    ",",
                    "!",     "?",     "##s",   "##ing", "##ed",   "good", "plot", "actor", "story", "end"};
    return WordPieceTokenizer(c);
}

struct Inputs {
    torch::Tensor ids, mask, labels;
};

// Batch 2, sequence 12; the second row is padded on its last 4 positions. Four labels (~15%).
Inputs fixedInputs()
{
    const std::vector<int64_t> ids{2, 17, 254, 8,  4,   613, 45, 300, 12, 5,  77, 3,
                                   2, 400, 31, 9, 688, 150, 61, 3,   0,  0,  0,  0};
    const std::vector<int64_t> mask{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                                    1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0};
    std::vector<int64_t> labels(kBatch * kSeq, -100);
    labels[2] = 42;
    labels[4] = 311;
    labels[12 + 1] = 7;
    labels[12 + 5] = 650;
    auto tensor = [](const std::vector<int64_t>& v) { return torch::tensor(v, torch::kLong).reshape({kBatch, kSeq}); };
    return {tensor(ids), tensor(mask), tensor(labels)};
}

json toJson(const torch::Tensor& t)
{
    json rows = json::array();
    for (int64_t b = 0; b < t.size(0); ++b) {
        json row = json::array();
        for (int64_t s = 0; s < t.size(1); ++s) row.push_back(t[b][s].item<int64_t>());
        rows.push_back(row);
    }
    return rows;
}

// Runs the transformers peer; returns an empty string on success, else what went wrong.
QString runReference(const QStringList& args, QByteArray* output = nullptr)
{
    return testing::runPeerScript("transformers_peer.py", args, output);
}

struct Reference {
    torch::Tensor logits;  // [batch, seq, vocab], float64
    double loss = NAN;
    bool tied = false;
    std::vector<std::string> warnings;  // what transformers logged or warned while loading
};

QString reference(const QString& folder, const Inputs& in, const QString& dtype, Reference& out)
{
    const std::string request = (folder + "/request.json").toStdString();
    const std::string answer = (folder + "/reference.json").toStdString();
    std::ofstream(request) << json{{"input_ids", toJson(in.ids)},
                                   {"attention_mask", toJson(in.mask)},
                                   {"labels", toJson(in.labels)}}.dump();
    const QString error = runReference({"logits", folder, QString::fromStdString(request),
                                        QString::fromStdString(answer), "--dtype", dtype});
    if (!error.isEmpty()) return error;
    std::ifstream file(answer);
    const json j = json::parse(file);
    const std::vector<int64_t> shape = j.at("shape").get<std::vector<int64_t>>();
    std::vector<double> flat;
    for (const json& row : j.at("logits"))
        for (const json& position : row)
            for (const json& value : position) flat.push_back(value.get<double>());
    out.logits = torch::tensor(flat, torch::kDouble).reshape(shape);
    out.loss = j.at("loss").is_null() ? NAN : j.at("loss").get<double>();
    out.tied = j.at("tied").get<bool>();
    out.warnings = j.at("warnings").get<std::vector<std::string>>();
    return {};
}

// Largest |ours - reference| over the positions whose attention mask is 1.
double maxDiffOnRealTokens(const torch::Tensor& ours, const torch::Tensor& theirs, const torch::Tensor& mask)
{
    const torch::Tensor real = mask.reshape({-1}).nonzero().squeeze(1);
    const int64_t vocab = ours.size(-1);
    const torch::Tensor a = ours.to(torch::kDouble).reshape({-1, vocab}).index_select(0, real);
    const torch::Tensor b = theirs.reshape({-1, vocab}).index_select(0, real);
    return (a - b).abs().max().item<double>();
}

QString joinedWarnings(const std::vector<std::string>& warnings)
{
    QStringList lines;
    for (const std::string& w : warnings) lines << QString::fromStdString(w);
    return lines.join("\n");
}

}  // namespace

class TestModelParity final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Builds, saves and compares one config; dtype "float32" or "float64".
    void compare(ModelConfig config, const QString& name, uint64_t seed, const QString& dtype, double logitTol,
                 double lossTol)
    {
        config.dropout = 0;
        config.attentionDropout = 0;
        MaskedLanguageModel model(config);
        testing::randomizeWeights(*model, seed);
        const QString folder = m_dir.filePath(name);
        savePretrained(folder.toStdString(), *model, smallTokenizer());
        const bool wide = dtype == "float64";
        if (wide) model->to(torch::kDouble);  // the saved fp32 values, widened exactly
        model->eval();

        const Inputs in = fixedInputs();
        Reference ref;
        const QString error = reference(folder, in, dtype, ref);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(ref.logits.dim() == 3 && ref.logits.size(0) == kBatch && ref.logits.size(1) == kSeq &&
                     ref.logits.size(2) == config.vocabSize,
                 "transformers' logits do not have the shape [2, 12, vocab]");
        // from_pretrained of our folder: nothing missing, unexpected or unknown, and tied.
        QVERIFY2(ref.warnings.empty(), qPrintable("transformers warned:\n" + joinedWarnings(ref.warnings)));
        QVERIFY2(ref.tied, "transformers did not tie the projector to the word embeddings");

        torch::NoGradGuard noGrad;
        const torch::Tensor logits = model->head(model->encode(in.ids, in.mask));
        // Logits of a few units: a comparison at 1e-5 means something.
        QVERIFY2(logits.std().item<double>() > 0.5, "the random weights give near-constant logits");
        const double logitDiff = maxDiffOnRealTokens(logits, ref.logits, in.mask);
        QVERIFY2(logitDiff <= logitTol, qPrintable(QString("%1 (%2): logits differ by up to %3 (tolerance %4)")
                                                       .arg(name, dtype)
                                                       .arg(logitDiff)
                                                       .arg(logitTol)));

        const MaskedLmOutput masked = model->forward(in.ids, in.mask, in.labels);
        QCOMPARE(masked.scoredTokens, int64_t(4));
        const double lossDiff = std::abs(masked.loss.item<double>() - ref.loss);
        QVERIFY2(lossDiff <= lossTol, qPrintable(QString("%1 (%2): loss %3, transformers %4, difference %5")
                                                     .arg(name, dtype)
                                                     .arg(masked.loss.item<double>(), 0, 'g', 10)
                                                     .arg(ref.loss, 0, 'g', 10)
                                                     .arg(lossDiff)));
        qInfo("%s (%s): logits max |diff| %.3g on real tokens (logit std %.3g), loss %.8f vs %.8f",
              qPrintable(name), qPrintable(dtype), logitDiff, logits.std().item<double>(),
              masked.loss.item<double>(), ref.loss);
        const MaskedLmOutput full = model->forwardFullHead(in.ids, in.mask, in.labels);
        QVERIFY2(std::abs(full.loss.item<double>() - ref.loss) <= lossTol, "forwardFullHead's loss differs");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QProcess python;
        python.start(testing::peerPython(), {"-c", "import torch, transformers; print(transformers.__version__)"});
        QVERIFY2(python.waitForStarted(30000), qPrintable("cannot start " + testing::peerPython() +
                                                          ": run bash .ci/setup-debian, which sets up the venv"));
        QVERIFY(python.waitForFinished(120000));
        QVERIFY2(python.exitCode() == 0,
                 qPrintable("transformers is missing for " + testing::peerPython() + ": " +
                            QString::fromLocal8Bit(python.readAllStandardError())));
        qInfo("peer: transformers %s", python.readAllStandardOutput().trimmed().constData());
    }

    void tinyPreset() { compare(ModelConfig::preset("tiny", 1000), "tiny", 1, "float32", 1e-5, 1e-5); }

    void threeLayersFourHeads()
    {
        ModelConfig c = ModelConfig::preset("tiny", 700);
        c.layers = 3;
        c.heads = 4;
        c.hidden = 64;
        c.intermediate = 96;
        compare(c, "three_layers", 2, "float32", 1e-5, 1e-5);
    }

    void bertArchitecture()
    {
        ModelConfig c = ModelConfig::preset("tiny", 800);
        c.architecture = Architecture::Bert;
        compare(c, "bert_tiny", 4, "float32", 1e-5, 1e-5);
    }

    // In float64 only rounding separates the two: 1e-9 catches what fp32 noise could hide.
    void float64AgreesToRounding()
    {
        compare(ModelConfig::preset("tiny", 1000), "tiny_fp64", 3, "float64", 1e-9, 1e-10);
    }

    void transformersModelsLoad_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("shape");
        QTest::addColumn<QString>("format");
        for (const char* arch : {"distilbert", "bert"})
            for (const char* shape : {"small", "full"})
                for (const char* format : {"safetensors", "bin"})
                    QTest::addRow("%s-%s-%s", arch, shape, format) << arch << shape << format;
    }

    // A model transformers built and initialized, saved its way, gives its logits in MaskLab.
    void transformersModelsLoad()
    {
        QFETCH(QString, arch);
        QFETCH(QString, shape);
        QFETCH(QString, format);
        const QString folder = m_dir.filePath("hf-" + arch + "-" + shape + "-" + format);
        QByteArray made;
        QString error = runReference({"random-model", folder, "--arch", arch, "--shape", shape, "--format", format,
                                      "--seed", "7", "--vocab",
                                      QString::fromStdString(testing::fixture("bert_uncased_tokenizer/vocab.txt"))},
                                     &made);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(QFileInfo::exists(folder + (format == "bin" ? "/pytorch_model.bin" : "/model.safetensors")));

        PretrainedModel loaded;
        try {
            loaded = loadPretrained(folder.toStdString());
        } catch (const std::exception& e) {
            QFAIL(qPrintable(QString("MaskLab cannot load transformers' folder: ") + e.what()));
        }
        QVERIFY2(loaded.warnings.empty(), qPrintable(joinedWarnings(loaded.warnings)));
        const nlohmann::json info = nlohmann::json::parse(made.toStdString());
        QCOMPARE(loaded.model->numParameters(), info.at("parameters").get<int64_t>());
        loaded.model->eval();

        const Inputs in = fixedInputs();
        Reference ref;
        error = reference(folder, in, "float32", ref);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        torch::NoGradGuard noGrad;
        const torch::Tensor logits = loaded.model->head(loaded.model->encode(in.ids, in.mask));
        const double logitDiff = maxDiffOnRealTokens(logits, ref.logits, in.mask);
        const double lossDiff = std::abs(loaded.model->forward(in.ids, in.mask, in.labels).loss.item<double>() - ref.loss);
        qInfo("%s: %lld parameters, logits max |diff| %.3g (logit std %.3g), loss diff %.3g", QTest::currentDataTag(),
              static_cast<long long>(loaded.model->numParameters()), logitDiff, logits.std().item<double>(), lossDiff);
        QVERIFY2(logitDiff <= 1e-5, qPrintable(QString("logits differ by %1 (tolerance 1e-5)").arg(logitDiff)));
        QVERIFY2(lossDiff <= 1e-5, qPrintable(QString("loss differs by %1 (tolerance 1e-5)").arg(lossDiff)));
    }
};

QTEST_GUILESS_MAIN(TestModelParity)
#include "test_model_parity.moc"
