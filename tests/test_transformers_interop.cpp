// MaskLab beside Hugging Face transformers itself (tests/peer/transformers_peer.py, in the venv
// of .ci/setup-debian), on what a user moves between the two:
//  - a run's checkpoint loads with AutoModelForMaskedLM and AutoTokenizer without a warning,
//    tied, with MaskLab's logits (1e-5);
//  - fill-mask equals pipeline("fill-mask"): ids, scores within 1e-5, token_str and sequence
//    strings identical, for one mask, two masks and a batch of texts;
//  - decode() equals the tokenizer's decode on IMDb reviews, special tokens skipped and kept,
//    with clean_up_tokenization_spaces off (distilbert's config) and on (bert's);
//  - token masking's shares agree with DataCollatorForLanguageModeling over a million tokens
//    within 0.3 points, neither choosing specials or padding; whole-word groups equal the
//    course's whole_word_masking_data_collator's;
//  - training dynamics: the same small DistilBERT from the same transformers-written weights,
//    trained on the same chunks with the same recipe by the Trainer and by MaskLab, ends within
//    5% of the same perplexity on the same frozen masks, from random initialization and from a
//    pretrained-style start (first trained by the Trainer on general English prose).
#include "masklab/checkpoint.h"
#include "masklab/chunking.h"
#include "masklab/corpus.h"
#include "masklab/dataset_ops.h"
#include "masklab/fill_mask.h"
#include "masklab/masking.h"
#include "masklab/token_store.h"
#include "masklab/tokenizer.h"
#include "masklab/trainer.h"
#include "peer_runner.h"
#include "random_weights.h"
#include "test_support.h"

#include <QtTest>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace masklab;
using namespace masklab::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json readJson(const QString& path)
{
    std::ifstream in(path.toStdString());
    return json::parse(in);
}

void writeJson(const QString& path, const json& value) { std::ofstream(path.toStdString()) << value.dump(); }

// A tokenizer folder: the real bert-base-uncased tokenizer.json with one of the fixtures'
// tokenizer_config.json files (distilbert's says clean_up_tokenization_spaces false, bert's true).
QString tokenizerFolder(const QString& root, const QString& configFrom)
{
    const QString dir = root + "/tokenizer-" + configFrom;
    fs::create_directories(dir.toStdString());
    for (const char* name : {"tokenizer_config.json", "special_tokens_map.json"})
        fs::copy_file(fixture(configFrom.toStdString() + "/" + name), (dir + "/" + name).toStdString(),
                      fs::copy_options::overwrite_existing);
    fs::copy_file(bertTokenizerJson(), (dir + "/tokenizer.json").toStdString(), fs::copy_options::overwrite_existing);
    return dir;
}

std::vector<std::string> sampleReviews(std::size_t count)
{
    std::ifstream in(fixture("imdb/imdb_sample_1000.jsonl"));
    std::vector<std::string> texts;
    std::string line;
    while (texts.size() < count && std::getline(in, line)) texts.push_back(json::parse(line).at("text").get<std::string>());
    return texts;
}

// Chunks of the IMDb sample (train and unsup), the course's group_texts; Pad keeps each group's
// tail, so some chunks end in padding.
ChunkSet sampleChunks(const Tokenizer& tokenizer, std::size_t maxChunks, const std::vector<Document>& first = {})
{
    CorpusOptions options;
    Corpus corpus = readCorpus(fixture("imdb/aclImdb_sample"), options);
    corpus.documents.insert(corpus.documents.begin(), first.begin(), first.end());
    options.split = "unsup";
    const Corpus unsup = readCorpus(fixture("imdb/aclImdb_sample"), options);
    corpus.documents.insert(corpus.documents.end(), unsup.documents.begin(), unsup.documents.end());
    const TokenStore store = TokenStore::build(tokenizer, corpus.documents);
    ChunkOptions chunking;
    chunking.tail = TailPolicy::Pad;
    ChunkSet chunks = groupTexts(store, chunking, tokenizer.specialTokens().pad);
    const std::size_t keep = std::min(maxChunks, chunks.size()) * static_cast<std::size_t>(chunks.chunkSize);
    chunks.ids.resize(keep);
    chunks.wordIds.resize(keep);
    chunks.attention.resize(keep);
    return chunks;
}

