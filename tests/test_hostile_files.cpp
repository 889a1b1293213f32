// Files from strangers (issue 12's findings): each case crashed, wrapped a number, exhausted
// memory or echoed a library's raw message before its fix. Each must now end in one clean
// masklab::Error naming the file and the problem, with quoted input cut short.
#include "masklab/corpus.h"
#include "masklab/error.h"
#include "masklab/model_config.h"
#include "masklab/tokenizer.h"
#include "masklab/training_config.h"
#include "hub/hub_cache.h"
#include "test_support.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <sys/resource.h>

#include <fstream>

using namespace masklab;

namespace {

QString errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    } catch (const std::exception& e) {
        return QString("not a masklab::Error: ") + e.what();
    }
    return {};
}

nlohmann::json bertTokenizerJson()
{
    std::ifstream in(masklab::testing::bertTokenizerJson());
    return nlohmann::json::parse(in);
}

long peakRssMb()
{
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

}  // namespace

#define VERIFY_CLEAN(message, part)                                                                         \
    do {                                                                                                    \
        const QString m_ = (message);                                                                       \
        QVERIFY2(!m_.isEmpty(), "no error");                                                                \
        QVERIFY2(m_.contains(part), qPrintable(m_));                                                        \
        QVERIFY2(!m_.contains("json.exception") && !m_.contains("not a masklab::Error"), qPrintable(m_));   \
        QVERIFY2(m_.size() < 600, qPrintable(QString("%1 characters").arg(m_.size())));                   \
        for (const QChar c_ : m_)                                                                           \
            QVERIFY2(c_.unicode() >= 0x20 && c_.unicode() != 0x7f, qPrintable("a control character in: " + m_)); \
    } while (0)

class HostileFilesTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString writeTokenizer(const QString& name, const nlohmann::json& doc)
    {
        QDir().mkpath(m_dir.filePath(name));
        const QString path = m_dir.filePath(name + "/tokenizer.json");
        std::ofstream(path.toStdString()) << doc.dump();
        return path;
    }

