// masklab-cli's contract, run as a separate process the way other programs use it: the JSON
// each subcommand prints, the counts checked against the golden figures, the masks, and the
// error line ("masklab-cli: ..." on stderr, non-zero exit) for bad input.
#include "test_support.h"

#include "masklab/training_config.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <string>
#include <vector>

using json = nlohmann::json;
using namespace masklab::testing;

namespace {

constexpr int kTimeoutMs = 300000;   // a whole-split run takes about a second; leave room for sanitizers
constexpr int kChunkSize = 128;      // the course's chunk size, also the CLI's default
constexpr int kMaskId = 103;         // [MASK] in bert-base-uncased
constexpr int kIgnoreLabel = -100;   // label of positions the loss ignores
constexpr int kVocabSize = 30522;    // bert-base-uncased
constexpr long long kSampleTrainDocuments = 2506;  // aclImdb_sample train/pos 1,251 + train/neg 1,255

// What one run of masklab-cli gave back.
struct CliRun {
    bool finished = false;  // started, ended by itself (no crash, no time-out)
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString command;        // for failure messages

    // stdout's lines in order, without the empty one after the last newline.
    QList<QByteArray> lines() const
    {
        QList<QByteArray> result = out.split('\n');
        while (!result.isEmpty() && result.last().isEmpty()) result.removeLast();
        return result;
    }

    // "masklab-cli tokenize ... -> exit 1, stderr: ..." to explain a failed check.
    QByteArray describe() const
    {
        return (command + QStringLiteral(" -> ") +
                (finished ? QStringLiteral("exit %1").arg(exitCode) : QStringLiteral("did not finish")) +
                QStringLiteral(", stderr: ") + QString::fromUtf8(err.left(2000)))
            .toUtf8();
    }
};

}  // namespace

class TestCli final : public QObject {
    Q_OBJECT

private:
    // Runs masklab-cli with the arguments; the cache defaults point into the temporary folder
    // so a run that forgets --cache-dir still writes nothing into the user's cache.
    CliRun run(const QStringList& arguments, const QString& cacheDir = {}, const QString& program = {}) const
    {
        CliRun result;
        result.command = QStringLiteral("masklab-cli ") + arguments.join(QLatin1Char(' '));
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("MASKLAB_CACHE_DIR"), cacheDir.isEmpty() ? m_defaultCache : cacheDir);
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), m_defaultCache);
        process.setProcessEnvironment(environment);
        process.start(program.isEmpty() ? m_cli : program, arguments);
        if (!process.waitForStarted(kTimeoutMs)) {
            result.err = process.errorString().toUtf8();
            return result;
        }
        process.closeWriteChannel();
        if (!process.waitForFinished(kTimeoutMs)) {
            process.kill();
            process.waitForFinished();
            result.err = "timed out; " + process.readAllStandardError();
            return result;
        }
        result.finished = process.exitStatus() == QProcess::NormalExit;
        result.exitCode = process.exitCode();
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

    QString tokenizerPath() const { return QString::fromStdString(bertTokenizerJson()); }
    QString sampleFolder() const { return QString::fromStdString(fixture("imdb/aclImdb_sample")); }
    QString sampleJsonl() const { return QString::fromStdString(fixture("imdb/imdb_sample_1000.jsonl")); }
    QString temp(const QString& name) const { return m_temp.filePath(name); }

    // The common start of a chunk or mask run on the sample's train split, cached in the
    // temporary folder.
    QStringList onSampleTrain(const QString& command) const
    {
        return {command, QStringLiteral("--tokenizer"), tokenizerPath(), QStringLiteral("--input"), sampleFolder(),
                QStringLiteral("--split"), QStringLiteral("train"), QStringLiteral("--chunk-size"),
                QString::number(kChunkSize), QStringLiteral("--cache-dir"), temp(QStringLiteral("cache"))};
    }

    static void writeFile(const QString& path, const QByteArray& bytes)
    {
        QFile file(path);
        QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
        QCOMPARE(file.write(bytes), qint64(bytes.size()));
    }