// Chunks of 64 tokens of a JSONL corpus, as MaskLab's trainer makes them (groups of 1,000,
// the tail dropped).
ChunkSet corpusChunks(const Tokenizer& tokenizer, const std::string& jsonl)
{
    const Corpus corpus = readCorpus(jsonl, CorpusOptions{});
    ChunkOptions chunking;
    chunking.chunkSize = 64;
    return groupTexts(TokenStore::build(tokenizer, corpus.documents), chunking, tokenizer.specialTokens().pad);
}

std::vector<std::vector<int32_t>> rowsOf(const ChunkSet& chunks, const std::vector<std::size_t>& indices)
{
    std::vector<std::vector<int32_t>> rows;
    const auto n = static_cast<std::size_t>(chunks.chunkSize);
    for (std::size_t c : indices) rows.emplace_back(chunks.chunkIds(c), chunks.chunkIds(c) + n);
    return rows;
}

json chunkRows(const ChunkSet& chunks, bool withWordIds)
{
    json ids = json::array(), attention = json::array(), words = json::array();
    const auto n = static_cast<std::size_t>(chunks.chunkSize);
    for (std::size_t c = 0; c < chunks.size(); ++c) {
        ids.push_back(std::vector<int32_t>(chunks.chunkIds(c), chunks.chunkIds(c) + n));
        attention.push_back(std::vector<int>(chunks.chunkAttention(c), chunks.chunkAttention(c) + n));
        if (withWordIds) words.push_back(std::vector<int32_t>(chunks.chunkWordIds(c), chunks.chunkWordIds(c) + n));
    }
    json out{{"input_ids", ids}, {"attention_mask", attention}};
    if (withWordIds) out["word_ids"] = words;
    return out;
}

}  // namespace

