// Model folders in save_pretrained layout: a checkpoint saved by MaskLab loads back bit for bit
// and saves to the same bytes; missing, unexpected and mis-shaped tensors and a tokenizer that
// does not fit the embeddings are reported by name; every damaged folder gives a masklab::Error
// naming the file and what is wrong, never a crash. pytorch_model.bin is written by Python torch.
#include "masklab/checkpoint.h"
#include "masklab/error.h"
#include "masklab/tensor_io.h"
#include "masklab/wordpiece_tokenizer.h"

#include "test_support.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <QtTest>

#include "peer_runner.h"

#include <functional>
#include <set>

using namespace masklab;

namespace {

// Writes pytorch_model.bin into the folder argv[1] from its model.safetensors, read by hand
// (struct + json), as torch.save of an OrderedDict. argv[2] is a JSON list of [alias, tied]
// pairs: each alias is stored as the very tensor it is tied to (one shared storage), as a tied
// Hugging Face model's state_dict() holds it.
const char* const kPythonScript = R"PY(
import collections, json, struct, sys
import torch

folder, aliases = sys.argv[1], json.loads(sys.argv[2])
with open(folder + "/model.safetensors", "rb") as f:
    data = f.read()
length = struct.unpack("<Q", data[:8])[0]
header = json.loads(data[8:8 + length])
body = data[8 + length:]
state = collections.OrderedDict()
for name in sorted(k for k in header if k != "__metadata__"):
    info = header[name]
    assert info["dtype"] == "F32", (name, info["dtype"])
    begin, end = info["data_offsets"]
    state[name] = torch.frombuffer(bytearray(body[begin:end]), dtype=torch.float32).reshape(info["shape"]).clone()
for alias, tied in aliases:
    state[alias] = state[tied]
torch.save(state, folder + "/pytorch_model.bin")
print(torch.__version__)
)PY";

// [PAD] [UNK] [CLS] [SEP] [MASK] and a few words, optionally without [MASK].
WordPieceTokenizer smallTokenizer(bool withMask = true, int extraWords = 0)
{
    WordPieceConfig config;
    config.vocabulary = {"[PAD]", "[UNK]", "[CLS]", "[SEP]"};
    if (withMask) config.vocabulary.push_back("[MASK]");
    for (const char* word : {"the", "a", "movie", "film", "was", "good", "bad", "great", "plot", "actor", "##s",
                             "##ing", "and", "not", ".", ","})
        config.vocabulary.push_back(word);
    for (int i = 0; i < extraWords; ++i) config.vocabulary.push_back("word" + std::to_string(i));
    return WordPieceTokenizer(std::move(config));
}

// A model small enough to save and load in milliseconds.
ModelConfig smallConfig(Architecture architecture, int vocabSize)
{
    ModelConfig c;
    c.architecture = architecture;
    c.vocabSize = vocabSize;
    c.hidden = 16;
    c.layers = 2;
    c.heads = 2;
    c.intermediate = 32;
    c.maxPositions = 24;
    c.validate();
    return c;
}

QString errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        qInfo("ERROR: %s", e.what());
        return QString::fromUtf8(e.what());
    }
    return {};
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// Empty when both models have the same parameter names, shapes, dtypes and values.
QString parameterDifference(const MaskedLanguageModelImpl& a, const MaskedLanguageModelImpl& b)
{
    const auto pa = a.named_parameters();
    const auto pb = b.named_parameters();
    if (pa.size() != pb.size()) return QString("%1 parameters vs %2").arg(pa.size()).arg(pb.size());
    for (const auto& item : pa) {
        const torch::Tensor* other = pb.find(item.key());
        if (!other) return QString::fromStdString(item.key() + " is missing");
        if (item.value().scalar_type() != other->scalar_type() || !torch::equal(item.value(), *other))
            return QString::fromStdString(item.key() + " differs");
    }
    return {};
}

at::Tensor* find(TensorList& list, const std::string& name)
{
    for (NamedTensor& t : list)
        if (t.name == name) return &t.tensor;
    return nullptr;
}

bool remove(TensorList& list, const std::string& name)
{
    const auto it = std::find_if(list.begin(), list.end(), [&](const NamedTensor& t) { return t.name == name; });
    if (it == list.end()) return false;
    list.erase(it);
    return true;
}