private slots:
    void initTestCase()
    {
        m_cli = qEnvironmentVariable("MASKLAB_CLI");
        QVERIFY2(!m_cli.isEmpty(),
                 "MASKLAB_CLI is not set: run through ctest, or set it to the masklab-cli binary");
        QVERIFY2(QFileInfo(m_cli).isExecutable(),
                 qPrintable(QStringLiteral("MASKLAB_CLI=%1 is not an executable").arg(m_cli)));
        QVERIFY2(m_temp.isValid(), qPrintable(m_temp.errorString()));
        m_defaultCache = temp(QStringLiteral("default-cache"));
        QVERIFY(QFileInfo::exists(tokenizerPath()));

        // Bad inputs for the error tests.
        writeFile(temp(QStringLiteral("empty.jsonl")), QByteArray());
        writeFile(temp(QStringLiteral("latin1.txt")), QByteArray("a caf\xe9 review\n"));
        writeFile(temp(QStringLiteral("latin1.jsonl")), QByteArray("{\"text\":\"a caf\xe9 review\"}\n"));
    }

    void cleanupTestCase()
    {
        // Every run gave --cache-dir or --no-cache (or wrote no cache): the default stays unused.
        QVERIFY2(!QFileInfo::exists(m_defaultCache) || QDir(m_defaultCache).isEmpty(),
                 "a run wrote into the default cache folder");
    }

    // ---- tokenize -------------------------------------------------------------------------

    void tokenizeCourseSentence()
    {
        const CliRun r = run({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), tokenizerPath(),
                              QStringLiteral("--text"), QStringLiteral("This is a great [MASK].")});
        QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
        QVERIFY2(r.err.isEmpty(), r.describe().constData());
        const auto lines = r.lines();
        QCOMPARE(lines.size(), 1);
        const json line = json::parse(lines[0].toStdString());
        const json expected = json::parse(
            R"({"input_ids":[101,2023,2003,1037,2307,103,1012,102],"word_ids":[null,0,1,2,3,4,5,null]})");
        QCOMPARE(line.dump(), expected.dump());
        QVERIFY(line["word_ids"].front().is_null());
        QVERIFY(line["word_ids"].back().is_null());
        QCOMPARE(line["word_ids"][1].get<int>(), 0);
    }

    void tokenizeGoldenExamples()
    {
        // HF's tokenizers (JS port) on ten strings: prompts, accents, <br />, CJK and emoji.
        std::ifstream in(fixture("golden/tokenization_examples.bert-base-uncased.json"));
        const json examples = json::parse(in);
        QVERIFY(examples.size() >= 10);
        for (const json& example : examples) {
            const QString text = QString::fromStdString(example["text"].get<std::string>());
            const CliRun r = run({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), tokenizerPath(),
                                  QStringLiteral("--text"), text});
            QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
            const auto lines = r.lines();
            QCOMPARE(lines.size(), 1);
            const json line = json::parse(lines[0].toStdString());
            QVERIFY2(line["input_ids"] == example["input_ids"], qPrintable(text));
            QCOMPARE(line["word_ids"].size(), line["input_ids"].size());
        }
    }

    void tokenizeJsonlMatchesGolden()
    {
        const CliRun r = run({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), tokenizerPath(),
                              QStringLiteral("--input"), sampleJsonl()});
        QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
        const auto lines = r.lines();
        QCOMPARE(lines.size(), 1000);

        std::ifstream golden(fixture("golden/imdb_sample_1000.bert-base-uncased.input_ids.jsonl"));
        QVERIFY(golden.good());
        std::string goldenLine;
        int row = 0;
        while (std::getline(golden, goldenLine)) {
            if (goldenLine.empty()) continue;
            QVERIFY2(row < lines.size(), "the golden file has more rows than the CLI printed");
            const json expected = json::parse(goldenLine);
            const json actual = json::parse(lines[row].toStdString());
            QVERIFY2(actual["input_ids"] == expected["input_ids"],
                     qPrintable(QStringLiteral("row %1 (%2) differs from the golden ids")
                                    .arg(row)
                                    .arg(QString::fromStdString(expected["file"].get<std::string>()))));
            QCOMPARE(actual["input_ids"].size(), expected["n_tokens"].get<std::size_t>());
            QCOMPARE(actual["word_ids"].size(), actual["input_ids"].size());
            QVERIFY(actual["word_ids"].front().is_null());
            QVERIFY(actual["word_ids"].back().is_null());
            ++row;
        }
        QCOMPARE(row, 1000);
    }

    void tokenizeWrongFieldNamesIt()
    {
        const CliRun r = run({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), tokenizerPath(),
                              QStringLiteral("--input"), sampleJsonl(), QStringLiteral("--field"),
                              QStringLiteral("no_such_field")});
        QVERIFY2(r.finished && r.exitCode != 0, r.describe().constData());
        QVERIFY2(r.out.isEmpty(), r.describe().constData());
        checkOneErrorLine(r, QStringLiteral("no_such_field"));
    }

    void tokenizeCsvWithCustomColumn()
    {
        const QString csv = temp(QStringLiteral("reviews.csv"));
        writeFile(csv, "id,review,label\n"
                       "1,\"Hello, world\",pos\n"
                       "2,\"A great [MASK].\",neg\n"
                       "3,\"She said \"\"wow\"\" twice\",pos\n");
        const CliRun r = run({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), tokenizerPath(),
                              QStringLiteral("--input"), csv, QStringLiteral("--field"), QStringLiteral("review")});
        QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
        const auto lines = r.lines();
        QCOMPARE(lines.size(), 3);
        // Each row tokenizes as its text given on its own, in file order.
        const QStringList texts{QStringLiteral("Hello, world"), QStringLiteral("A great [MASK]."),
                                QStringLiteral("She said \"wow\" twice")};
        for (int i = 0; i < texts.size(); ++i) {
            const CliRun single = run({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), tokenizerPath(),
                                       QStringLiteral("--text"), texts[i]});
            QVERIFY2(single.finished && single.exitCode == 0, single.describe().constData());
            QCOMPARE(json::parse(lines[i].toStdString()).dump(), json::parse(single.lines().value(0).toStdString()).dump());
        }
        QCOMPARE(json::parse(lines[1].toStdString())["input_ids"].dump(), std::string("[101,1037,2307,103,1012,102]"));

        // Without --field the default column "text" is missing: the message names it.
        const CliRun noField = run({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), tokenizerPath(),
                                    QStringLiteral("--input"), csv});
        QVERIFY2(noField.finished && noField.exitCode != 0, noField.describe().constData());
        checkOneErrorLine(noField, QStringLiteral("\"text\""));
    }

    // ---- chunk ----------------------------------------------------------------------------

    void chunkSampleTrainCounts()
    {
        const json counts = chunkCounts(onSampleTrain(QStringLiteral("chunk")));
        QCOMPARE(counts["documents"].get<long long>(), kSampleTrainDocuments);

        // tokens: the sum of what tokenize prints for the same split...
        const CliRun tok = run({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), tokenizerPath(),
                                QStringLiteral("--input"), sampleFolder(), QStringLiteral("--split"),
                                QStringLiteral("train")});
        QVERIFY2(tok.finished && tok.exitCode == 0, tok.describe().constData());
        const auto lines = tok.lines();
        QCOMPARE(lines.size(), qsizetype(kSampleTrainDocuments));
        long long tokenized = 0;
        for (const QByteArray& line : lines)
            tokenized += static_cast<long long>(json::parse(line.toStdString())["input_ids"].size());
        QCOMPARE(counts["tokens"].get<long long>(), tokenized);

        // ...and the golden per-review counts (HF tokenizers) of exactly these files.
        QCOMPARE(counts["tokens"].get<long long>(), goldenSampleTrainTokens());

        const long long chunks = counts["chunks"].get<long long>();
        const long long dropped = counts["dropped_tokens"].get<long long>();
        QCOMPARE(chunks * kChunkSize + dropped, tokenized);
        QCOMPARE(counts["padded_tokens"].get<long long>(), 0LL);
        // Three groups of at most 1,000 documents: each drops less than one chunk.
        QVERIFY2(dropped < 3 * kChunkSize, qPrintable(QString::number(dropped)));
    }

    void chunkWholeCorpusGroup()
    {
        const json grouped = chunkCounts(onSampleTrain(QStringLiteral("chunk")));
        const json whole = chunkCounts(onSampleTrain(QStringLiteral("chunk")) << QStringLiteral("--group-size")
                                                                              << QStringLiteral("0"));
        QCOMPARE(whole["documents"].get<long long>(), kSampleTrainDocuments);
        QCOMPARE(whole["tokens"].get<long long>(), grouped["tokens"].get<long long>());
        const long long dropped = whole["dropped_tokens"].get<long long>();
        QVERIFY2(dropped >= 0 && dropped < kChunkSize, qPrintable(QString::number(dropped)));
        QVERIFY(dropped <= grouped["dropped_tokens"].get<long long>());
        QCOMPARE(whole["chunks"].get<long long>() * kChunkSize + dropped, whole["tokens"].get<long long>());
    }

    void chunkTailPad()
    {
        const json padded = chunkCounts(onSampleTrain(QStringLiteral("chunk")) << QStringLiteral("--tail")
                                                                               << QStringLiteral("pad"));
        QCOMPARE(padded["dropped_tokens"].get<long long>(), 0LL);
        const long long padding = padded["padded_tokens"].get<long long>();
        QVERIFY2(padding > 0, qPrintable(QString::number(padding)));
        QCOMPARE(padded["chunks"].get<long long>() * kChunkSize, padded["tokens"].get<long long>() + padding);
    }

    void chunkCacheGivesSameOutput()
    {
        QTemporaryDir cache;
        QVERIFY(cache.isValid());
        QStringList arguments{QStringLiteral("chunk"), QStringLiteral("--tokenizer"), tokenizerPath(),
                              QStringLiteral("--input"), sampleFolder(), QStringLiteral("--cache-dir"), cache.path()};
        const CliRun first = run(arguments);
        QVERIFY2(first.finished && first.exitCode == 0, first.describe().constData());
        const QStringList stores = QDir(cache.path()).entryList({QStringLiteral("tokens-*.bin")}, QDir::Files);
        QCOMPARE(stores.size(), 1);
        QVERIFY(QFileInfo(cache.filePath(stores.first())).size() > 0);

        const CliRun second = run(arguments);
        QVERIFY2(second.finished && second.exitCode == 0, second.describe().constData());
        QCOMPARE(second.out, first.out);
        QCOMPARE(QDir(cache.path()).entryList({QStringLiteral("tokens-*.bin")}, QDir::Files), stores);

        // --no-cache tokenizes again and gives the same counts.
        const CliRun uncached = run({QStringLiteral("chunk"), QStringLiteral("--tokenizer"), tokenizerPath(),
                                     QStringLiteral("--input"), sampleFolder(), QStringLiteral("--no-cache")});
        QVERIFY2(uncached.finished && uncached.exitCode == 0, uncached.describe().constData());
        QCOMPARE(uncached.out, first.out);
    }

    // ---- mask -----------------------------------------------------------------------------

    void maskLimitLinesAndOutcomes()
    {
        const CliRun r = run(onSampleTrain(QStringLiteral("mask"))
                             << QStringLiteral("--mlm-probability") << QStringLiteral("0.15") << QStringLiteral("--seed")
                             << QStringLiteral("5") << QStringLiteral("--limit") << QStringLiteral("3"));
        QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
        const auto lines = r.lines();
        QCOMPARE(lines.size(), 3);

        // The unmasked stream: the first three reviews hold 200 + 559 + 192 tokens, more than
        // three chunks, so the chunks are its first 384 ids.
        const std::vector<int> original = firstTrainIds(3 * kChunkSize);
        QCOMPARE(original.size(), std::size_t(3 * kChunkSize));

        std::map<std::string, int> seen;
        for (int c = 0; c < lines.size(); ++c) {
            const json line = json::parse(lines[c].toStdString());
            const json& ids = line["input_ids"];
            const json& labels = line["labels"];
            const json& outcome = line["outcome"];
            QCOMPARE(ids.size(), std::size_t(kChunkSize));
            QCOMPARE(labels.size(), std::size_t(kChunkSize));
            QCOMPARE(outcome.size(), std::size_t(kChunkSize));
            for (int i = 0; i < kChunkSize; ++i) {
                const int id = ids[i].get<int>();
                const int label = labels[i].get<int>();
                const int before = original[static_cast<std::size_t>(c * kChunkSize + i)];
                const QByteArray where = "chunk " + QByteArray::number(c) + " position " + QByteArray::number(i);
                if (outcome[i].is_null()) {
                    ++seen["none"];
                    QVERIFY2(label == kIgnoreLabel, where.constData());
                    QVERIFY2(id == before, where.constData());
                    continue;
                }
                QVERIFY2(outcome[i].is_string(), where.constData());
                const std::string what = outcome[i].get<std::string>();
                ++seen[what];
                QVERIFY2(label == before, where.constData());
                QVERIFY2(before != 101 && before != 102, where.constData());  // [CLS] and [SEP] are never chosen
                if (what == "mask")
                    QVERIFY2(id == kMaskId, where.constData());
                else if (what == "kept")
                    QVERIFY2(id == before, where.constData());
                else if (what == "random")
                    QVERIFY2(id >= 0 && id < kVocabSize, where.constData());
                else
                    QFAIL((where + " has the unknown outcome " + QByteArray::fromStdString(what)).constData());
            }
        }
        QVERIFY(seen["mask"] > 0);
        QVERIFY(seen["none"] > seen["mask"]);
    }

    void maskSeedDecides()
    {
        const QStringList base = onSampleTrain(QStringLiteral("mask")) << QStringLiteral("--limit") << QStringLiteral("3");
        const CliRun a = run(QStringList(base) << QStringLiteral("--seed") << QStringLiteral("5"));
        const CliRun b = run(QStringList(base) << QStringLiteral("--seed") << QStringLiteral("5"));
        const CliRun c = run(QStringList(base) << QStringLiteral("--seed") << QStringLiteral("6"));
        QVERIFY2(a.finished && a.exitCode == 0, a.describe().constData());
        QVERIFY2(b.finished && b.exitCode == 0, b.describe().constData());
        QVERIFY2(c.finished && c.exitCode == 0, c.describe().constData());
        QVERIFY(!a.out.isEmpty());
        QCOMPARE(b.out, a.out);
        QVERIFY2(c.out != a.out, "seeds 5 and 6 gave the same masks");
        QCOMPARE(c.lines().size(), 3);

        // Thread count does not change the masks (chunk c uses stream c).
        const CliRun oneThread = run(QStringList(base) << QStringLiteral("--seed") << QStringLiteral("5")
                                                       << QStringLiteral("--threads") << QStringLiteral("1"));
        QVERIFY2(oneThread.finished && oneThread.exitCode == 0, oneThread.describe().constData());
        QCOMPARE(oneThread.out, a.out);
    }

    void maskStatsTokenShare()
    {
        const CliRun r = run(onSampleTrain(QStringLiteral("mask")) << QStringLiteral("--seed") << QStringLiteral("5")
                                                                   << QStringLiteral("--stats"));
        QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
        const auto lines = r.lines();
        QCOMPARE(lines.size(), 1);
        const json stats = json::parse(lines[0].toStdString());
        QCOMPARE(stats["mode"].get<std::string>(), std::string("token"));
        const double chosen = stats["chosen_share"].get<double>();
        QVERIFY2(std::abs(chosen - 0.15) <= 0.01, qPrintable(QString::number(chosen)));
        // 80/10/10 over about 110,000 chosen tokens.
        QVERIFY(std::abs(stats["mask_share"].get<double>() - 0.8) <= 0.01);
        QVERIFY(std::abs(stats["random_share"].get<double>() - 0.1) <= 0.01);
        QVERIFY(std::abs(stats["kept_share"].get<double>() - 0.1) <= 0.01);
        QCOMPARE(stats["target"]["probability"].get<double>(), 0.15);
        // Every chunk of the split was masked.
        const json counts = chunkCounts(onSampleTrain(QStringLiteral("chunk")));
        QCOMPARE(stats["chunks"].get<long long>(), counts["chunks"].get<long long>());
    }

    void maskStatsWholeWord()
    {
        const CliRun r = run(onSampleTrain(QStringLiteral("mask")) << QStringLiteral("--whole-word") << QStringLiteral("0.2")
                                                                   << QStringLiteral("--seed") << QStringLiteral("5")
                                                                   << QStringLiteral("--stats"));
        QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
        const auto lines = r.lines();
        QCOMPARE(lines.size(), 1);
        const json stats = json::parse(lines[0].toStdString());
        QCOMPARE(stats["mode"].get<std::string>(), std::string("whole_word"));
        QCOMPARE(stats["target"]["probability"].get<double>(), 0.2);
        QCOMPARE(stats["mask_share"].get<double>(), 1.0);
        QVERIFY(stats["chosen"].get<long long>() > 0);
    }

    void maskBothModesRejected()
    {
        const CliRun r = run(onSampleTrain(QStringLiteral("mask"))
                             << QStringLiteral("--mlm-probability") << QStringLiteral("0.15")
                             << QStringLiteral("--whole-word") << QStringLiteral("0.2") << QStringLiteral("--seed")
                             << QStringLiteral("5") << QStringLiteral("--stats"));
        QVERIFY2(r.finished && r.exitCode != 0, r.describe().constData());
        QVERIFY2(r.out.isEmpty(), r.describe().constData());
        QVERIFY2(r.err.contains("--whole-word") && r.err.contains("--mlm-probability"), r.describe().constData());
    }

    void usageErrorsFollowErrorContract()
    {
        // Command-line mistakes caught by the parser (CLI11) follow the same one-line contract.
        const CliRun r = run(onSampleTrain(QStringLiteral("mask"))
                             << QStringLiteral("--mlm-probability") << QStringLiteral("0.15")
                             << QStringLiteral("--whole-word") << QStringLiteral("0.2"));
        QVERIFY2(r.finished && r.exitCode != 0, r.describe().constData());
        const QList<QByteArray> errLines = nonEmptyLines(r.err);
        QVERIFY2(errLines.size() == 1 && errLines.first().startsWith("masklab-cli: "), r.describe().constData());
        const CliRun missing = run({QStringLiteral("tokenize"), QStringLiteral("--text"), QStringLiteral("x")});
        QVERIFY2(missing.finished && missing.exitCode != 0, missing.describe().constData());
        QVERIFY2(nonEmptyLines(missing.err).size() == 1 && missing.err.startsWith("masklab-cli: ") &&
                     missing.err.contains("--tokenizer"),
                 missing.describe().constData());
    }

    void emptyTextIsTokenized()
    {
        const CliRun r = run({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"),
                              QString::fromStdString(bertTokenizerJson()), QStringLiteral("--text"), QString()});
        QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
        QCOMPARE(r.out.trimmed(), QByteArray(R"({"input_ids":[101,102],"word_ids":[null,null]})"));
    }

    // ---- errors and help ------------------------------------------------------------------

    void badInputOneErrorLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("path");  // the message must name it

        const QString tok = tokenizerPath();
        const QString missingTokenizer = temp(QStringLiteral("no-such-tokenizer.json"));
        const QString missingInput = temp(QStringLiteral("no-such-corpus.jsonl"));
        const QString empty = temp(QStringLiteral("empty.jsonl"));
        const QString latin1Text = temp(QStringLiteral("latin1.txt"));
        const QString latin1Jsonl = temp(QStringLiteral("latin1.jsonl"));
        const QString cache = temp(QStringLiteral("cache"));
        const QString tokenize = QStringLiteral("tokenize"), chunk = QStringLiteral("chunk"), mask = QStringLiteral("mask");
        const QString tokenizer = QStringLiteral("--tokenizer"), input = QStringLiteral("--input");
        const QString cacheDir = QStringLiteral("--cache-dir");

        QTest::newRow("tokenize missing tokenizer")
            << QStringList{tokenize, tokenizer, missingTokenizer, QStringLiteral("--text"), QStringLiteral("hi")}
            << missingTokenizer;
        QTest::newRow("chunk missing tokenizer")
            << QStringList{chunk, tokenizer, missingTokenizer, input, sampleJsonl(), cacheDir, cache} << missingTokenizer;
        QTest::newRow("mask missing tokenizer")
            << QStringList{mask, tokenizer, missingTokenizer, input, sampleJsonl(), cacheDir, cache} << missingTokenizer;
        QTest::newRow("tokenize missing input") << QStringList{tokenize, tokenizer, tok, input, missingInput} << missingInput;
        QTest::newRow("chunk missing input")
            << QStringList{chunk, tokenizer, tok, input, missingInput, cacheDir, cache} << missingInput;
        QTest::newRow("mask missing input")
            << QStringList{mask, tokenizer, tok, input, missingInput, cacheDir, cache} << missingInput;
        QTest::newRow("tokenize empty jsonl") << QStringList{tokenize, tokenizer, tok, input, empty} << empty;
        QTest::newRow("chunk empty jsonl") << QStringList{chunk, tokenizer, tok, input, empty, cacheDir, cache} << empty;
        QTest::newRow("mask empty jsonl") << QStringList{mask, tokenizer, tok, input, empty, cacheDir, cache} << empty;
        QTest::newRow("tokenize invalid utf-8 text") << QStringList{tokenize, tokenizer, tok, input, latin1Text} << latin1Text;
        QTest::newRow("tokenize invalid utf-8 jsonl")
            << QStringList{tokenize, tokenizer, tok, input, latin1Jsonl} << latin1Jsonl;
        QTest::newRow("chunk invalid utf-8 text")
            << QStringList{chunk, tokenizer, tok, input, latin1Text, cacheDir, cache} << latin1Text;
        QTest::newRow("mask invalid utf-8 jsonl")
            << QStringList{mask, tokenizer, tok, input, latin1Jsonl, cacheDir, cache} << latin1Jsonl;
    }

    void badInputOneErrorLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, path);
        const CliRun r = run(arguments);
        QVERIFY2(r.finished, r.describe().constData());
        QVERIFY2(r.exitCode != 0, r.describe().constData());
        QVERIFY2(r.out.isEmpty(), r.describe().constData());
        checkOneErrorLine(r, path);
    }

    void tokenizeNeedsTextOrInput()
    {
        const CliRun neither = run({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), tokenizerPath()});
        QVERIFY2(neither.finished && neither.exitCode != 0, neither.describe().constData());
        checkOneErrorLine(neither, QStringLiteral("--text"));
        const CliRun both = run({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), tokenizerPath(),
                                 QStringLiteral("--text"), QStringLiteral("hi"), QStringLiteral("--input"), sampleJsonl()});
        QVERIFY2(both.finished && both.exitCode != 0, both.describe().constData());
        QVERIFY2(both.out.isEmpty(), both.describe().constData());
        checkOneErrorLine(both, QStringLiteral("--input"));
    }

    void helpMentionsOptions_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("options");
        QTest::newRow("tokenize") << QStringLiteral("tokenize")
                                  << QStringList{QStringLiteral("--tokenizer"), QStringLiteral("--text"),
                                                 QStringLiteral("--input"), QStringLiteral("--field"),
                                                 QStringLiteral("--split")};
        QTest::newRow("chunk") << QStringLiteral("chunk")
                               << QStringList{QStringLiteral("--tokenizer"), QStringLiteral("--input"),
                                              QStringLiteral("--split"), QStringLiteral("--chunk-size"),
                                              QStringLiteral("--group-size"), QStringLiteral("--tail"),
                                              QStringLiteral("--cache-dir"), QStringLiteral("--no-cache")};
        QTest::newRow("mask") << QStringLiteral("mask")
                              << QStringList{QStringLiteral("--tokenizer"), QStringLiteral("--input"),
                                             QStringLiteral("--chunk-size"), QStringLiteral("--mlm-probability"),
                                             QStringLiteral("--whole-word"), QStringLiteral("--seed"),
                                             QStringLiteral("--limit"), QStringLiteral("--stats"),
                                             QStringLiteral("--cache-dir")};
    }

    void helpMentionsOptions()
    {
        QFETCH(QString, command);
        QFETCH(QStringList, options);
        const CliRun r = run({command, QStringLiteral("--help")});
        QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
        const QString text = QString::fromUtf8(r.out + r.err);
        for (const QString& option : options)
            QVERIFY2(text.contains(option), qPrintable(command + QStringLiteral(" --help lacks ") + option));
    }

    // Every setting's flag carries its one-line description, the same text the window's form
    // shows under the field (not "Setting learning_rate").
    void trainHelpDescribesEverySetting()
    {
        const CliRun r = run({QStringLiteral("train"), QStringLiteral("--help")});
        QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
        const QList<QByteArray> lines = r.out.split('\n');
        masklab::TrainingConfig config;
        int described = 0;
        masklab::visitTrainingFields(config, [&](const char* key, auto&) {
            QByteArray flag = QByteArray("--") + key;
            flag.replace('_', '-');
            const QByteArray help = QByteArray::fromStdString(masklab::trainingSettingHelp(key));
            QVERIFY2(!help.isEmpty(), key);
            bool found = false;
            for (const QByteArray& line : lines)
                found = found || ((line.contains(flag + ' ') || line.contains(flag + ',')) && line.contains(help));
            QVERIFY2(found, qPrintable(QString("train --help has no line with %1 and \"%2\"").arg(flag, help)));
            ++described;
        });
        QVERIFY(described > 30);
        QVERIFY(!r.out.contains("Setting learning_rate"));
    }

    // ---- train: crash safety -----------------------------------------------------------------

    // kill -9 in the middle of an epoch, then --resume: the state written every
    // save_every_steps loses at most that many steps, and every step after it has the loss of
    // the uninterrupted run, bit for bit (the CPU, the same threads).
    void killedRunResumesWithTheSameLosses()
    {
        const auto settings = [&](const QString& folder) {
            nlohmann::json j = {{"from_scratch", "tiny"}, {"tokenizer", tokenizerPath().toStdString()},
                                {"corpus", sampleJsonl().toStdString()}, {"chunk_size", 64}, {"train_size", 480},
                                {"test_size", 16}, {"batch_size", 8}, {"epochs", 1}, {"learning_rate", 1e-3},
                                {"warmup_steps", 2}, {"log_every_steps", 1}, {"save_every_steps", 3},
                                {"threads", 2}, {"device", "cpu"}, {"output_dir", temp(folder).toStdString()}};
            const QString path = temp(folder + ".json");
            writeFile(path, QByteArray::fromStdString(j.dump()));
            return path;
        };
        const auto stepLosses = [&](const QString& folder) {
            std::map<int64_t, double> losses;  // the last line of each step
            std::ifstream in(temp(folder + "/metrics.jsonl").toStdString());
            std::string line;
            while (std::getline(in, line)) {
                const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
                if (j.is_object() && j.value("type", "") == "step") losses[j["step"].get<int64_t>()] = j["loss"].get<double>();
            }
            return losses;
        };

        // train has no --cache-dir: its token cache is MASKLAB_CACHE_DIR's.
        const QString cache = temp(QStringLiteral("cache"));
        const CliRun whole = run({QStringLiteral("train"), QStringLiteral("--config"), settings("uninterrupted")}, cache);
        QVERIFY2(whole.finished && whole.exitCode == 0, whole.describe().constData());
        const std::map<int64_t, double> expected = stepLosses("uninterrupted");
        QCOMPARE(expected.size(), std::size_t(60));

        QProcess killed;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("MASKLAB_CACHE_DIR"), cache);
        killed.setProcessEnvironment(environment);
        killed.start(m_cli, {QStringLiteral("train"), QStringLiteral("--config"), settings("killed")});
        QVERIFY(killed.waitForStarted(kTimeoutMs));
        QElapsedTimer waited;
        waited.start();
        while (stepLosses("killed").size() < 20 && killed.state() == QProcess::Running && waited.elapsed() < kTimeoutMs)
            QTest::qWait(5);
        QVERIFY2(killed.state() == QProcess::Running, "the run ended before it could be killed");
        killed.kill();  // SIGKILL: no handler runs
        killed.waitForFinished();
        const int64_t reached = stepLosses("killed").rbegin()->first;
        std::ifstream stateFile(temp(QStringLiteral("killed/state/trainer_state.json")).toStdString());
        QVERIFY2(stateFile, "no state after the kill");
        const int64_t saved = nlohmann::json::parse(stateFile)["global_step"].get<int64_t>();
        QVERIFY2(saved >= reached - 3 && saved % 3 == 0,
                 qPrintable(QString("killed at step %1 with the state at step %2").arg(reached).arg(saved)));
        QVERIFY2(reached < 60, "the run finished before the kill");
        qInfo("killed after step %lld, the state at step %lld", static_cast<long long>(reached), static_cast<long long>(saved));

        // A setting beside --resume would be ignored (the run goes on with its own): refused by
        // name, and the run left as it was.
        const CliRun refused = run({QStringLiteral("train"), QStringLiteral("--resume"), temp(QStringLiteral("killed")),
                                    QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--epochs"), QStringLiteral("3")},
                                   cache);
        QVERIFY2(refused.finished && refused.exitCode != 0, refused.describe().constData());
        checkOneErrorLine(refused, QStringLiteral("--epochs, --threads are not taken beside it"));
        QCOMPARE(stepLosses("killed").rbegin()->first, reached);

        const CliRun resumed = run({QStringLiteral("train"), QStringLiteral("--resume"), temp(QStringLiteral("killed"))}, cache);
        QVERIFY2(resumed.finished && resumed.exitCode == 0, resumed.describe().constData());
        // Its stdout logs at the run's own interval (every step here), as the first leg did.
        int resumedStepLines = 0;
        for (const QByteArray& line : resumed.out.split('\n')) resumedStepLines += line.contains("\"type\":\"step\"");
        QCOMPARE(resumedStepLines, int(60 - saved));
        const std::map<int64_t, double> got = stepLosses("killed");
        QCOMPARE(got.size(), expected.size());
        for (const auto& [step, loss] : expected)
            QVERIFY2(got.at(step) == loss, qPrintable(QString("step %1: %2 after the kill, %3 uninterrupted")
                                                          .arg(step).arg(got.at(step), 0, 'g', 17).arg(loss, 0, 'g', 17)));
        // Each step once in the resumed run's metrics: the steps after the state were taken back.
        std::ifstream metrics(temp(QStringLiteral("killed/metrics.jsonl")).toStdString());
        int stepLines = 0;
        for (std::string line; std::getline(metrics, line);) stepLines += line.find("\"type\":\"step\"") != std::string::npos;
        QCOMPARE(stepLines, 60);
    }

    // A disk that fills up while the state is saved: the run stops with a message naming the
    // folder, the state saved before stays readable, and the run resumes from it once there is
    // room. The full disk is a file-size limit (ulimit -f): the state's first file cannot be
    // written whole, as with ENOSPC, while the small metrics lines still can.
    void fullDiskWhileSavingKeepsThePreviousState()
    {
        const QString folder = temp(QStringLiteral("fulldisk"));
        const nlohmann::json j = {{"from_scratch", "tiny"}, {"tokenizer", tokenizerPath().toStdString()},
                                  {"corpus", sampleJsonl().toStdString()}, {"chunk_size", 64}, {"train_size", 480},
                                  {"test_size", 16}, {"batch_size", 8}, {"epochs", 1}, {"learning_rate", 1e-3},
                                  {"log_every_steps", 1}, {"save_every_steps", 3}, {"threads", 2}, {"device", "cpu"},
                                  {"output_dir", folder.toStdString()}};
        writeFile(folder + ".json", QByteArray::fromStdString(j.dump()));
        const QString cache = temp(QStringLiteral("cache"));
        QProcess first;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("MASKLAB_CACHE_DIR"), cache);
        first.setProcessEnvironment(environment);
        first.start(m_cli, {QStringLiteral("train"), QStringLiteral("--config"), folder + ".json"});
        QVERIFY(first.waitForStarted(kTimeoutMs));
        const QString stateFile = folder + QStringLiteral("/state/trainer_state.json");
        QElapsedTimer waited;
        waited.start();
        while (!QFile::exists(stateFile) && first.state() == QProcess::Running && waited.elapsed() < kTimeoutMs) QTest::qWait(5);
        QVERIFY2(first.state() == QProcess::Running, "the run ended before it could be stopped");
        first.kill();
        first.waitForFinished();
        const auto savedStep = [&] {
            std::ifstream in(stateFile.toStdString());
            return in ? nlohmann::json::parse(in, nullptr, false).value("global_step", int64_t{-1}) : int64_t{-1};
        };
        const int64_t saved = savedStep();
        QVERIFY2(saved > 0 && saved % 3 == 0, qPrintable(QString("state at step %1").arg(saved)));

        // 512 KB per file: the 3 MB weights of the next state do not fit. XFSZ ignored, so the
        // write fails with an error instead of killing the process.
        const CliRun full = run({QStringLiteral("-c"), QStringLiteral("trap '' XFSZ; ulimit -f 1024; exec \"$0\" \"$@\""), m_cli,
                                 QStringLiteral("train"), QStringLiteral("--resume"), folder},
                                cache, QStringLiteral("/bin/bash"));
        QVERIFY2(full.finished && full.exitCode == 1, full.describe().constData());
        // Progress lines, then the error as the last line.
        const QList<QByteArray> errLines = nonEmptyLines(full.err);
        QVERIFY2(!errLines.isEmpty() && errLines.last().startsWith("masklab-cli: cannot save the training state in " + folder.toUtf8() + " ("),
                 full.describe().constData());
        QVERIFY2(errLines.last().contains("disk full?") && errLines.last().contains("The state saved before is kept"), full.describe().constData());
        QCOMPARE(savedStep(), saved);
        QVERIFY(!QDir(folder + QStringLiteral("/state.part")).exists());

        const CliRun roomAgain = run({QStringLiteral("train"), QStringLiteral("--resume"), folder}, cache);
        QVERIFY2(roomAgain.finished && roomAgain.exitCode == 0, roomAgain.describe().constData());
        QVERIFY2(roomAgain.err.contains(QStringLiteral("resumed at step %1").arg(saved).toUtf8()), roomAgain.describe().constData());
    }