class TestTransformersInterop final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // What transformers computes for a folder: logits of the fixed ids, and its warnings.
    json peerLogits(const QString& folder, const std::vector<std::vector<int64_t>>& ids)
    {
        const QString request = m_dir.filePath("request.json"), answer = m_dir.filePath("answer.json");
        writeJson(request, json{{"input_ids", ids}});
        const QString error = runPeerScript("transformers_peer.py", {"logits", folder, request, answer});
        if (!error.isEmpty()) qFatal("%s", qPrintable(error));
        return readJson(answer);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void runCheckpointLoadsInTransformers()
    {
        TrainingConfig c;
        c.fromScratch = "tiny";
        c.tokenizer = bertTokenizerJson();
        c.corpus = fixture("imdb/imdb_sample_1000.jsonl");
        c.chunkSize = 64;
        c.trainSize = 64;
        c.testSize = 16;
        c.batchSize = 16;
        c.epochs = 1;
        c.learningRate = 1e-3;
        c.threads = 2;
        c.device = "cpu";
        c.outputDir = m_dir.filePath("run").toStdString();
        const RunResult run = train(c);
        QVERIFY(run.completed);
        const QString folder = QString::fromStdString(run.lastCheckpoint);

        const std::vector<std::vector<int64_t>> ids{{101, 2023, 2003, 1037, 2307, 103, 1012, 102}};
        const json peer = peerLogits(folder, ids);
        QVERIFY2(peer.at("warnings").empty(), qPrintable("transformers warned:\n" + QString::fromStdString(peer.at("warnings").dump(1))));
        QVERIFY2(peer.at("tied").get<bool>(), "transformers did not tie the projector to the word embeddings");
        QCOMPARE(QString::fromStdString(peer.at("architecture").get<std::string>()), QString("DistilBertForMaskedLM"));
        QVERIFY2(!peer.at("tokenizer").is_null(), "AutoTokenizer found no tokenizer in the checkpoint");

        PretrainedModel ours = loadPretrained(folder.toStdString());
        ours.model->eval();
        torch::NoGradGuard noGrad;
        const torch::Tensor input = torch::tensor(ids[0], torch::kLong).unsqueeze(0);
        const torch::Tensor logits = ours.model->head(ours.model->encode(input)).to(torch::kDouble);
        std::vector<double> flat;
        for (const json& position : peer.at("logits")[0])
            for (const json& v : position) flat.push_back(v.get<double>());
        const torch::Tensor theirs = torch::tensor(flat, torch::kDouble).reshape(logits.sizes());
        const double diff = (logits - theirs).abs().max().item<double>();
        qInfo("checkpoint of a %lld-step run: logits max |diff| %.3g", static_cast<long long>(run.steps), diff);
        QVERIFY2(diff <= 1e-5, qPrintable(QString("logits differ by %1 (tolerance 1e-5)").arg(diff)));
    }

    void fillMaskEqualsThePipeline()
    {
        // A model whose logits are a few units wide, so the top 5 are far apart.
        const auto tokenizer = loadTokenizer(bertTokenizerJson());
        ModelConfig config = ModelConfig::preset("tiny", tokenizer->vocabSize());
        MaskedLanguageModel model(config);
        randomizeWeights(*model, 11);
        const QString folder = m_dir.filePath("fill-mask-model");
        savePretrained(folder.toStdString(), *model, *tokenizer);

        const std::vector<std::string> texts{"This is a great [MASK].", "The [MASK] was [MASK] good, wasn't it?",
                                             "I watched it twice and the ending made me [MASK].",
                                             "[MASK] movie ever!", "A long, slow and [MASK] film that nobody liked."};
        const QString request = m_dir.filePath("texts.json"), answer = m_dir.filePath("pipeline.json");
        writeJson(request, texts);
        const QString error = runPeerScript("transformers_peer.py", {"fill-mask", folder, request, answer, "--top-k", "5"});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const json peer = readJson(answer);
        QVERIFY2(peer.at("warnings").empty(), qPrintable(QString::fromStdString(peer.at("warnings").dump(1))));

        PretrainedModel loaded = loadPretrained(folder.toStdString());
        const std::vector<FillMaskResult> batch = fillMask(*loaded.model, *loaded.tokenizer, texts, 5, 3);
        QCOMPARE(batch.size(), texts.size());
        double worst = 0;
        for (std::size_t t = 0; t < texts.size(); ++t) {
            // One text alone gives what the batch gave.
            const FillMaskResult single = fillMask(*loaded.model, *loaded.tokenizer, texts[t], 5);
            const json& theirs = peer.at("results")[t];
            QCOMPARE(batch[t].size(), theirs.size());
            QCOMPARE(single.size(), theirs.size());
            for (std::size_t m = 0; m < theirs.size(); ++m) {
                QCOMPARE(batch[t][m].size(), theirs[m].size());
                for (std::size_t k = 0; k < theirs[m].size(); ++k) {
                    const FillMaskPrediction& ours = batch[t][m][k];
                    const json& p = theirs[m][k];
                    const QString where = QString("text %1, mask %2, rank %3").arg(t).arg(m).arg(k);
                    QVERIFY2(ours.token == p.at("token").get<int32_t>(), qPrintable(where + ": token id differs"));
                    QVERIFY2(single[m][k].token == ours.token, qPrintable(where + ": one text alone differs"));
                    const double diff = std::abs(ours.score - p.at("score").get<double>());
                    worst = std::max(worst, diff);
                    QVERIFY2(diff <= 1e-5, qPrintable(where + QString(": score differs by %1").arg(diff)));
                    QCOMPARE(QString::fromStdString(ours.tokenStr), QString::fromStdString(p.at("token_str").get<std::string>()));
                    QCOMPARE(QString::fromStdString(ours.sequence), QString::fromStdString(p.at("sequence").get<std::string>()));
                }
            }
        }
        qInfo("fill-mask: %zu texts, ids, token_str and sequences identical, scores within %.2g",
              texts.size(), worst);
    }

    void decodeEqualsTransformers_data()
    {
        QTest::addColumn<QString>("configFrom");
        QTest::newRow("distilbert config (clean-up off)") << "distilbert-base-uncased";
        QTest::newRow("bert config (clean-up on)") << "bert-base-uncased";
    }

    void decodeEqualsTransformers()
    {
        QFETCH(QString, configFrom);
        const QString folder = tokenizerFolder(m_dir.path(), configFrom);
        const auto tokenizer = loadTokenizer(folder.toStdString());
        std::vector<std::string> texts = sampleReviews(200);
        texts.push_back("This is a great deal.");
        texts.push_back("It's what I'm saying: don't, won't, we've, you're... OK?! \"Quoted\" (and) 'single' [MASK]");
        json idLists = json::array();
        for (const std::string& t : texts) idLists.push_back(tokenizer->encode(t, true).ids);
        const QString request = m_dir.filePath("decode-ids.json"), answer = m_dir.filePath("decoded.json");
        writeJson(request, idLists);
        const QString error = runPeerScript("transformers_peer.py", {"decode", folder, request, answer});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const json peer = readJson(answer);
        QVERIFY2(peer.at("warnings").empty(), qPrintable(QString::fromStdString(peer.at("warnings").dump(1))));
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const std::vector<int32_t> ids = idLists[i].get<std::vector<int32_t>>();
            QCOMPARE(QString::fromStdString(tokenizer->decode(ids, false)),
                     QString::fromStdString(peer.at("kept")[i].get<std::string>()));
            QCOMPARE(QString::fromStdString(tokenizer->decode(ids, true)),
                     QString::fromStdString(peer.at("skipped")[i].get<std::string>()));
        }
        // The WordPiece decoder's own clean-up holds with either config.
        QCOMPARE(QString::fromStdString(tokenizer->decode(idLists[200].get<std::vector<int32_t>>(), true)),
                 QString("this is a great deal."));
    }

    void tokenMaskingAgreesWithTheCollator()
    {
        const QString folder = tokenizerFolder(m_dir.path(), "distilbert-base-uncased");
        const auto tokenizer = loadTokenizer(folder.toStdString());
        const ChunkSet chunks = sampleChunks(*tokenizer, 8000);
        QVERIFY2(chunks.ids.size() >= 1'000'000, "fewer than a million tokens");
        std::size_t padding = 0;
        for (uint8_t a : chunks.attention) padding += a == 0;
        QVERIFY2(padding > 0, "no padded chunk: padding would go untested");

        const QString request = m_dir.filePath("chunks.json"), answer = m_dir.filePath("collator.json");
        writeJson(request, chunkRows(chunks, false));
        const QString error = runPeerScript("transformers_peer.py", {"collator", folder, request, answer, "--seed", "7"});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const json peer = readJson(answer);

        const MaskingVocabulary vocabulary = maskingVocabularyFor(*tokenizer);
        MaskingOptions options;  // 0.15, 80/10/10, as the collator
        options.seed = 7;
        const std::vector<MaskedChunk> masked = maskAll(chunks, options, vocabulary);
        MaskingStats ours;
        std::size_t specialOrPaddingChosen = 0;
        for (std::size_t c = 0; c < masked.size(); ++c) {
            ours.add(masked[c], chunks.chunkIds(c), vocabulary);
            for (std::size_t i = 0; i < masked[c].labels.size(); ++i) {
                if (masked[c].labels[i] == kIgnoreLabel) continue;
                const std::size_t at = c * static_cast<std::size_t>(chunks.chunkSize) + i;
                if (chunks.attention[at] == 0 || vocabulary.isSpecial(chunks.ids[at])) ++specialOrPaddingChosen;
            }
        }
        QCOMPARE(specialOrPaddingChosen, std::size_t(0));
        QCOMPARE(peer.at("special_chosen").get<std::size_t>(), std::size_t(0));
        QCOMPARE(peer.at("padding_chosen").get<std::size_t>(), std::size_t(0));
        QCOMPARE(ours.eligibleTokens, peer.at("eligible").get<std::size_t>());

        const double theirChosen = peer.at("chosen").get<double>();
        const struct {
            const char* what;
            double ours, theirs;
        } shares[] = {
            {"chosen", ours.chosenShare(), theirChosen / peer.at("eligible").get<double>()},
            {"[MASK]", ours.maskedShare(), peer.at("masked").get<double>() / theirChosen},
            {"random", ours.randomShare(), peer.at("random").get<double>() / theirChosen},
            {"kept", ours.keptShare(), peer.at("kept").get<double>() / theirChosen},
        };
        for (const auto& s : shares) {
            qInfo("%-7s MaskLab %.3f%%, DataCollatorForLanguageModeling %.3f%%", s.what, 100 * s.ours, 100 * s.theirs);
            QVERIFY2(std::abs(s.ours - s.theirs) <= 0.003,
                     qPrintable(QString("%1 share differs by more than 0.3 points").arg(s.what)));
        }
    }

    void wholeWordGroupsAreTheCourses()
    {
        const auto tokenizer = loadTokenizer(bertTokenizerJson());
        // IMDb's text has almost no [UNK] under this vocabulary: two reviews with symbols it
        // lacks come first.
        std::vector<Document> unknown(2);
        unknown[0].text = "Loved it \u2603 and the \U0001F3AC ending, \u2603\u2603 twice!";
        unknown[1].text = "\U0001F37F\U0001F37F popcorn movie, \u2603 five stars";
        const ChunkSet chunks = sampleChunks(*tokenizer, 3000, unknown);
        const QString request = m_dir.filePath("wwm-chunks.json"), answer = m_dir.filePath("wwm-groups.json");
        writeJson(request, chunkRows(chunks, true));
        const QString error = runPeerScript("transformers_peer.py", {"wwm-groups", request, answer});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const json peer = readJson(answer).at("groups");
        QCOMPARE(peer.size(), chunks.size());

        const int32_t unk = tokenizer->tokenToId("[UNK]");
        std::size_t words = 0, unknownWords = 0, seamMerges = 0;
        for (std::size_t c = 0; c < chunks.size(); ++c) {
            const std::vector<WordSpan> ours =
                wholeWordGroups(chunks.chunkWordIds(c), chunks.chunkAttention(c), static_cast<std::size_t>(chunks.chunkSize));
            // The course's groups, with the ones its loop merges across a seam split back where
            // a token without a word id ([SEP] [CLS]) interrupts them: MaskLab's one deviation.
            std::vector<std::vector<std::size_t>> theirs;
            for (const json& group : peer[c]) {
                std::vector<std::size_t> run;
                std::size_t previous = 0;
                for (const json& index : group) {
                    const auto i = index.get<std::size_t>();
                    if (!run.empty() && i != previous + 1) {
                        theirs.push_back(run);
                        run.clear();
                        ++seamMerges;
                    }
                    run.push_back(i);
                    previous = i;
                }
                theirs.push_back(run);
            }
            QCOMPARE(ours.size(), theirs.size());
            for (std::size_t w = 0; w < ours.size(); ++w) {
                QCOMPARE(ours[w].begin, theirs[w].front());
                QCOMPARE(ours[w].end, theirs[w].back() + 1);
                for (std::size_t i = ours[w].begin; i < ours[w].end; ++i)
                    if (chunks.chunkIds(c)[i] == unk) {
                        ++unknownWords;
                        break;
                    }
            }
            words += ours.size();
        }
        qInfo("%zu chunks: %zu words equal to the course's groups (%zu with [UNK]); %zu course groups span a seam",
              chunks.size(), words, unknownWords, seamMerges);
        QVERIFY2(unknownWords > 0, "no [UNK] word in the sample: the [UNK] case went untested");
    }

    void trainingDynamicsMatchTheTrainer_data()
    {
        QTest::addColumn<bool>("pretrainedStart");
        QTest::addColumn<double>("learningRate");
        QTest::newRow("random initialization") << false << 1e-3;
        QTest::newRow("pretrained-style start") << true << 3e-4;
    }

    void trainingDynamicsMatchTheTrainer()
    {
        QFETCH(bool, pretrainedStart);
        QFETCH(double, learningRate);
        const QString tag = pretrainedStart ? "pretrained" : "random";
        QString start = m_dir.filePath("dynamics-init-" + tag);
        QString error = runPeerScript("transformers_peer.py",
                                      {"random-model", start, "--arch", "distilbert", "--shape", "small", "--seed", "5",
                                       "--vocab", QString::fromStdString(fixture("bert_uncased_tokenizer/vocab.txt"))});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto tokenizer = loadTokenizer(start.toStdString());

        auto recipe = [&](const ChunkSet& chunks, const SplitIndices& split, double rate, const std::vector<MaskedChunk>& eval) {
            json evalIds = json::array(), evalLabels = json::array();
            for (const MaskedChunk& m : eval) {
                evalIds.push_back(m.inputIds);
                evalLabels.push_back(m.labels);
            }
            return json{{"train_ids", rowsOf(chunks, split.train)}, {"eval_input_ids", evalIds}, {"eval_labels", evalLabels},
                        {"learning_rate", rate}, {"weight_decay", 0.01}, {"warmup_steps", 0}, {"epochs", 2},
                        {"batch_size", 16}, {"eval_batch_size", 64}, {"max_grad_norm", 1.0}, {"mlm_probability", 0.15},
                        {"seed", 42}};
        };
        const MaskingVocabulary vocabulary = maskingVocabularyFor(*tokenizer);
        TrainingConfig c;
        auto frozenMasks = [&](const ChunkSet& chunks, const SplitIndices& split) {
            std::vector<MaskedChunk> masks;
            for (std::size_t i = 0; i < split.test.size(); ++i)
                masks.push_back(maskChunk(chunks.chunkIds(split.test[i]), chunks.chunkWordIds(split.test[i]),
                                          chunks.chunkAttention(split.test[i]), 64, c.masking(c.evalMaskSeed), vocabulary, i));
            return masks;
        };

        if (pretrainedStart) {
            // General English first, by the Trainer: the model then knows the language.
            const ChunkSet prose = corpusChunks(*tokenizer, fixture("general/gutenberg_prose.jsonl"));
            const SplitIndices split = trainTestSplit(prose.size(), {2048, 64}, 1);
            const QString request = m_dir.filePath("prose-run.json"), answer = m_dir.filePath("prose-result.json");
            writeJson(request, recipe(prose, split, 1e-3, frozenMasks(prose, split)));
            const QString pretrained = m_dir.filePath("dynamics-pretrained");
            error = runPeerScript("trainer_run.py", {start, request, answer, "--save", pretrained});
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const json prosed = readJson(answer);
            qInfo("pretrained-style start: the Trainer took prose perplexity from %.0f to %.0f",
                  prosed.at("perplexity_before").get<double>(), prosed.at("perplexity_after").get<double>());
            start = pretrained;
        }

        // The domain: IMDb reviews, the same chunks, split and frozen masks MaskLab's run makes.
        c.model = start.toStdString();
        c.corpus = fixture("imdb/imdb_sample_1000.jsonl");
        c.chunkSize = 64;
        c.trainSize = 1024;
        c.testSize = 128;
        c.batchSize = 16;
        c.epochs = 2;
        c.learningRate = learningRate;
        c.warmupSteps = 0;
        c.evalBatchSize = 64;
        c.threads = 2;
        c.device = "cpu";
        c.precision = "fp32";
        c.outputDir = m_dir.filePath("dynamics-run-" + tag).toStdString();
        const ChunkSet chunks = corpusChunks(*tokenizer, c.corpus);
        const SplitIndices split = trainTestSplit(chunks.size(), {c.trainSize, c.testSize}, c.splitSeed);
        const QString request = m_dir.filePath("imdb-run.json"), answer = m_dir.filePath("imdb-result.json");
        writeJson(request, recipe(chunks, split, learningRate, frozenMasks(chunks, split)));
        error = runPeerScript("trainer_run.py", {start, request, answer});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const json theirs = readJson(answer);

        std::vector<EvalEvent> evals;
        TrainerCallbacks cb;
        cb.onEval = [&](const EvalEvent& e) { evals.push_back(e); };
        const RunResult ours = train(c, cb);
        QVERIFY(ours.completed);
        QCOMPARE(ours.steps, theirs.at("steps").get<int64_t>());
        const double before = theirs.at("perplexity_before").get<double>(), after = theirs.at("perplexity_after").get<double>();
        qInfo("%s: perplexity %.2f -> %.2f in MaskLab, %.2f -> %.2f with the Trainer (%lld steps); %+.2f%%",
              qPrintable(tag), evals.front().perplexity, ours.finalPerplexity, before, after,
              static_cast<long long>(ours.steps), 100 * (ours.finalPerplexity / after - 1));
        // The same weights on the same masks before training: only rounding apart.
        QVERIFY2(std::abs(evals.front().perplexity / before - 1) < 1e-4, "the starting perplexities differ");
        QVERIFY2(after < 0.8 * before, "the Trainer's run learned nothing: the comparison would say nothing");
        QVERIFY2(std::abs(ours.finalPerplexity / after - 1) <= 0.05,
                 qPrintable(QString("MaskLab ends at %1, the Trainer at %2: more than 5% apart")
                                .arg(ours.finalPerplexity).arg(after)));
    }

    void wholeWordMaskingCanChooseUnknownWords()
    {
        // A word of one [UNK] is a word like any other (the course's collator masks it).
        const auto tokenizer = loadTokenizer(bertTokenizerJson());
        const int32_t unk = tokenizer->tokenToId("[UNK]");
        const std::vector<int32_t> ids{101, unk, unk, 2023, 102};
        const std::vector<int32_t> wordIds{-1, 0, 1, 2, -1};
        const MaskingVocabulary vocabulary = maskingVocabularyFor(*tokenizer);
        MaskingOptions options;
        options.wholeWord = true;
        options.wwmProbability = 1.0;
        const MaskedChunk masked = maskChunk(ids.data(), wordIds.data(), nullptr, ids.size(), options, vocabulary, 0);
        QCOMPARE(masked.labels, (std::vector<int32_t>{kIgnoreLabel, unk, unk, 2023, kIgnoreLabel}));
    }
};

QTEST_GUILESS_MAIN(TestTransformersInterop)
#include "test_transformers_interop.moc"