private slots:
    void tokenizerJsonWithBrokenFields()
    {
        nlohmann::json doc = bertTokenizerJson();
        doc["post_processor"] = {{"type", "BertProcessing"}, {"cls", nlohmann::json::array()}, {"sep", {"[SEP]", 102}}};
        VERIFY_CLEAN(errorOf([&] { loadTokenizer(writeTokenizer("empty-cls", doc).toStdString()); }), "post_processor.cls");

        doc = bertTokenizerJson();
        doc["model"].erase("vocab");
        VERIFY_CLEAN(errorOf([&] { loadTokenizer(writeTokenizer("no-vocab", doc).toStdString()); }), "model.vocab");

        doc = bertTokenizerJson();
        doc["model"]["unk_token"] = 5;
        VERIFY_CLEAN(errorOf([&] { loadTokenizer(writeTokenizer("unk-number", doc).toStdString()); }), "wrong type");

        doc = bertTokenizerJson();
        doc["model"]["vocab"]["hello"] = "seven";
        VERIFY_CLEAN(errorOf([&] { loadTokenizer(writeTokenizer("id-string", doc).toStdString()); }), "not an integer id");

        // Found by fuzz_tokenizer_json: 1e12 read into an int was undefined behaviour (UBSan).
        doc = bertTokenizerJson();
        doc["model"]["max_input_chars_per_word"] = 1e12;
        VERIFY_CLEAN(errorOf([&] { loadTokenizer(writeTokenizer("max-chars", doc).toStdString()); }),
                     "max_input_chars_per_word");

        // Found by fuzz_tokenizer_json: a model type with a NUL and a line break was echoed raw.
        doc = bertTokenizerJson();
        doc["model"]["type"] = std::string("BP\0E\nsecond line", 16);
        VERIFY_CLEAN(errorOf([&] { loadTokenizer(writeTokenizer("type-control", doc).toStdString()); }), "\\x00");

        // The intact file still loads (the checks did not reject what Hugging Face writes).
        QVERIFY(loadTokenizer(writeTokenizer("intact", bertTokenizerJson()).toStdString())->vocabSize() == 30522);
    }

    void configValuesThatDoNotFitAreNamed_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("dim wraps to 128") << "dim" << "4294967424" << "dim";
        QTest::newRow("vocab_size 1e12") << "vocab_size" << "1e12" << "1000000000000";
        QTest::newRow("max_position_embeddings 1e8") << "max_position_embeddings" << "1e8" << "max_position_embeddings";
        QTest::newRow("n_layers fraction") << "n_layers" << "2.5" << "whole number";
        QTest::newRow("dim a string") << "dim" << "\"768\"" << "dim";
        QTest::newRow("huge but in range") << "hidden_dim" << "262144" << "memory";
    }
    void configValuesThatDoNotFitAreNamed()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, mentions);
        nlohmann::json config = nlohmann::json::parse(ModelConfig::preset("distilbert", 30522).toJson());
        config[field.toStdString()] = nlohmann::json::parse(value.toStdString());
        config["n_heads"] = 8;  // so that a dim wrapped to 128 would make a valid model
        if (mentions == "memory") {
            // Sizes each allowed on their own, together far beyond any machine's memory.
            config["dim"] = 65536;
            config["n_heads"] = 64;
            config["n_layers"] = 1024;
        }
        const QString message = errorOf([&] { ModelConfig::fromJson(config.dump(), "config.json"); });
        VERIFY_CLEAN(message, mentions);
        QVERIFY2(message.contains("config.json"), qPrintable(message));
        QVERIFY2(!message.contains("-2147483648"), qPrintable(message));
    }

    // Found by fuzz_config_json: a model_type holding a line break split the message in two.
    void configTextIsQuotedOnOneLine()
    {
        nlohmann::json config = nlohmann::json::parse(ModelConfig::preset("distilbert", 30522).toJson());
        config["model_type"] = "distil\nbert" + std::string(500, 'x');
        VERIFY_CLEAN(errorOf([&] { ModelConfig::fromJson(config.dump(), "config.json"); }), "distil\\nbert");
    }

    // Found by fuzz_training_config: an empty settings file echoed nlohmann's tagged message, and
    // 1e12 for an int setting was undefined behaviour.
    void trainingSettingsThatDoNotFit()
    {
        VERIFY_CLEAN(errorOf([&] { TrainingConfig::fromJson("", "settings.json"); }), "not valid JSON");
        VERIFY_CLEAN(errorOf([&] { TrainingConfig::fromJson("{\"epochs\": 1e12}", "settings.json"); }), "epochs");
        VERIFY_CLEAN(errorOf([&] { TrainingConfig::fromJson("{\"batch_size\": 2.5}", "settings.json"); }), "batch_size");
        VERIFY_CLEAN(errorOf([&] { TrainingConfig::fromJson("{\"seed\": -1}", "settings.json"); }), "seed");
        QCOMPARE(TrainingConfig::fromJson("{\"epochs\": 4.0, \"seed\": 18446744073709551615}", "s").epochs, 4);
    }

    // Settings that cannot work are all named at once, each with its key and a rule that needs
    // no key (what the window shows at the field); validate() reports the first of them.
    void everyBadSettingIsNamedAtOnce()
    {
        TrainingConfig c;
        c.fromScratch = "tiny";
        c.corpus = "reviews.jsonl";
        c.outputDir = "run";
        QVERIFY(c.problems().empty());
        c.batchSize = 0;
        c.learningRate = -1;
        c.mlmProbability = 1.5;
        c.maskShare = 0.9;
        c.randomShare = 0.2;
        const std::vector<TrainingConfig::Problem> found = c.problems();
        std::vector<std::string> keys;
        for (const auto& p : found) {
            keys.push_back(p.key);
            QVERIFY(!p.rule.empty());
            QVERIFY2(p.rule.find(p.key) == std::string::npos, p.rule.c_str());  // the field already says which
            QVERIFY2(p.message.find(p.key) != std::string::npos, p.message.c_str());
        }
        const std::vector<std::string> expected = {"mlm_probability", "random_share", "learning_rate", "batch_size"};
        QCOMPARE(keys, expected);
        VERIFY_CLEAN(errorOf([&] { c.validate(); }), "mlm_probability");
        c.model = "folder";
        QCOMPARE(c.problems().front().key, std::string("from_scratch"));  // both a folder and a size
    }

    // Found by fuzz_text_formats and fuzz_http_response: a CSV header of many NUL-filled columns,
    // and a repo file name of a thousand NULs, were quoted whole.
    void quotedInputStaysShort()
    {
        const QString csv = m_dir.filePath("wide.csv");
        {
            std::ofstream out(csv.toStdString(), std::ios::binary);
            for (int i = 0; i < 200; ++i) out << "col" << std::string(50, '\0') << i << ',';
            out << "last\nsome,row\n";
        }
        VERIFY_CLEAN(errorOf([&] { readCorpus(csv.toStdString()); }), "has no column");
        VERIFY_CLEAN(errorOf([&] { hub::checkRepoFileName(std::string(1000, '\0')); }), "NUL");
    }

    void configThatIsNotJsonSaysSoBriefly()
    {
        const std::string broken = "{\"dim\": 768, \"n_layers\": " + std::string(100000, '9') + "e99999}";
        VERIFY_CLEAN(errorOf([&] { ModelConfig::fromJson(broken, "config.json"); }), "not valid JSON");
        VERIFY_CLEAN(errorOf([&] { ModelConfig::fromJson("{\"dim\": 1e400}", "config.json"); }), "config.json");
    }

    // A tar.gz of a few hundred bytes whose only entry claims 4 GiB (then 1 TiB): refused at
    // once, without the 4.3 GB the old reader allocated first.
    void archiveEntryClaimingGigabytes_data()
    {
        QTest::addColumn<qint64>("claimed");
        QTest::newRow("4 GiB") << (qint64(4) << 30);
        QTest::newRow("1 TiB") << (qint64(1) << 40);
        QTest::newRow("65 MB") << (qint64(65) << 20);
    }
    void archiveEntryClaimingGigabytes()
    {
        QFETCH(qint64, claimed);
        const QString tarball = m_dir.filePath(QString("claims-%1.tar.gz").arg(claimed));
        QProcess python;
        python.start(qEnvironmentVariable("MASKLAB_PYTHON", "python3"),
                     {"-c",
                      "import gzip, io, sys, tarfile\n"
                      "info = tarfile.TarInfo('aclImdb/train/pos/0_9.txt'); info.size = int(sys.argv[2])\n"
                      "header = info.tobuf(format=tarfile.GNU_FORMAT)\n"
                      "open(sys.argv[1], 'wb').write(gzip.compress(header + b'great film ' * 8))",
                      tarball, QString::number(claimed)});
        QVERIFY(python.waitForFinished(60000) && python.exitCode() == 0);
        QVERIFY(QFileInfo(tarball).size() < 2000);
        const long before = peakRssMb();
        const QString message = errorOf([&] { readCorpus(tarball.toStdString()); });
        VERIFY_CLEAN(message, "damaged");
        QVERIFY2(peakRssMb() - before < 200, qPrintable(QString("%1 MB more").arg(peakRssMb() - before)));
    }

    // Found by fuzz_text_formats: a number past double's range escaped as nlohmann's
    // out_of_range exception, not a masklab::Error.
    void jsonlNumberPastDoubleIsAnError()
    {
        const QString path = m_dir.filePath("huge-number.jsonl");
        std::ofstream(path.toStdString()) << "{\"text\": \"fine\", \"rating\": 555555555555E555}\n";
        VERIFY_CLEAN(errorOf([&] { readCorpus(path.toStdString()); }), "line 1");
    }

    // Found by fuzz_aclimdb_archive: an entry name with a control character before its aclImdb/
    // folder went into the message as it was.
    void archiveEntryNameIsEscaped()
    {
        const QString tarball = m_dir.filePath("control-name.tar");
        QProcess python;
        python.start(qEnvironmentVariable("MASKLAB_PYTHON", "python3"),
                     {"-c",
                      "import io, sys, tarfile\n"
                      "with tarfile.open(sys.argv[1], 'w') as tar:\n"
                      "    data = b'great film \\x99'\n"
                      "    info = tarfile.TarInfo('x\\x01y/aclImdb/train/pos/0_9.txt'); info.size = len(data)\n"
                      "    tar.addfile(info, io.BytesIO(data))\n",
                      tarball});
        QVERIFY(python.waitForFinished(60000) && python.exitCode() == 0);
        VERIFY_CLEAN(errorOf([&] { readCorpus(tarball.toStdString()); }), "x\\x01y/aclImdb");
    }

    // A JSONL line of 20 MB with a missing quote: the message quotes a few dozen characters.
    void jsonlErrorDoesNotEchoTheLine()
    {
        const QString path = m_dir.filePath("broken.jsonl");
        {
            std::ofstream out(path.toStdString());
            out << "{\"text\": \"a fine review\"}\n";
            out << "{\"text\": \"" << std::string(20 << 20, 'x') << "}\n";
        }
        const QString message = errorOf([&] { readCorpus(path.toStdString()); });
        VERIFY_CLEAN(message, "line 2");
    }
};

QTEST_GUILESS_MAIN(HostileFilesTest)
#include "test_hostile_files.moc"
