// The Hub client against tests/hub_server.py on 127.0.0.1 (no test touches the internet), and
// the shared cache against Python's huggingface_hub (PyPI) in both directions.
// LibTorch (through checkpoint.h) comes before Qt, whose `slots` macro it would trip over.
#include "masklab/checkpoint.h"

#include "hub_test_server.h"
#include "peer_runner.h"
#include "test_support.h"

#include "hub/http_message.h"
#include "hub/hub_cache.h"
#include "hub/sha256.h"
#include "hub/transfer.h"
#include "masklab/corpus.h"
#include "masklab/error.h"
#include "masklab/hub.h"
#include "masklab/model_config.h"

#include <QtTest>

#include <sys/resource.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <random>

using namespace masklab;
using masklab::testing::HubServer;
namespace fs = std::filesystem;

#define VERIFY_MENTIONS(message, part)                                                                  \
    QVERIFY2(QString(message).contains(part), qPrintable(QString("\"%1\" does not mention \"%2\"")     \
                                                             .arg(QString(message), QString(part))))

namespace {

std::string readAll(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

template <typename F>
QString errorOf(F&& f)
{
    try {
        f();
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

// Python's hashlib.sha256 of a file: the peer for our SHA-256.
std::string pythonSha256(const QString& path)
{
    QProcess python;
    python.start(masklab::testing::peerPython(),
                 {"-c", "import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],'rb').read()).hexdigest())", path});
    python.waitForFinished(60000);
    return python.readAllStandardOutput().trimmed().toStdString();
}

bool anyRequest(const std::vector<nlohmann::json>& log, const std::function<bool(const nlohmann::json&)>& match)
{
    return std::any_of(log.begin(), log.end(), match);
}

}  // namespace

class HubTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model;  // a model folder written by MaskLab

    QString path(const QString& name) const { return m_dir.filePath(name); }

    hub::HubSettings settingsFor(const HubServer& server, const QString& cache) const
    {
        hub::HubSettings s;
        s.endpoint = server.endpoint();
        s.cacheDir = path(cache).toStdString();
        return s;
    }

    // A small DistilBERT with the real bert-base-uncased tokenizer, saved by savePretrained.
    QString writeModel(const QString& name, Architecture architecture = Architecture::DistilBert)
    {
        const std::unique_ptr<Tokenizer> tokenizer =
            loadTokenizer(masklab::testing::fixture("bert_uncased_tokenizer/tokenizer.json"));
        ModelConfig config = ModelConfig::preset("tiny", tokenizer->vocabSize());
        config.architecture = architecture;
        config.hidden = 32;
        config.heads = 2;
        config.intermediate = 64;
        config.maxPositions = 64;
        MaskedLanguageModel model(config);
        savePretrained(path(name).toStdString(), *model, *tokenizer);
        return path(name);
    }

    // A repo copy with another file set (for the sharded, the classifier and the unsafe cases).
    QString copyModel(const QString& name)
    {
        fs::copy(m_model.toStdString(), path(name).toStdString(), fs::copy_options::recursive);
        return path(name);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_model = writeModel("tiny");
    }

    void sha256EqualsHashlib()
    {
        std::mt19937 random(7);
        for (std::size_t size : {0, 1, 55, 56, 63, 64, 65, 127, 1000, 3 << 20}) {
            std::string bytes(size, '\0');
            for (char& c : bytes) c = static_cast<char>(random());
            const QString file = path(QString("sha_%1.bin").arg(size));
            std::ofstream(file.toStdString(), std::ios::binary) << bytes;
            // Fed in uneven pieces, as a download arrives.
            hub::Sha256 sha;
            for (std::size_t at = 0; at < size;) {
                const std::size_t piece = std::min<std::size_t>(size - at, 1 + random() % 70000);
                sha.add(bytes.data() + at, piece);
                at += piece;
            }
            const std::string expected = pythonSha256(file);
            QCOMPARE(QString::fromStdString(sha.hex()), QString::fromStdString(expected));
            QCOMPARE(QString::fromStdString(hub::sha256OfFile(file.toStdString())), QString::fromStdString(expected));
        }
    }

    void headersAndUrls()
    {
        hub::HeaderMap headers;
        QCOMPARE(hub::parseHeaderLine("HTTP/1.1 302 Found\r\n", headers), 302);
        hub::parseHeaderLine("X-Linked-Etag: \"abc\"\r\n", headers);
        hub::parseHeaderLine("bad header line\r\n", headers);
        QCOMPARE(QString::fromStdString(headers.get("x-linked-etag")), QString("\"abc\""));
        QCOMPARE(QString::fromStdString(hub::normalizeEtag(headers.get("X-LINKED-ETAG"))), QString("abc"));
        QCOMPARE(QString::fromStdString(hub::normalizeEtag("W/\"xyz\"")), QString("xyz"));
        QCOMPARE(hub::parseHeaderLine("HTTP/2 200\r\n", headers), 200);
        QVERIFY(headers.empty());  // a new response starts clean

        QVERIFY(!hub::parseSize("12a"));
        QVERIFY(!hub::parseSize("99999999999999999999999"));
        QCOMPARE(*hub::parseSize(" 84125825 "), uint64_t(84125825));
        const auto range = hub::parseContentRange("bytes 100-199/200");
        QVERIFY(range && range->start == 100 && range->total && *range->total == 200);
        QVERIFY(!hub::parseContentRange("bytes 100-250/200"));

        const auto url = hub::parseUrl("https://HuggingFace.co/org/name/resolve/main/config.json");
        QVERIFY(url && url->host == "huggingface.co" && url->port == 443);
        QCOMPARE(QString::fromStdString(hub::resolveLocation(*url, "/other/name/resolve/main/config.json")),
                 QString("https://huggingface.co:443/other/name/resolve/main/config.json"));
        QVERIFY(hub::parseUrl("http://[::1]:8080/x")->isLoopback());
        QVERIFY(!hub::parseUrl("ftp://example.com/x"));

        // HTTPS never redirects to plain HTTP, except to loopback (the tests' storage).
        VERIFY_MENTIONS(errorOf([] { hub::redirectTarget("https://huggingface.co/a", "http://cdn.example.com/b"); }),
                        "HTTPS to plain HTTP");
        QCOMPARE(QString::fromStdString(hub::redirectTarget("https://huggingface.co/a", "http://127.0.0.1:9/b")),
                 QString("http://127.0.0.1:9/b"));
    }

    void repoIdsAndUnsafeNames()
    {
        const auto plain = hub::RepoRef::parse("distilbert-base-uncased");
        QVERIFY(plain && plain->repoId == "distilbert-base-uncased" && plain->revision == "main");
        const auto pinned = hub::RepoRef::parse("huggingface-course/distilbert-base-uncased-finetuned-imdb@v1.0");
        QVERIFY(pinned && pinned->revision == "v1.0");
        for (const char* bad : {"a/b/c", "../x", "a--b/c", "", "org/", "/abs", "a b"})
            QVERIFY2(!hub::RepoRef::parse(bad), bad);
        for (const char* bad : {"../evil", "/etc/passwd", "a/../../b", "a\\b", "C:x", "a//b"})
            VERIFY_MENTIONS(errorOf([&] { hub::checkRepoFileName(bad); }), "refusing");
        hub::checkRepoFileName("onnx/model.onnx");
        QCOMPARE(QString::fromStdString(hub::repoFolderName("org/name")), QString("models--org--name"));
        QCOMPARE(QString::fromStdString(*hub::repoIdFromFolderName("models--org--name")), QString("org/name"));
    }

    // The environment as huggingface_hub reads it: HF_HOME's hub/ and token file, HF_HUB_CACHE
    // and HF_TOKEN above them, HF_HUB_OFFLINE's true values.
    void settingsFromTheEnvironment()
    {
        const QString home = path("hf-home");
        QDir().mkpath(home);
        std::ofstream(home.toStdString() + "/token") << "hf_from_file\n";
        qputenv("HF_HOME", home.toUtf8());
        qunsetenv("HF_HUB_CACHE");
        qunsetenv("HF_TOKEN");
        qputenv("HF_ENDPOINT", "http://127.0.0.1:1234/");
        qputenv("HF_HUB_OFFLINE", "yes");
        hub::HubSettings s = hub::HubSettings::fromEnvironment();
        QCOMPARE(QString::fromStdString(s.cacheDir), home + "/hub");
        QCOMPARE(QString::fromStdString(s.token), QString("hf_from_file"));
        QCOMPARE(QString::fromStdString(s.endpoint), QString("http://127.0.0.1:1234"));
        QVERIFY(s.offline);
        qputenv("HF_HUB_CACHE", path("elsewhere").toUtf8());
        qputenv("HF_TOKEN", "hf_from_env");
        qputenv("HF_HUB_OFFLINE", "0");
        s = hub::HubSettings::fromEnvironment();
        QCOMPARE(QString::fromStdString(s.cacheDir), path("elsewhere"));
        QCOMPARE(QString::fromStdString(s.token), QString("hf_from_env"));
        QVERIFY(!s.offline);
        for (const char* name : {"HF_HOME", "HF_HUB_CACHE", "HF_TOKEN", "HF_ENDPOINT", "HF_HUB_OFFLINE"}) qunsetenv(name);
    }

    // From nothing to a loaded model: the cache as huggingface_hub lays it out.
    void downloadWritesTheHubCacheLayout()
    {
        HubServer server({"--repo", "org/tiny=" + m_model, "--gated", "org/gated", "--repo", "org/gated=" + m_model,
                          "--token", "hf_secret"},
                         path("layout.log"));
        QVERIFY2(server.ok(), qPrintable(server.error()));
        hub::HubSettings settings = settingsFor(server, "layout-cache");
        std::vector<hub::TransferProgress> reports;
        const hub::Snapshot snapshot = hub::downloadModel(*hub::RepoRef::parse("org/tiny"), settings,
                                                          [&](const hub::TransferProgress& p) {
                                                              reports.push_back(p);
                                                              return true;
                                                          });
        QVERIFY(!snapshot.fromCache);
        const fs::path storage = fs::path(settings.cacheDir) / "models--org--tiny";
        QCOMPARE(QString::fromStdString(readAll(storage / "refs" / "main")), QString::fromStdString(snapshot.commit));
        QCOMPARE(QString::fromStdString(snapshot.folder), QString::fromStdString((storage / "snapshots" / snapshot.commit).string()));
        // Weights: an LFS blob named by its sha256, a relative link; small files by git sha1.
        const fs::path weights = fs::path(snapshot.folder) / "model.safetensors";
        QVERIFY(fs::is_symlink(weights));
        const std::string sha = pythonSha256(m_model + "/model.safetensors");
        QCOMPARE(QString::fromStdString(fs::read_symlink(weights).string()), QString::fromStdString("../../blobs/" + sha));
        QCOMPARE(QString::fromStdString(hub::sha256OfFile(weights.string())), QString::fromStdString(sha));
        QCOMPARE(fs::read_symlink(fs::path(snapshot.folder) / "config.json").string().substr(0, 12), std::string("../../blobs/"));
        QVERIFY(fs::exists(storage / ".no_exist" / snapshot.commit / "spiece.model"));
        QVERIFY(!fs::exists(storage / ".no_exist" / snapshot.commit / "config.json"));
        for (const auto& entry : fs::directory_iterator(storage / "blobs"))
            QVERIFY2(entry.path().extension() != ".incomplete", entry.path().c_str());
        // Progress: bytes grow to the announced total.
        QVERIFY(!reports.empty());
        QCOMPARE(reports.back().bytes, reports.back().total);
        QVERIFY(reports.back().total >= fs::file_size(m_model.toStdString() + "/model.safetensors"));

        const PretrainedModel loaded = loadPretrained(snapshot.folder);
        QCOMPARE(loaded.model->config().hidden, 32);

        // A second download finds everything cached: HEADs only, no GET.
        const std::size_t before = server.requests().size();
        hub::downloadModel(*hub::RepoRef::parse("org/tiny"), settings);
        const auto log = server.requests();
        for (std::size_t i = before; i < log.size(); ++i) QCOMPARE(QString::fromStdString(log[i]["method"]), QString("HEAD"));

        // Gated: a clear message without a token; with one, the token goes to the Hub only.
        VERIFY_MENTIONS(errorOf([&] { hub::downloadModel(*hub::RepoRef::parse("org/gated"), settings); }), "HF_TOKEN");
        settings.token = "hf_wrong";
        VERIFY_MENTIONS(errorOf([&] { hub::downloadModel(*hub::RepoRef::parse("org/gated"), settings); }), "no access");
        settings.token = "hf_secret";
        settings.cacheDir = path("gated-cache").toStdString();
        hub::downloadModel(*hub::RepoRef::parse("org/gated"), settings);
        const auto gatedLog = server.requests();
        QVERIFY(anyRequest(gatedLog, [](const nlohmann::json& r) {
            return r["server"] == "hub" && r["authorization"] == true;
        }));
        QVERIFY(anyRequest(gatedLog, [](const nlohmann::json& r) { return r["server"] == "storage"; }));
        QVERIFY2(!anyRequest(gatedLog, [](const nlohmann::json& r) {
                     return r["server"] == "storage" && r["authorization"] == true;
                 }),
                 "the token reached the storage host");
    }

    void failuresNameTheProblem()
    {
        HubServer server({"--repo", "org/tiny=" + m_model, "--rename", "old-org/tiny=org/tiny", "--tag", "org/tiny@v1"},
                         path("fail.log"));
        QVERIFY2(server.ok(), qPrintable(server.error()));
        const hub::HubSettings settings = settingsFor(server, "fail-cache");
        VERIFY_MENTIONS(errorOf([&] { hub::downloadModel(*hub::RepoRef::parse("org/missing"), settings); }), "not found");
        VERIFY_MENTIONS(errorOf([&] { hub::downloadModel(*hub::RepoRef::parse("org/tiny@nope"), settings); }),
                        "revision \"nope\" not found");
        VERIFY_MENTIONS(errorOf([&] { hub::downloadModel(*hub::RepoRef::parse("org/tiny"), settings, {}, {"extra.txt"}); }),
                        "no file extra.txt");
        // A renamed repo answers with a relative redirect, followed on the Hub.
        const hub::Snapshot renamed = hub::downloadModel(*hub::RepoRef::parse("old-org/tiny"), settings);
        QVERIFY(fs::exists(fs::path(renamed.folder) / "model.safetensors"));
        QVERIFY(fs::path(renamed.folder).string().find("models--old-org--tiny") != std::string::npos);
        // A tag resolves to its commit and gets its own ref beside main.
        const hub::Snapshot tagged = hub::downloadModel(*hub::RepoRef::parse("org/tiny@v1"), settings);
        QCOMPARE(QString::fromStdString(readAll(fs::path(settings.cacheDir) / "models--org--tiny" / "refs" / "v1")),
                 QString::fromStdString(tagged.commit));
    }

    void cutConnectionResumesWithRange()
    {
        HubServer server({"--repo", "org/tiny=" + m_model, "--cut", "model.safetensors"}, path("cut.log"));
        QVERIFY2(server.ok(), qPrintable(server.error()));
        const hub::Snapshot s = hub::downloadModel(*hub::RepoRef::parse("org/tiny"), settingsFor(server, "cut-cache"));
        QCOMPARE(QString::fromStdString(hub::sha256OfFile(s.folder + "/model.safetensors")),
                 QString::fromStdString(pythonSha256(m_model + "/model.safetensors")));
        QVERIFY2(anyRequest(server.requests(), [](const nlohmann::json& r) {
                     return r["server"] == "storage" && r["range"].is_string();
                 }),
                 "the second GET did not resume with a Range");
    }

    void corruptBlobIsRefused()
    {
        HubServer server({"--repo", "org/tiny=" + m_model, "--corrupt", "model.safetensors"}, path("corrupt.log"));
        QVERIFY2(server.ok(), qPrintable(server.error()));
        const hub::HubSettings settings = settingsFor(server, "corrupt-cache");
        VERIFY_MENTIONS(errorOf([&] { hub::downloadModel(*hub::RepoRef::parse("org/tiny"), settings); }), "corrupt");
        const fs::path storage = fs::path(settings.cacheDir) / "models--org--tiny";
        const std::string sha = pythonSha256(m_model + "/model.safetensors");
        QVERIFY(!fs::exists(storage / "blobs" / sha));
        QVERIFY(!fs::exists(storage / "blobs" / (sha + ".incomplete")));
        QVERIFY(!hub::findCachedModel(*hub::RepoRef::parse("org/tiny"), settings));
    }

    void oversizedResponseIsRefused()
    {
        HubServer server({"--repo", "org/tiny=" + m_model, "--too-long", "model.safetensors"}, path("long.log"));
        QVERIFY2(server.ok(), qPrintable(server.error()));
        const hub::HubSettings settings = settingsFor(server, "long-cache");
        VERIFY_MENTIONS(errorOf([&] { hub::downloadModel(*hub::RepoRef::parse("org/tiny"), settings); }), "announced");
        QVERIFY(!hub::findCachedModel(*hub::RepoRef::parse("org/tiny"), settings));
    }

    // Cancel leaves a resumable .incomplete; the next download asks for the rest only. A server
    // that ignores Range makes the client start the file over, and the result is still whole.
    void cancelThenResume_data()
    {
        QTest::addColumn<bool>("ignoreRange");
        QTest::newRow("range honoured") << false;
        QTest::newRow("range ignored") << true;
    }
    void cancelThenResume()
    {
        QFETCH(bool, ignoreRange);
        QStringList args{"--repo", "org/tiny=" + m_model, "--slow", "model.safetensors=4000000"};
        if (ignoreRange) args << "--ignore-range";
        HubServer server(args, path("cancel.log"));
        QVERIFY2(server.ok(), qPrintable(server.error()));
        const QString cache = ignoreRange ? "cancel-cache-ignored" : "cancel-cache";
        const hub::HubSettings settings = settingsFor(server, cache);
        const hub::RepoRef repo = *hub::RepoRef::parse("org/tiny");
        bool cancelled = false;
        try {
            hub::downloadModel(repo, settings, [](const hub::TransferProgress& p) {
                return !(p.file.rfind("model.safetensors", 0) == 0 && p.fileBytes > 1000000);
            });
        } catch (const hub::DownloadCancelled& e) {
            cancelled = true;
            VERIFY_MENTIONS(QString(e.what()), "resume");
        }
        QVERIFY(cancelled);
        QVERIFY(!hub::findCachedModel(repo, settings));
        const std::string sha = pythonSha256(m_model + "/model.safetensors");
        const fs::path partial = fs::path(settings.cacheDir) / "models--org--tiny" / "blobs" / (sha + ".incomplete");
        QVERIFY(fs::exists(partial));
        const uintmax_t kept = fs::file_size(partial);
        QVERIFY(kept > 1000000);

        const hub::Snapshot s = hub::downloadModel(repo, settings);
        QCOMPARE(QString::fromStdString(hub::sha256OfFile(s.folder + "/model.safetensors")), QString::fromStdString(sha));
        const std::string asked = "bytes=" + std::to_string(kept) + "-";
        QVERIFY2(anyRequest(server.requests(), [&](const nlohmann::json& r) {
                     return r["server"] == "storage" && r["range"] == asked;
                 }),
                 asked.c_str());
    }

    void offlineAndUnreachableUseTheCache()
    {
        hub::HubSettings settings;
        settings.cacheDir = path("offline-cache").toStdString();
        {
            HubServer server({"--repo", "org/tiny=" + m_model}, path("offline.log"));
            QVERIFY2(server.ok(), qPrintable(server.error()));
            settings.endpoint = server.endpoint();
            hub::downloadModel(*hub::RepoRef::parse("org/tiny"), settings);
        }
        // The server is gone: its port refuses connections.
        const hub::Snapshot unreachable = hub::downloadModel(*hub::RepoRef::parse("org/tiny"), settings);
        QVERIFY(unreachable.fromCache);
        VERIFY_MENTIONS(QString::fromStdString(unreachable.note), "could not be reached");
        VERIFY_MENTIONS(errorOf([&] { hub::downloadModel(*hub::RepoRef::parse("org/other"), settings); }),
                        "not in the cache");
        settings.offline = true;
        const hub::Snapshot offline = hub::downloadModel(*hub::RepoRef::parse("org/tiny"), settings);
        QVERIFY(offline.fromCache);
        QCOMPARE(offline.folder, unreachable.folder);
        VERIFY_MENTIONS(errorOf([&] { hub::downloadModel(*hub::RepoRef::parse("org/other"), settings); }), "HF_HUB_OFFLINE");
        // locateModel: a path stays a path, a repo id becomes its snapshot.
        QCOMPARE(QString::fromStdString(hub::locateModel(m_model.toStdString(), settings, {})), m_model);
        QCOMPARE(hub::locateModel("org/tiny", settings, {}), offline.folder);
        VERIFY_MENTIONS(errorOf([&] { hub::locateModel("/no/such/folder", settings, {}); }), "model folder not found");
    }

    // Python's huggingface_hub and transformers read what MaskLab wrote, and MaskLab reads what
    // huggingface_hub downloaded, through the same cache.
    void cacheIsSharedWithHuggingFaceHub()
    {
        HubServer server({"--repo", "org/tiny=" + m_model}, path("shared.log"));
        QVERIFY2(server.ok(), qPrintable(server.error()));
        const hub::HubSettings ours = settingsFor(server, "ours-cache");
        const hub::Snapshot written = hub::downloadModel(*hub::RepoRef::parse("org/tiny"), ours);

        QProcess python;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("HF_HUB_CACHE", QString::fromStdString(ours.cacheDir));
        env.insert("HF_HUB_OFFLINE", "1");
        python.setProcessEnvironment(env);
        python.start(masklab::testing::peerPython(),
                     {"-c",
                      "import json; from huggingface_hub import snapshot_download, scan_cache_dir\n"
                      "from transformers import AutoModelForMaskedLM, AutoTokenizer\n"
                      "folder = snapshot_download('org/tiny', local_files_only=True)\n"
                      "info = scan_cache_dir()\n"
                      "m = AutoModelForMaskedLM.from_pretrained('org/tiny', local_files_only=True)\n"
                      "t = AutoTokenizer.from_pretrained('org/tiny', local_files_only=True)\n"
                      "print(json.dumps({'folder': folder, 'warnings': [str(w) for w in info.warnings],\n"
                      "  'refs': sorted(r for repo in info.repos for rev in repo.revisions for r in rev.refs),\n"
                      "  'arch': type(m).__name__, 'vocab': len(t)}))"});
        QVERIFY(python.waitForFinished(300000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const nlohmann::json seen = nlohmann::json::parse(python.readAllStandardOutput().toStdString());
        QCOMPARE(QString::fromStdString(seen["folder"]), QString::fromStdString(written.folder));
        QVERIFY2(seen["warnings"].empty(), seen.dump().c_str());
        QVERIFY2(seen["refs"] == nlohmann::json::array({"main"}), seen.dump().c_str());
        QCOMPARE(QString::fromStdString(seen["arch"]), QString("DistilBertForMaskedLM"));
        QCOMPARE(seen["vocab"].get<int>(), 30522);

        // The other way: huggingface_hub downloads from the same server, MaskLab reads offline.
        const QString pythonCache = path("python-cache");
        env = QProcessEnvironment::systemEnvironment();
        env.insert("HF_HUB_CACHE", pythonCache);
        env.insert("HF_ENDPOINT", QString::fromStdString(server.endpoint()));
        env.insert("HF_HUB_DISABLE_XET", "1");
        python.setProcessEnvironment(env);
        python.start(masklab::testing::peerPython(),
                     {"-c",
                      "from huggingface_hub import hf_hub_download\n"
                      "for f in ['config.json', 'model.safetensors', 'tokenizer.json', 'tokenizer_config.json']:\n"
                      "    print(hf_hub_download('org/tiny', f))"});
        QVERIFY(python.waitForFinished(300000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        hub::HubSettings theirs;
        theirs.cacheDir = pythonCache.toStdString();
        theirs.offline = true;
        const hub::Snapshot read = hub::downloadModel(*hub::RepoRef::parse("org/tiny"), theirs);
        QCOMPARE(QString::fromStdString(read.commit), QString::fromStdString(written.commit));
        const PretrainedModel loaded = loadPretrained(read.folder);
        QCOMPARE(loaded.tokenizer->vocabSize(), 30522);
    }

    // Sharded weights (transformers' save_pretrained with a small max_shard_size) download whole
    // and load; an index that points outside the folder is refused.
    void shardedWeightsAndUnsafeIndex()
    {
        const QString sharded = path("sharded");
        QByteArray out;
        const QString failure = masklab::testing::runPeerScript(
            "transformers_peer.py",
            {"random-model", sharded, "--arch", "bert", "--vocab",
             QString::fromStdString(masklab::testing::fixture("bert_uncased_tokenizer/vocab.txt")), "--max-shard-size",
             "2MB"},
            &out);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(fs::exists(sharded.toStdString() + "/model.safetensors.index.json"));

        const QString evil = copyModel("evil");
        fs::remove(evil.toStdString() + "/model.safetensors");
        std::ofstream(evil.toStdString() + "/model.safetensors.index.json")
            << R"({"metadata": {}, "weight_map": {"a": "../../../escaped.safetensors"}})";

        HubServer server({"--repo", "org/sharded=" + sharded, "--repo", "org/evil=" + evil}, path("shard.log"));
        QVERIFY2(server.ok(), qPrintable(server.error()));
        const hub::HubSettings settings = settingsFor(server, "shard-cache");
        const hub::Snapshot s = hub::downloadModel(*hub::RepoRef::parse("org/sharded"), settings);
        const auto shards = hub::shardsOfIndex(s.folder + "/model.safetensors.index.json");
        QVERIFY(shards.size() >= 2);
        for (const std::string& shard : shards) QVERIFY(fs::exists(s.folder + "/" + shard));
        const PretrainedModel loaded = loadPretrained(s.folder);
        QVERIFY(loaded.warnings.empty());
        QCOMPARE(loaded.model->config().architecture, Architecture::Bert);

        VERIFY_MENTIONS(errorOf([&] { hub::downloadModel(*hub::RepoRef::parse("org/evil"), settings); }), "refusing");
        QVERIFY(!fs::exists(path("escaped.safetensors").toStdString()));
        QVERIFY(!fs::exists(settings.cacheDir + "/escaped.safetensors"));
    }

    void cacheListingSaysWhatLoads()
    {
        const QString classifier = copyModel("classifier");
        {
            std::ifstream in(classifier.toStdString() + "/config.json");
            nlohmann::json config = nlohmann::json::parse(in);
            config["architectures"] = {"DistilBertForSequenceClassification"};
            std::ofstream(classifier.toStdString() + "/config.json") << config.dump(2);
        }
        HubServer server({"--repo", "org/tiny=" + m_model, "--repo", "org/classifier=" + classifier}, path("list.log"));
        QVERIFY2(server.ok(), qPrintable(server.error()));
        const hub::HubSettings settings = settingsFor(server, "list-cache");
        hub::downloadModel(*hub::RepoRef::parse("org/tiny"), settings);
        hub::downloadModel(*hub::RepoRef::parse("org/classifier"), settings);
        // An interrupted one: its weights link removed.
        hub::Snapshot broken = hub::downloadModel(*hub::RepoRef::parse("org/tiny"), settings);
        fs::copy(fs::path(settings.cacheDir) / "models--org--tiny", fs::path(settings.cacheDir) / "models--org--half",
                 fs::copy_options::recursive | fs::copy_options::copy_symlinks);
        fs::remove(fs::path(settings.cacheDir) / "models--org--half" / "snapshots" / broken.commit / "model.safetensors");

        const auto models = hub::listCachedModels(settings);
        QCOMPARE(int(models.size()), 3);
        QCOMPARE(QString::fromStdString(models[0].repoId), QString("org/tiny"));
        QVERIFY(models[0].loadable && models[0].complete && models[0].maskedLm);
        QVERIFY(models[0].revisions == std::vector<std::string>{"main"});
        uint64_t modelBytes = 0;
        for (const auto& e : fs::directory_iterator(m_model.toStdString())) modelBytes += fs::file_size(e.path());
        QCOMPARE(models[0].sizeOnDisk, modelBytes);
        for (const auto& m : models) {
            if (m.repoId == "org/classifier") {
                QVERIFY(!m.loadable);
                VERIFY_MENTIONS(QString::fromStdString(m.reason), "DistilBertForSequenceClassification");
            }
            if (m.repoId == "org/half") {
                QVERIFY(!m.complete && !m.loadable);
                VERIFY_MENTIONS(QString::fromStdString(m.reason), "model.safetensors");
            }
        }
    }

    // The CLI contract: the folder on stdout, progress on stderr, one line and non-zero on
    // failure; kill -9 in the middle, and a new process resumes.
    void cliDownloadCacheListAndResume()
    {
        HubServer server({"--repo", "org/tiny=" + m_model, "--slow", "model.safetensors=2000000"}, path("cli.log"));
        QVERIFY2(server.ok(), qPrintable(server.error()));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("HF_ENDPOINT", QString::fromStdString(server.endpoint()));
        env.insert("HF_HUB_CACHE", path("cli-cache"));
        env.remove("HF_TOKEN");
        env.insert("HF_HOME", path("cli-home"));
        QProcess cli;
        cli.setProcessEnvironment(env);

        cli.start(qEnvironmentVariable("MASKLAB_CLI"), {"download", "org/tiny"});
        QVERIFY(cli.waitForStarted());
        const QString partialGlob = path("cli-cache") + "/models--org--tiny/blobs";
        // Wait for a part of the weights on disk, then kill -9.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (!fs::exists(partialGlob.toStdString())) return false;
                for (const auto& e : fs::directory_iterator(partialGlob.toStdString()))
                    if (e.path().extension() == ".incomplete" && fs::file_size(e.path()) > 1000000) return true;
                return false;
            }(),
            30000);
        cli.kill();
        cli.waitForFinished();

        cli.start(qEnvironmentVariable("MASKLAB_CLI"), {"download", "org/tiny"});
        QVERIFY(cli.waitForFinished(120000));
        const QString stderrText = QString::fromLocal8Bit(cli.readAllStandardError());
        QVERIFY2(cli.exitCode() == 0, qPrintable(stderrText));
        const QString folder = QString::fromLocal8Bit(cli.readAllStandardOutput()).trimmed();
        QVERIFY(!folder.contains('\n'));
        QVERIFY(QFileInfo(folder + "/model.safetensors").exists());
        VERIFY_MENTIONS(stderrText, "MB");
        QVERIFY(anyRequest(server.requests(), [](const nlohmann::json& r) {
            return r["server"] == "storage" && r["range"].is_string();
        }));

        cli.start(qEnvironmentVariable("MASKLAB_CLI"), {"cache", "list", "--json"});
        QVERIFY(cli.waitForFinished(60000));
        const nlohmann::json list = nlohmann::json::parse(cli.readAllStandardOutput().toStdString());
        QCOMPARE(int(list.size()), 1);
        QCOMPARE(QString::fromStdString(list[0]["repo_id"].get<std::string>()), QString("org/tiny"));
        QVERIFY(list[0]["loadable"].get<bool>());

        cli.start(qEnvironmentVariable("MASKLAB_CLI"), {"info", "--model", "org/tiny"});
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        QCOMPARE(QString::fromStdString(nlohmann::json::parse(cli.readAllStandardOutput().toStdString())["architecture"]
                                            .get<std::string>()),
                 QString("DistilBertForMaskedLM"));
        cli.start(qEnvironmentVariable("MASKLAB_CLI"),
                  {"fill-mask", "--model", "org/tiny", "--text", "this is a great [MASK].", "--top-k", "2"});
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());

        // Failures: one line each, non-zero.
        const auto failureOf = [&](const QStringList& args, const QProcessEnvironment& e) {
            cli.setProcessEnvironment(e);
            cli.start(qEnvironmentVariable("MASKLAB_CLI"), args);
            cli.waitForFinished(60000);
            const QString text = QString::fromLocal8Bit(cli.readAllStandardError()).trimmed();
            return cli.exitCode() != 0 && !text.contains('\n') ? text : QString("exit 0 or several lines: ") + text;
        };
        VERIFY_MENTIONS(failureOf({"download", "org/missing"}, env), "not found");
        QProcessEnvironment offline = env;
        offline.insert("HF_HUB_OFFLINE", "1");
        VERIFY_MENTIONS(failureOf({"download", "org/other"}, offline), "HF_HUB_OFFLINE");
        VERIFY_MENTIONS(failureOf({"info", "--model", "org/other"}, offline), "not in the cache");
    }

    void imdbTarballDownloadsAndReads()
    {
        const QString tarball = path("aclImdb_v1.tar.gz");
        QProcess tar;
        tar.setWorkingDirectory(QString::fromStdString(masklab::testing::fixture("imdb")));
        tar.start("tar", {"czf", tarball, "--transform", "s,^aclImdb_sample,aclImdb,", "aclImdb_sample"});
        QVERIFY(tar.waitForFinished(120000) && tar.exitCode() == 0);
        const std::string sha = pythonSha256(tarball);
        HubServer server({"--file", "aclImdb_v1.tar.gz=" + tarball, "--cut", "aclImdb_v1.tar.gz"}, path("imdb.log"));
        QVERIFY2(server.ok(), qPrintable(server.error()));
        const std::string url = server.storageUrl("/files/aclImdb_v1.tar.gz");

        // The published size and checksum do not match this stand-in: refused, nothing kept.
        const std::string data = path("imdb-data").toStdString();
        VERIFY_MENTIONS(errorOf([&] { hub::downloadImdb(url, "", {}, data); }), "84125825");
        QVERIFY(!fs::exists(data + "/aclImdb_v1.tar.gz"));
        // Same size, other bytes: the sha256 refuses it.
        VERIFY_MENTIONS(errorOf([&] { hub::downloadImdb(url, std::string(64, 'a'), {}, data); }), "corrupt");
        QVERIFY(!fs::exists(data + "/aclImdb_v1.tar.gz"));

        const std::string got = hub::downloadImdb(url, sha, {}, data);
        QCOMPARE(QString::fromStdString(hub::sha256OfFile(got)), QString::fromStdString(sha));
        const Corpus corpus = readCorpus(got, CorpusOptions{});
        QVERIFY2(corpus.documents.size() > 2000, std::to_string(corpus.documents.size()).c_str());
        // Already there: no new request.
        const std::size_t before = server.requests().size();
        QCOMPARE(hub::downloadImdb(url, sha, {}, data), got);
        QCOMPARE(server.requests().size(), before);

        QProcess cli;
        cli.start(qEnvironmentVariable("MASKLAB_CLI"),
                  {"download-imdb", "--url", QString::fromStdString(url), "--sha256", QString::fromStdString(sha),
                   "--dir", path("imdb-cli")});
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        QCOMPARE(QString::fromLocal8Bit(cli.readAllStandardOutput()).trimmed(), path("imdb-cli") + "/aclImdb_v1.tar.gz");
    }

    // The distilbert weights' size (268 MB) streams to disk: the CLI's peak memory stays far
    // below the file.
    void largeDownloadStreams()
    {
        const QString big = copyModel("big");
        {
            std::ofstream weights(big.toStdString() + "/model.safetensors", std::ios::binary | std::ios::trunc);
            std::string block(1 << 20, '\0');
            std::mt19937 random(3);
            for (char& c : block) c = static_cast<char>(random());
            for (int i = 0; i < 268; ++i) weights << block;
        }
        HubServer server({"--repo", "org/big=" + big, "--repo", "org/tiny=" + m_model}, path("big.log"));
        QVERIFY2(server.ok(), qPrintable(server.error()));
        // The CLI's own footprint (LibTorch and the CUDA libraries mapped) is the same for any
        // download, so the streaming shows in the difference between a 268 MB and a 9 MB one.
        const double tinyMb = peakRssOfDownload(server, "org/tiny");
        const double bigMb = peakRssOfDownload(server, "org/big");
        qInfo("peak RSS of masklab-cli download: %.1f MB for org/tiny (9 MB), %.1f MB for org/big (268 MB)", tinyMb,
              bigMb);
        QVERIFY2(bigMb - tinyMb < 100, qPrintable(QString("%1 MB more").arg(bigMb - tinyMb)));
        QCOMPARE(fs::file_size(path("big-cache").toStdString() + "/models--org--big/snapshots/" +
                               hub::findCachedModel(*hub::RepoRef::parse("org/big"), [&] {
                                   hub::HubSettings s;
                                   s.cacheDir = path("big-cache").toStdString();
                                   return s;
                               }())->commit + "/model.safetensors"),
                 uintmax_t(268) << 20);
    }

private:
    double peakRssOfDownload(const HubServer& server, const char* repo)
    {
        const std::string endpoint = server.endpoint();
        const std::string cache = path("big-cache").toStdString();
        const std::string cli = qEnvironmentVariable("MASKLAB_CLI").toStdString();
        const pid_t child = fork();
        if (child == 0) {
            setenv("HF_ENDPOINT", endpoint.c_str(), 1);
            setenv("HF_HUB_CACHE", cache.c_str(), 1);
            if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(126);
            execl(cli.c_str(), "masklab-cli", "download", repo, static_cast<char*>(nullptr));
            _exit(127);
        }
        int status = 0;
        struct rusage usage {};
        if (wait4(child, &status, 0, &usage) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return 1e9;
        return usage.ru_maxrss / 1024.0;
    }
};

QTEST_GUILESS_MAIN(HubTest)
#include "test_hub.moc"