bool mentions(const std::vector<std::string>& warnings, const std::string& text)
{
    return std::any_of(warnings.begin(), warnings.end(),
                       [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

QString joined(const std::vector<std::string>& warnings)
{
    QStringList list;
    for (const std::string& w : warnings) list << QString::fromStdString(w);
    return list.join(" | ");
}

}  // namespace

// The message must contain the text; on failure the whole message is shown.
#define VERIFY_MENTIONS(message, text)                                                                       \
    QVERIFY2((message).contains(text), qPrintable(QString("expected \"%1\" in the error: %2")                \
                                                      .arg(QString(text), (message).isEmpty() ? "(no error)" \
                                                                                              : (message))))

class TestCheckpoint final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void roundTrip_data()
    {
        QTest::addColumn<int>("architecture");
        QTest::newRow("distilbert") << int(Architecture::DistilBert);
        QTest::newRow("bert") << int(Architecture::Bert);
    }

    void roundTrip()
    {
        QFETCH(int, architecture);
        const WordPieceTokenizer tokenizer = smallTokenizer();
        // The tiny preset with every field moved off its default, so each one must round trip.
        ModelConfig config = ModelConfig::preset("tiny", tokenizer.vocabSize() + 3);
        config.architecture = Architecture(architecture);
        config.maxPositions = 40;
        config.dropout = 0.25;
        config.attentionDropout = 0.05;
        config.activation = "relu";
        config.padTokenId = 1;
        config.initializerRange = 0.03;
        if (config.architecture == Architecture::Bert) {
            config.typeVocabSize = 3;
            config.layerNormEps = 1e-6;
        }
        torch::manual_seed(7);
        MaskedLanguageModel model(config);
        {
            // Parameters that are not at their init (LayerNorms and biases included).
            torch::NoGradGuard noGrad;
            for (auto& p : model->parameters()) p.add_(torch::randn_like(p) * 0.5);
        }

        const QString first = folder("round_trip_a");
        savePretrained(first.toStdString(), *model, tokenizer);
        QCOMPARE(QDir(first).entryList(QDir::Files),
                 (QStringList{"config.json", "model.safetensors", "special_tokens_map.json", "tokenizer.json",
                              "tokenizer_config.json", "vocab.txt"}));

        // The file holds every parameter once, as float32, and nothing else.
        const TensorList stored = readSafetensors((first + "/model.safetensors").toStdString());
        std::set<std::string> storedNames;
        for (const NamedTensor& t : stored) {
            storedNames.insert(t.name);
            QVERIFY2(t.tensor.scalar_type() == at::kFloat, t.name.c_str());
        }
        std::set<std::string> parameterNames;
        for (const auto& item : model->named_parameters()) parameterNames.insert(item.key());
        QVERIFY(storedNames == parameterNames);
        for (const auto& [alias, tied] : model->tiedAliases()) {
            QVERIFY2(!storedNames.count(alias), alias.c_str());
            QVERIFY2(storedNames.count(tied), tied.c_str());
        }
        QVERIFY((readSafetensorsMetadata((first + "/model.safetensors").toStdString()) ==
                 std::map<std::string, std::string>{{"format", "pt"}}));

        PretrainedModel loaded = loadPretrained(first.toStdString());
        QVERIFY2(loaded.warnings.empty(), qPrintable(joined(loaded.warnings)));
        QCOMPARE(loaded.folder, first.toStdString());
        QVERIFY(!loaded.model->is_training());
        const QString difference = parameterDifference(*model, *loaded.model);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));

        const ModelConfig& back = loaded.model->config();
        QCOMPARE(int(back.architecture), architecture);
        QCOMPARE(back.vocabSize, config.vocabSize);
        QCOMPARE(back.hidden, config.hidden);
        QCOMPARE(back.layers, config.layers);
        QCOMPARE(back.heads, config.heads);
        QCOMPARE(back.intermediate, config.intermediate);
        QCOMPARE(back.maxPositions, config.maxPositions);
        QCOMPARE(back.typeVocabSize, config.typeVocabSize);
        QCOMPARE(back.dropout, config.dropout);
        QCOMPARE(back.attentionDropout, config.attentionDropout);
        QCOMPARE(back.layerNormEps, config.layerNormEps);
        QCOMPARE(back.activation, config.activation);
        QCOMPARE(back.padTokenId, config.padTokenId);
        QCOMPARE(back.tieWordEmbeddings, config.tieWordEmbeddings);
        QCOMPARE(back.initializerRange, config.initializerRange);

        QVERIFY(loaded.tokenizer);
        QCOMPARE(loaded.tokenizer->vocabSize(), tokenizer.vocabSize());
        for (int32_t id = 0; id < tokenizer.vocabSize(); ++id)
            QCOMPARE(loaded.tokenizer->idToToken(id), tokenizer.idToToken(id));
        QCOMPARE(loaded.tokenizer->fingerprint(), tokenizer.fingerprint());

        // Saving what was loaded gives the same bytes, file by file.
        const QString second = folder("round_trip_b");
        savePretrained(second.toStdString(), *loaded.model, *loaded.tokenizer);
        QCOMPARE(QDir(second).entryList(QDir::Files), QDir(first).entryList(QDir::Files));
        for (const QString& name : QDir(first).entryList(QDir::Files)) {
            const QByteArray a = readAll(first + "/" + name);
            QVERIFY2(!a.isEmpty(), qPrintable(name));
            QVERIFY2(a == readAll(second + "/" + name), qPrintable(name + " differs after a second save"));
        }

        // Saving over an existing checkpoint leaves no temporary files behind.
        savePretrained(first.toStdString(), *loaded.model, *loaded.tokenizer);
        QCOMPARE(QDir(first).entryList(QDir::Files), QDir(second).entryList(QDir::Files));
        QVERIFY(readAll(first + "/model.safetensors") == readAll(second + "/model.safetensors"));
    }

    void configJsonHasHuggingFaceKeys_data()
    {
        QTest::addColumn<int>("architecture");
        QTest::newRow("distilbert") << int(Architecture::DistilBert);
        QTest::newRow("bert") << int(Architecture::Bert);
    }

    void configJsonHasHuggingFaceKeys()
    {
        QFETCH(int, architecture);
        const QString dir = saveSmall("config_keys_" + QString::number(architecture), Architecture(architecture));
        const nlohmann::json j = nlohmann::json::parse(readAll(dir + "/config.json").toStdString());
        if (Architecture(architecture) == Architecture::DistilBert) {
            QCOMPARE(j.at("model_type").get<std::string>(), std::string("distilbert"));
            QCOMPARE(j.at("architectures").at(0).get<std::string>(), std::string("DistilBertForMaskedLM"));
            QCOMPARE(j.at("dim").get<int>(), 16);
            QCOMPARE(j.at("n_layers").get<int>(), 2);
            QCOMPARE(j.at("n_heads").get<int>(), 2);
            QCOMPARE(j.at("hidden_dim").get<int>(), 32);
        } else {
            QCOMPARE(j.at("model_type").get<std::string>(), std::string("bert"));
            QCOMPARE(j.at("architectures").at(0).get<std::string>(), std::string("BertForMaskedLM"));
            QCOMPARE(j.at("hidden_size").get<int>(), 16);
            QCOMPARE(j.at("num_hidden_layers").get<int>(), 2);
            QCOMPARE(j.at("num_attention_heads").get<int>(), 2);
            QCOMPARE(j.at("intermediate_size").get<int>(), 32);
        }
        QCOMPARE(j.at("vocab_size").get<int>(), smallTokenizer().vocabSize());
        QCOMPARE(j.at("max_position_embeddings").get<int>(), 24);
        // The keys current transformers writes: dtype (torch_dtype is its deprecated name).
        QCOMPARE(j.at("dtype").get<std::string>(), std::string("float32"));
        QVERIFY(!j.contains("torch_dtype"));
        const nlohmann::json t = nlohmann::json::parse(readAll(dir + "/tokenizer_config.json").toStdString());
        QCOMPARE(t.at("tokenizer_class").get<std::string>(), std::string("BertTokenizer"));
    }

    // Old checkpoints (the hub's bert-base-uncased) name LayerNorm parameters gamma and beta;
    // transformers renames them on load, and so does MaskLab.
    void layerNormGammaAndBetaLoad_data()
    {
        QTest::addColumn<int>("architecture");
        QTest::newRow("distilbert") << int(Architecture::DistilBert);
        QTest::newRow("bert") << int(Architecture::Bert);
    }

    void layerNormGammaAndBetaLoad()
    {
        QFETCH(int, architecture);
        const QString dir = saveSmall("gamma_beta_" + QString::number(architecture), Architecture(architecture));
        const std::string weights = (dir + "/model.safetensors").toStdString();
        const PretrainedModel original = loadPretrained(dir.toStdString());
        TensorList tensors = readSafetensors(weights);
        int renamed = 0;
        for (NamedTensor& t : tensors) {
            const bool norm = t.name.find("LayerNorm.") != std::string::npos || t.name.find("layer_norm.") != std::string::npos;
            if (!norm) continue;
            if (t.name.size() > 7 && t.name.compare(t.name.size() - 7, 7, ".weight") == 0) {
                t.name = t.name.substr(0, t.name.size() - 7) + ".gamma";
                ++renamed;
            } else if (t.name.size() > 5 && t.name.compare(t.name.size() - 5, 5, ".bias") == 0) {
                t.name = t.name.substr(0, t.name.size() - 5) + ".beta";
                ++renamed;
            }
        }
        QVERIFY(renamed >= 6);
        writeSafetensors(weights, tensors);

        PretrainedModel loaded;
        const QString message = errorOf([&] { loaded = loadPretrained(dir.toStdString()); });
        QVERIFY2(message.isEmpty(), qPrintable(message));
        QVERIFY2(loaded.warnings.empty(), qPrintable(joined(loaded.warnings)));
        const QString difference = parameterDifference(*original.model, *loaded.model);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void tiedWeightStoredOnceAndCheckedWhenPresent_data()
    {
        QTest::addColumn<int>("architecture");
        QTest::newRow("distilbert") << int(Architecture::DistilBert);
        QTest::newRow("bert") << int(Architecture::Bert);
    }

    void tiedWeightStoredOnceAndCheckedWhenPresent()
    {
        QFETCH(int, architecture);
        const QString dir = saveSmall("tied_" + QString::number(architecture), Architecture(architecture));
        const std::string weights = (dir + "/model.safetensors").toStdString();
        const PretrainedModel original = loadPretrained(dir.toStdString());
        const auto aliases = original.model->tiedAliases();
        QVERIFY(!aliases.empty());
        QCOMPARE(aliases.front().first, std::string(Architecture(architecture) == Architecture::DistilBert
                                                        ? "vocab_projector.weight"
                                                        : "cls.predictions.decoder.weight"));
        const TensorList clean = readSafetensors(weights);

        // Every alias present and equal to what it is tied to (as Hugging Face saves a .bin).
        TensorList withAliases = clean;
        for (const auto& [alias, tied] : aliases) {
            QVERIFY2(!find(withAliases, alias), alias.c_str());
            withAliases.push_back({alias, find(withAliases, tied)->clone()});
        }
        writeSafetensors(weights, withAliases);
        {
            const PretrainedModel loaded = loadPretrained(dir.toStdString());
            QVERIFY2(loaded.warnings.empty(), qPrintable(joined(loaded.warnings)));
            const QString difference = parameterDifference(*original.model, *loaded.model);
            QVERIFY2(difference.isEmpty(), qPrintable(difference));
        }

        // Each alias that differs is named in a warning, and the tied tensor is what loads.
        for (const auto& [alias, tied] : aliases) {
            TensorList differing = withAliases;
            *find(differing, alias) = *find(differing, alias) + 1;
            writeSafetensors(weights, differing);
            const PretrainedModel loaded = loadPretrained(dir.toStdString());
            QCOMPARE(loaded.warnings.size(), std::size_t(1));
            QVERIFY2(mentions(loaded.warnings, alias), qPrintable(joined(loaded.warnings)));
            const QString difference = parameterDifference(*original.model, *loaded.model);
            QVERIFY2(difference.isEmpty(), qPrintable(difference));
        }
        // A differently shaped alias is a warning too, not a crash.
        TensorList wrongShape = clean;
        wrongShape.push_back({aliases.front().first, torch::zeros({3, 5})});
        writeSafetensors(weights, wrongShape);
        const PretrainedModel loaded = loadPretrained(dir.toStdString());
        QVERIFY2(mentions(loaded.warnings, aliases.front().first), qPrintable(joined(loaded.warnings)));
    }

    void missingTensorIsNamedWithItsShape()
    {
        const QString dir = saveSmall("missing_one", Architecture::DistilBert);
        const std::string weights = (dir + "/model.safetensors").toStdString();
        TensorList tensors = readSafetensors(weights);
        QVERIFY(remove(tensors, "distilbert.transformer.layer.1.ffn.lin2.weight"));
        writeSafetensors(weights, tensors);
        const QString message = errorOf([&] { loadPretrained(dir.toStdString()); });
        VERIFY_MENTIONS(message, QString::fromStdString(weights));
        VERIFY_MENTIONS(message, "missing tensors");
        VERIFY_MENTIONS(message, "distilbert.transformer.layer.1.ffn.lin2.weight [16, 32]");
        VERIFY_MENTIONS(message, "DistilBertForMaskedLM");
        VERIFY_MENTIONS(message, "config.json");  // the fix: check the config belongs to the weights
        // Only the missing one is listed.
        QVERIFY2(!message.contains("lin2.bias"), qPrintable(message));
        QVERIFY2(!message.contains("layer.0.ffn"), qPrintable(message));
    }

    void everyMissingTensorIsListed()
    {
        const QString dir = saveSmall("missing_several", Architecture::Bert);
        const std::string weights = (dir + "/model.safetensors").toStdString();
        TensorList tensors = readSafetensors(weights);
        const std::vector<std::string> removed = {"bert.embeddings.token_type_embeddings.weight",
                                                  "bert.encoder.layer.0.attention.self.key.bias",
                                                  "bert.encoder.layer.1.output.LayerNorm.weight",
                                                  "cls.predictions.bias"};
        const int vocab = smallTokenizer().vocabSize();
        const std::vector<std::string> shapes = {"[2, 16]", "[16]", "[16]", "[" + std::to_string(vocab) + "]"};
        for (const std::string& name : removed) QVERIFY2(remove(tensors, name), name.c_str());
        writeSafetensors(weights, tensors);
        const QString message = errorOf([&] { loadPretrained(dir.toStdString()); });
        VERIFY_MENTIONS(message, QString::fromStdString(weights));
        VERIFY_MENTIONS(message, "BertForMaskedLM");
        for (std::size_t i = 0; i < removed.size(); ++i)
            VERIFY_MENTIONS(message, QString::fromStdString(removed[i] + " " + shapes[i]));

        // A whole layer gone (16 tensors): the list is cut short but says how many there are.
        TensorList noLayer = readSafetensors(weights);
        noLayer.erase(std::remove_if(noLayer.begin(), noLayer.end(),
                                     [](const NamedTensor& t) {
                                         return t.name.rfind("bert.encoder.layer.1.", 0) == 0;
                                     }),
                      noLayer.end());
        // Layer 1 has 16 tensors; one was already removed above. 19 are missing in all, 12 listed.
        QCOMPARE(noLayer.size(), tensors.size() - 15);
        writeSafetensors(weights, noLayer);
        const QString many = errorOf([&] { loadPretrained(dir.toStdString()); });
        VERIFY_MENTIONS(many, "bert.encoder.layer.1.attention.self.query.weight [16, 16]");
        VERIFY_MENTIONS(many, "and 7 more");
    }

    void misshapedTensorIsNamedWithBothShapes()
    {
        const QString dir = saveSmall("misshaped", Architecture::DistilBert);
        const std::string weights = (dir + "/model.safetensors").toStdString();
        TensorList tensors = readSafetensors(weights);
        // vocab_transform is square, so transposing keeps its shape: store it as [8, 32].
        *find(tensors, "vocab_transform.weight") = find(tensors, "vocab_transform.weight")->reshape({8, 32}).clone();
        // lin1 is [32, 16]; transposed it is [16, 32].
        *find(tensors, "distilbert.transformer.layer.0.ffn.lin1.weight") =
            find(tensors, "distilbert.transformer.layer.0.ffn.lin1.weight")->t().contiguous();
        writeSafetensors(weights, tensors);
        const QString message = errorOf([&] { loadPretrained(dir.toStdString()); });
        VERIFY_MENTIONS(message, QString::fromStdString(weights));
        VERIFY_MENTIONS(message, "wrong shape");
        VERIFY_MENTIONS(message, "vocab_transform.weight: checkpoint [8, 32], model [16, 16]");
        VERIFY_MENTIONS(message, "distilbert.transformer.layer.0.ffn.lin1.weight: checkpoint [16, 32], model [32, 16]");
        QVERIFY2(!message.contains("missing tensors"), qPrintable(message));
    }

    void integerTensorIsRejectedByName()
    {
        const QString dir = saveSmall("integer", Architecture::DistilBert);
        const std::string weights = (dir + "/model.safetensors").toStdString();
        TensorList tensors = readSafetensors(weights);
        *find(tensors, "vocab_layer_norm.weight") = torch::ones({16}, torch::kLong);
        writeSafetensors(weights, tensors);
        const QString message = errorOf([&] { loadPretrained(dir.toStdString()); });
        VERIFY_MENTIONS(message, QString::fromStdString(weights));
        VERIFY_MENTIONS(message, "vocab_layer_norm.weight");
        VERIFY_MENTIONS(message, "floating-point");
    }

    void unexpectedTensorsAreWarnings()
    {
        const QString dir = saveSmall("unexpected", Architecture::DistilBert);
        const std::string weights = (dir + "/model.safetensors").toStdString();
        const PretrainedModel original = loadPretrained(dir.toStdString());
        TensorList tensors = readSafetensors(weights);
        tensors.push_back({"distilbert.pooler.dense.weight", torch::randn({16, 16})});
        tensors.push_back({"cls.seq_relationship.weight", torch::randn({2, 16})});
        // Old checkpoints carry the position_ids buffer; Hugging Face ignores it silently.
        tensors.push_back({"distilbert.embeddings.position_ids", torch::arange(24, torch::kLong).unsqueeze(0)});
        writeSafetensors(weights, tensors);

        PretrainedModel loaded;
        const QString message = errorOf([&] { loaded = loadPretrained(dir.toStdString()); });
        QVERIFY2(message.isEmpty(), qPrintable(message));
        QCOMPARE(loaded.warnings.size(), std::size_t(2));
        const QString all = joined(loaded.warnings);
        QVERIFY2(mentions(loaded.warnings, "distilbert.pooler.dense.weight [16, 16]"), qPrintable(all));
        QVERIFY2(mentions(loaded.warnings, "cls.seq_relationship.weight [2, 16]"), qPrintable(all));
        QVERIFY2(mentions(loaded.warnings, weights), qPrintable(all));
        QVERIFY2(!mentions(loaded.warnings, "position_ids"), qPrintable(all));
        const QString difference = parameterDifference(*original.model, *loaded.model);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void vocabularyLargerThanEmbeddings()
    {
        const QString dir = saveSmall("vocab_too_large", Architecture::DistilBert);
        const int vocab = smallTokenizer().vocabSize();
        setConfigField(dir, "vocab_size", vocab - 5);
        const QString message = errorOf([&] { loadPretrained(dir.toStdString()); });
        VERIFY_MENTIONS(message, dir);
        VERIFY_MENTIONS(message, QString("has %1 tokens").arg(vocab));
        VERIFY_MENTIONS(message, QString("have %1 rows").arg(vocab - 5));
        VERIFY_MENTIONS(message, "use the tokenizer the model was trained with");

        // Saving a tokenizer that does not fit is refused too, before anything is written.
        const WordPieceTokenizer larger = smallTokenizer(true, 10);
        MaskedLanguageModel model(smallConfig(Architecture::DistilBert, vocab));
        const QString target = folder("vocab_too_large_save");
        const QString saving = errorOf([&] { savePretrained(target.toStdString(), *model, larger); });
        VERIFY_MENTIONS(saving, QString("has %1 tokens").arg(larger.vocabSize()));
        VERIFY_MENTIONS(saving, QString("have %1 rows").arg(vocab));
        QVERIFY(!QFileInfo::exists(target + "/model.safetensors"));
        QVERIFY(!QFileInfo::exists(target + "/config.json"));

        // Fewer tokens than rows is fine (embeddings padded to a round size).
        MaskedLanguageModel padded(smallConfig(Architecture::DistilBert, vocab + 12));
        const QString roomy = folder("vocab_smaller");
        savePretrained(roomy.toStdString(), *padded, smallTokenizer());
        QCOMPARE(loadPretrained(roomy.toStdString()).model->config().vocabSize, vocab + 12);
    }

    void realBertVocabularyAgainstSmallerEmbeddings()
    {
        const std::unique_ptr<Tokenizer> bert = loadTokenizer(testing::fixture("bert_uncased_tokenizer/vocab.txt"));
        QCOMPARE(bert->vocabSize(), 30522);
        ModelConfig config = smallConfig(Architecture::DistilBert, 30522);
        config.hidden = 4;
        config.heads = 1;
        config.intermediate = 8;
        MaskedLanguageModel model(config);
        const QString dir = folder("bert_vocab");
        savePretrained(dir.toStdString(), *model, *bert);
        const PretrainedModel loaded = loadPretrained(dir.toStdString());
        QCOMPARE(loaded.tokenizer->vocabSize(), 30522);
        QCOMPARE(loaded.tokenizer->fingerprint(), bert->fingerprint());
        QVERIFY(loaded.warnings.empty());

        setConfigField(dir, "vocab_size", 30000);
        const QString message = errorOf([&] { loadPretrained(dir.toStdString()); });
        VERIFY_MENTIONS(message, dir);
        VERIFY_MENTIONS(message, "30522 tokens");
        VERIFY_MENTIONS(message, "30000 rows");
    }

    void tokenizerWithoutMask()
    {
        const QString dir = saveSmall("no_mask", Architecture::DistilBert);
        const WordPieceTokenizer noMask = smallTokenizer(false);
        QCOMPARE(noMask.specialTokens().mask, -1);
        noMask.saveFiles(dir.toStdString());  // replaces the tokenizer files of the folder
        const QString message = errorOf([&] { loadPretrained(dir.toStdString()); });
        VERIFY_MENTIONS(message, dir);
        VERIFY_MENTIONS(message, "[MASK]");

        MaskedLanguageModel model(smallConfig(Architecture::DistilBert, noMask.vocabSize()));
        const QString saving = errorOf([&] { savePretrained(folder("no_mask_save").toStdString(), *model, noMask); });
        VERIFY_MENTIONS(saving, "[MASK]");
    }

    void configJsonErrors()
    {
        const QString dir = saveSmall("config_errors", Architecture::DistilBert);
        const QString path = dir + "/config.json";
        const QByteArray good = readAll(path);
        QVERIFY(!good.isEmpty());
        auto load = [&] { return errorOf([&] { loadPretrained(dir.toStdString()); }); };

        QVERIFY(QFile::remove(path));
        QString message = load();
        VERIFY_MENTIONS(message, path);
        VERIFY_MENTIONS(message, "config.json");

        QVERIFY(writeAll(path, good.left(good.size() / 2)));
        message = load();
        VERIFY_MENTIONS(message, path);
        VERIFY_MENTIONS(message, "not valid JSON");

        QVERIFY(writeAll(path, "[1, 2, 3]"));
        message = load();
        VERIFY_MENTIONS(message, path);
        VERIFY_MENTIONS(message, "not a JSON object");

        QVERIFY(writeAll(path, good));
        setConfigField(dir, "model_type", "gpt2");
        message = load();
        VERIFY_MENTIONS(message, path);
        VERIFY_MENTIONS(message, "\"gpt2\"");
        VERIFY_MENTIONS(message, "DistilBertForMaskedLM");
        VERIFY_MENTIONS(message, "BertForMaskedLM");

        QVERIFY(writeAll(path, good));
        setConfigField(dir, "n_heads", 3);
        message = load();
        VERIFY_MENTIONS(message, path);
        VERIFY_MENTIONS(message, "dim / hidden_size) 16");
        VERIFY_MENTIONS(message, "3 attention heads (n_heads");

        QVERIFY(writeAll(path, good));
        setConfigField(dir, "sinusoidal_pos_embds", true);
        message = load();
        VERIFY_MENTIONS(message, path);
        VERIFY_MENTIONS(message, "sinusoidal_pos_embds");
        VERIFY_MENTIONS(message, "learned position embeddings");

        QVERIFY(writeAll(path, good));
        setConfigField(dir, "dim", "large");
        message = load();
        VERIFY_MENTIONS(message, path);
        VERIFY_MENTIONS(message, "\"dim\"");

        QVERIFY(writeAll(path, good));
        setConfigField(dir, "n_layers", 0);
        message = load();
        VERIFY_MENTIONS(message, path);
        VERIFY_MENTIONS(message, "layers");

        QVERIFY(writeAll(path, good));
        setConfigField(dir, "activation", "swish");
        message = load();
        VERIFY_MENTIONS(message, path);
        VERIFY_MENTIONS(message, "\"swish\"");

        QVERIFY(writeAll(path, good));
        QVERIFY(loadPretrained(dir.toStdString()).warnings.empty());
    }

    void weightsFileErrors()
    {
        const QString dir = saveSmall("weights_errors", Architecture::DistilBert);
        const QString path = dir + "/model.safetensors";
        const QByteArray good = readAll(path);
        QVERIFY(good.size() > 1000);
        auto load = [&] { return errorOf([&] { loadPretrained(dir.toStdString()); }); };

        QVERIFY(QFile::remove(path));
        QString message = load();
        VERIFY_MENTIONS(message, dir);
        VERIFY_MENTIONS(message, "model.safetensors");
        VERIFY_MENTIONS(message, "pytorch_model.bin");

        // Cut inside the data, inside the header, and before the header length ends.
        for (const int size : {int(good.size()) - 100, 200, 5, 0}) {
            QVERIFY(writeAll(path, good.left(size)));
            message = load();
            VERIFY_MENTIONS(message, path);
            VERIFY_MENTIONS(message, "not a valid safetensors file");
        }

        QByteArray garbage;
        for (int i = 0; i < 4096; ++i) garbage.append(char((i * 131 + 7) % 251));
        QVERIFY(writeAll(path, garbage));
        message = load();
        VERIFY_MENTIONS(message, path);
        VERIFY_MENTIONS(message, "not a valid safetensors file");

        QVERIFY(writeAll(path, QByteArray("\x10\0\0\0\0\0\0\0{\"a\":1}         ", 24)));
        message = load();
        VERIFY_MENTIONS(message, path);

        // A folder where the file should be.
        QVERIFY(QFile::remove(path));
        QVERIFY(QDir(dir).mkdir("model.safetensors"));
        message = load();
        VERIFY_MENTIONS(message, path);
        QVERIFY(QDir(dir).rmdir("model.safetensors"));

        QVERIFY(writeAll(path, good));
        QVERIFY(loadPretrained(dir.toStdString()).warnings.empty());
    }

    void halfPrecisionWeightsLoad_data()
    {
        QTest::addColumn<int>("dtype");
        QTest::newRow("F16") << int(torch::kHalf);
        QTest::newRow("BF16") << int(torch::kBFloat16);
    }

    void halfPrecisionWeightsLoad()
    {
        QFETCH(int, dtype);
        const auto type = c10::ScalarType(dtype);
        const QString dir = saveSmall("half_" + QString::number(dtype), Architecture::Bert);
        const std::string weights = (dir + "/model.safetensors").toStdString();
        const PretrainedModel original = loadPretrained(dir.toStdString());
        TensorList tensors = readSafetensors(weights);
        for (NamedTensor& t : tensors) t.tensor = t.tensor.to(type);
        writeSafetensors(weights, tensors);
        for (const NamedTensor& t : readSafetensors(weights)) QVERIFY2(t.tensor.scalar_type() == type, t.name.c_str());

        const PretrainedModel loaded = loadPretrained(dir.toStdString());
        QVERIFY2(loaded.warnings.empty(), qPrintable(joined(loaded.warnings)));
        const auto params = loaded.model->named_parameters();
        bool someRounded = false;
        for (const auto& item : original.model->named_parameters()) {
            const torch::Tensor& got = params[item.key()];
            QVERIFY2(got.scalar_type() == torch::kFloat, item.key().c_str());
            const torch::Tensor rounded = item.value().to(type).to(torch::kFloat);
            QVERIFY2(torch::equal(got, rounded), item.key().c_str());
            someRounded = someRounded || !torch::equal(got, item.value());
        }
        QVERIFY(someRounded);  // the check above could not pass by the file being float32
    }

    void pytorchBinWrittenByPython_data()
    {
        QTest::addColumn<int>("architecture");
        QTest::newRow("distilbert") << int(Architecture::DistilBert);
        QTest::newRow("bert") << int(Architecture::Bert);
    }

    void pytorchBinWrittenByPython()
    {
        QFETCH(int, architecture);
        const QString dir = saveSmall("bin_" + QString::number(architecture), Architecture(architecture));
        const PretrainedModel original = loadPretrained(dir.toStdString());
        nlohmann::json aliases = nlohmann::json::array();
        for (const auto& [alias, tied] : original.model->tiedAliases()) aliases.push_back({alias, tied});

        QProcess python;
        python.start(testing::peerPython(), {"-c", kPythonScript, dir, QString::fromStdString(aliases.dump())});
        QVERIFY2(python.waitForStarted(20000), "cannot start the peer Python: run bash .ci/setup-debian (it sets up the venv)");
        QVERIFY(python.waitForFinished(120000));
        QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0,
                 qPrintable("the Python script failed (is torch installed in the venv of .ci/setup-debian?): " +
                            QString::fromUtf8(python.readAllStandardError())));
        qInfo("pytorch_model.bin written by Python torch %s", python.readAllStandardOutput().trimmed().constData());
        QVERIFY(QFileInfo::exists(dir + "/pytorch_model.bin"));

        // What readPytorchBin sees: every parameter, plus the aliases equal to their tensors.
        const TensorList bin = readPytorchBin((dir + "/pytorch_model.bin").toStdString());
        QCOMPARE(bin.size(), original.model->named_parameters().size() + original.model->tiedAliases().size());

        QVERIFY(QFile::remove(dir + "/model.safetensors"));
        PretrainedModel loaded;
        const QString message = errorOf([&] { loaded = loadPretrained(dir.toStdString()); });
        QVERIFY2(message.isEmpty(), qPrintable(message));
        QVERIFY2(loaded.warnings.empty(), qPrintable(joined(loaded.warnings)));
        const QString difference = parameterDifference(*original.model, *loaded.model);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));

        // Saving it writes model.safetensors; the next load prefers it, with the same values.
        savePretrained(dir.toStdString(), *loaded.model, *loaded.tokenizer);
        const PretrainedModel again = loadPretrained(dir.toStdString());
        const QString second = parameterDifference(*original.model, *again.model);
        QVERIFY2(second.isEmpty(), qPrintable(second));

        // A damaged pytorch_model.bin is named too.
        QVERIFY(QFile::remove(dir + "/model.safetensors"));
        const QString binPath = dir + "/pytorch_model.bin";
        const QByteArray bytes = readAll(binPath);
        QVERIFY(writeAll(binPath, bytes.left(bytes.size() / 2)));
        const QString truncated = errorOf([&] { loadPretrained(dir.toStdString()); });
        VERIFY_MENTIONS(truncated, binPath);
        QVERIFY(writeAll(binPath, "not a zip file at all"));
        const QString garbage = errorOf([&] { loadPretrained(dir.toStdString()); });
        VERIFY_MENTIONS(garbage, binPath);
    }

    void missingFolder()
    {
        const QString missing = m_dir.filePath("no_such_model");
        QString message = errorOf([&] { loadPretrained(missing.toStdString()); });
        VERIFY_MENTIONS(message, missing);
        VERIFY_MENTIONS(message, "not a folder");

        const QString file = m_dir.filePath("a_file");
        QVERIFY(writeAll(file, "x"));
        message = errorOf([&] { loadPretrained(file.toStdString()); });
        VERIFY_MENTIONS(message, file);

        // A folder with config.json and weights but no tokenizer files.
        const QString dir = saveSmall("no_tokenizer", Architecture::DistilBert);
        for (const char* name : {"vocab.txt", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"})
            QVERIFY(QFile::remove(dir + "/" + name));
        message = errorOf([&] { loadPretrained(dir.toStdString()); });
        VERIFY_MENTIONS(message, dir);
        VERIFY_MENTIONS(message, "tokenizer");
    }

private:
    QString folder(const QString& name) const { return m_dir.filePath(name); }

    // A small model of the given architecture with the small tokenizer, saved into a new folder.
    QString saveSmall(const QString& name, Architecture architecture)
    {
        const WordPieceTokenizer tokenizer = smallTokenizer();
        torch::manual_seed(11);
        MaskedLanguageModel model(smallConfig(architecture, tokenizer.vocabSize()));
        {
            torch::NoGradGuard noGrad;
            for (auto& p : model->parameters()) p.add_(torch::randn_like(p) * 0.1);
        }
        const QString dir = folder(name);
        savePretrained(dir.toStdString(), *model, tokenizer);
        return dir;
    }

    // Rewrites one field of a folder's config.json.
    template <typename T>
    static void setConfigField(const QString& dir, const char* key, const T& value)
    {
        const QString path = dir + "/config.json";
        nlohmann::json j = nlohmann::json::parse(readAll(path).toStdString());
        j[key] = value;
        QVERIFY(writeAll(path, QByteArray::fromStdString(j.dump(2))));
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "test_checkpoint.moc"