private:
    static QList<QByteArray> nonEmptyLines(const QByteArray& bytes)
    {
        QList<QByteArray> result;
        for (const QByteArray& line : bytes.split('\n'))
            if (!line.trimmed().isEmpty()) result.append(line);
        return result;
    }

    // stderr holds exactly one line, "masklab-cli: ...", that contains `needle`.
    static void checkOneErrorLine(const CliRun& r, const QString& needle)
    {
        QVERIFY2(r.err.endsWith('\n'), r.describe().constData());
        const QList<QByteArray> lines = r.err.chopped(1).split('\n');
        QVERIFY2(lines.size() == 1, r.describe().constData());
        QVERIFY2(lines.first().startsWith("masklab-cli: "), r.describe().constData());
        QVERIFY2(QString::fromUtf8(lines.first()).contains(needle),
                 qPrintable(QStringLiteral("the error does not name %1: %2")
                                .arg(needle, QString::fromUtf8(r.describe()))));
    }

    // Runs chunk and parses its one JSON object (empty on failure, after failing the test).
    json chunkCounts(const QStringList& arguments) const
    {
        const CliRun r = run(arguments);
        if (!r.finished || r.exitCode != 0 || r.lines().size() != 1) {
            QTest::qFail(r.describe().constData(), __FILE__, __LINE__);
            return json::object({{"documents", -1}, {"tokens", -1}, {"chunks", -1}, {"dropped_tokens", -1},
                                 {"padded_tokens", -1}});
        }
        const json counts = json::parse(r.lines().first().toStdString());
        for (const char* key : {"documents", "tokens", "chunks", "dropped_tokens", "padded_tokens"})
            if (!counts.contains(key) || !counts[key].is_number_integer())
                QTest::qFail(("chunk output lacks " + std::string(key)).c_str(), __FILE__, __LINE__);
        return counts;
    }

    // The token ids of the sample's train split as one stream, cut at `count`.
    std::vector<int> firstTrainIds(std::size_t count) const
    {
        const CliRun r = run({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), tokenizerPath(),
                              QStringLiteral("--input"), sampleFolder(), QStringLiteral("--split"),
                              QStringLiteral("train"), QStringLiteral("--limit-documents"), QStringLiteral("3")});
        std::vector<int> ids;
        if (!r.finished || r.exitCode != 0) {
            QTest::qFail(r.describe().constData(), __FILE__, __LINE__);
            return ids;
        }
        for (const QByteArray& line : r.lines()) {
            const json document = json::parse(line.toStdString());
            for (const json& id : document["input_ids"]) {
                if (ids.size() == count) return ids;
                ids.push_back(id.get<int>());
            }
        }
        return ids;
    }

    // The golden token count (HF tokenizers, course order file) of every review in the
    // sample's train/pos and train/neg folders.
    long long goldenSampleTrainTokens() const
    {
        std::ifstream in(fixture("golden/aclImdb_token_counts_course_order.tsv"));
        std::map<std::string, long long> byFile;
        std::string split, file, tokens;
        std::getline(in, split);  // header: split, file, n_tokens
        while (std::getline(in, split, '\t') && std::getline(in, file, '\t') && std::getline(in, tokens))
            if (split == "train") byFile[file] = std::stoll(tokens);
        long long total = 0;
        int files = 0;
        for (const char* label : {"pos", "neg"}) {
            const QDir folder(sampleFolder() + QStringLiteral("/train/") + QLatin1String(label));
            for (const QString& name : folder.entryList({QStringLiteral("*.txt")}, QDir::Files)) {
                const auto found = byFile.find(std::string("train/") + label + "/" + name.toStdString());
                if (found == byFile.end()) return -1;
                total += found->second;
                ++files;
            }
        }
        return files == kSampleTrainDocuments ? total : -1;
    }

    QString m_cli;           // MASKLAB_CLI
    QTemporaryDir m_temp;    // bad inputs, the shared cache, the default-cache guard
    QString m_defaultCache;  // MASKLAB_CACHE_DIR for every run; must stay empty
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
