// Data-parallel training as users launch it: `masklab-cli train --nproc 2` and torchrun, two
// Gloo processes on 127.0.0.1. With dropout off, two processes at batch 8 take the steps of one
// process at batch 16 and of one at batch 8 with gradient accumulation 2 (losses and final
// weights within 1e-5); a process killed mid-run makes the other exit within 60 s naming it, and
// the run resumes as one process with the losses the two would have had.
// LibTorch before Qt: Qt's "slots" macro breaks its headers.
#include <torch/torch.h>

#include "test_support.h"

#include "peer_runner.h"

#include "masklab/tensor_io.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <map>
#include <string>

using namespace masklab::testing;

namespace {

constexpr int kTimeoutMs = 600000;
constexpr double kTolerance = 1e-5;   // the issue's: float sums in another order, nothing more
constexpr int64_t kSteps = 32;        // 256 training chunks, 16 per step, 2 epochs

struct Finished {
    bool finished = false;
    int exitCode = -1;
    QByteArray out, err;
    QString describe() const
    {
        return QStringLiteral("exit %1, stderr: %2").arg(finished ? exitCode : -1).arg(QString::fromUtf8(err.right(3000)));
    }
};

int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t n = sizeof(a);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof(a));
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &n);
    ::close(fd);
    return ntohs(a.sin_port);
}

// The pid of the launcher's child whose environment says RANK=<rank>.
pid_t childWithRank(qint64 parent, int rank)
{
    QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(parent));
    if (!children.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray& pid : children.readAll().split(' ')) {
        if (pid.trimmed().isEmpty()) continue;
        QFile environ(QStringLiteral("/proc/%1/environ").arg(QString::fromLatin1(pid.trimmed())));
        if (environ.open(QIODevice::ReadOnly) && environ.readAll().split('\0').contains("RANK=" + QByteArray::number(rank)))
            return static_cast<pid_t>(pid.trimmed().toLongLong());
    }
    return 0;
}

}  // namespace

class TestDistributed final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_cli = qEnvironmentVariable("MASKLAB_CLI");
    std::map<int64_t, double> m_twoProcessLosses;

    QString temp(const QString& name) const { return m_dir.filePath(name); }

    // The same run at any split of its 16 chunks per step; dropout off so the splits compare.
    QString settings(const QString& folder, int batch, int accumulation, int saveEvery = 0) const
    {
        const nlohmann::json j = {{"from_scratch", "tiny"}, {"tokenizer", bertTokenizerJson()},
                                  {"corpus", fixture("imdb/imdb_sample_1000.jsonl")}, {"chunk_size", 64},
                                  {"train_size", 256}, {"test_size", 48}, {"eval_batch_size", 16},
                                  {"batch_size", batch}, {"gradient_accumulation", accumulation},
                                  {"epochs", 2}, {"learning_rate", 1e-3}, {"warmup_steps", 2}, {"dropout", 0.0},
                                  {"attention_dropout", 0.0}, {"precision", "fp32"}, {"log_every_steps", 1},
                                  {"save_every_steps", saveEvery}, {"threads", 1}, {"device", "cpu"},
                                  // Small buckets: the tiny model's 3 MB of gradients go in several.
                                  {"ddp_bucket_cap_mb", 1}, {"ddp_timeout", 120},
                                  {"output_dir", temp(folder).toStdString()}};
        const QString path = temp(folder + ".json");
        QFile f(path);
        if (f.open(QIODevice::WriteOnly)) f.write(QByteArray::fromStdString(j.dump()));
        return path;
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("MASKLAB_CACHE_DIR"), temp(QStringLiteral("cache")));
        for (const char* name : {"RANK", "WORLD_SIZE", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT"}) e.remove(QString::fromLatin1(name));
        return e;
    }

    Finished run(const QString& program, const QStringList& arguments) const
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(program, arguments);
        Finished r;
        if (!p.waitForStarted(kTimeoutMs) || !p.waitForFinished(kTimeoutMs)) {
            p.kill();
            p.waitForFinished();
            r.err = "did not finish: " + p.readAllStandardError();
            return r;
        }
        r.finished = p.exitStatus() == QProcess::NormalExit;
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    std::map<int64_t, double> stepLosses(const QString& folder) const
    {
        std::map<int64_t, double> losses;
        std::ifstream in(temp(folder + "/metrics.jsonl").toStdString());
        for (std::string line; std::getline(in, line);) {
            const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
            if (j.is_object() && j.value("type", "") == "step") losses[j["step"].get<int64_t>()] = j["loss"].get<double>();
        }
        return losses;
    }

    int stepLines(const QString& folder) const
    {
        std::ifstream in(temp(folder + "/metrics.jsonl").toStdString());
        int n = 0;
        for (std::string line; std::getline(in, line);) n += line.find("\"type\":\"step\"") != std::string::npos;
        return n;
    }

    static void compareLosses(const std::map<int64_t, double>& got, const std::map<int64_t, double>& expected, const char* what,
                              int64_t from = 1)
    {
        for (const auto& [step, loss] : expected) {
            if (step < from) continue;
            QVERIFY2(got.count(step), qPrintable(QStringLiteral("%1: no step %2").arg(what).arg(step)));
            QVERIFY2(std::abs(got.at(step) - loss) <= kTolerance * std::max(1.0, std::abs(loss)),
                     qPrintable(QStringLiteral("%1, step %2: %3, expected %4")
                                    .arg(what).arg(step).arg(got.at(step), 0, 'g', 12).arg(loss, 0, 'g', 12)));
        }
    }

    void compareWeights(const QString& folder, const QString& reference, const char* what) const
    {
        const auto file = [&](const QString& f) { return temp(f + "/checkpoint-epoch-2/model.safetensors").toStdString(); };
        const masklab::TensorList got = masklab::readSafetensors(file(folder));
        const masklab::TensorList expected = masklab::readSafetensors(file(reference));
        QCOMPARE(got.size(), expected.size());
        double worst = 0;
        std::string worstName;
        for (std::size_t i = 0; i < got.size(); ++i) {
            QCOMPARE(got[i].name, expected[i].name);
            const double d = (got[i].tensor - expected[i].tensor).abs().max().item<double>();
            if (d > worst) {
                worst = d;
                worstName = got[i].name;
            }
        }
        qInfo("%s: weights within %.3g of one process at batch 16 (largest at %s)", what, worst, worstName.c_str());
        QVERIFY2(worst <= kTolerance, qPrintable(QStringLiteral("%1: %2 differs by %3").arg(what).arg(QString::fromStdString(worstName)).arg(worst)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!m_cli.isEmpty(), "MASKLAB_CLI is not set (ctest sets it)");
    }

    void twoProcessesTakeTheStepsOfOneWithTheWholeBatch()
    {
        const Finished whole = run(m_cli, {QStringLiteral("train"), QStringLiteral("--config"), settings(QStringLiteral("batch16"), 16, 1)});
        QVERIFY2(whole.finished && whole.exitCode == 0, qPrintable(whole.describe()));
        const std::map<int64_t, double> expected = stepLosses(QStringLiteral("batch16"));
        QCOMPARE(static_cast<int64_t>(expected.size()), kSteps);

        const Finished accumulated =
            run(m_cli, {QStringLiteral("train"), QStringLiteral("--config"), settings(QStringLiteral("accumulate"), 8, 2)});
        QVERIFY2(accumulated.finished && accumulated.exitCode == 0, qPrintable(accumulated.describe()));
        compareLosses(stepLosses(QStringLiteral("accumulate")), expected, "batch 8 x accumulation 2");
        compareWeights(QStringLiteral("accumulate"), QStringLiteral("batch16"), "batch 8 x accumulation 2");

        const Finished two = run(m_cli, {QStringLiteral("train"), QStringLiteral("--nproc"), QStringLiteral("2"),
                                         QStringLiteral("--config"), settings(QStringLiteral("nproc"), 8, 1)});
        QVERIFY2(two.finished && two.exitCode == 0, qPrintable(two.describe()));
        // Several buckets, so the all-reduce of one overlaps the backward of the next.
        const QRegularExpressionMatch buckets =
            QRegularExpression(QStringLiteral("2 processes, 16 chunks per step; gradients summed in (\\d+) buckets")).match(QString::fromUtf8(two.err));
        QVERIFY2(buckets.hasMatch() && buckets.captured(1).toInt() > 1, two.err.constData());
        m_twoProcessLosses = stepLosses(QStringLiteral("nproc"));
        compareLosses(m_twoProcessLosses, expected, "--nproc 2 at batch 8");
        compareWeights(QStringLiteral("nproc"), QStringLiteral("batch16"), "--nproc 2 at batch 8");
        // The main process alone writes: each step once in metrics.jsonl and on stdout.
        QCOMPARE(stepLines(QStringLiteral("nproc")), static_cast<int>(kSteps));
        QCOMPARE(static_cast<int64_t>(two.out.count("\"type\":\"step\"")), kSteps);

        // torchrun starts the same command as its two workers (its agent hosts the store).
        const QStringList torchrun = {QStringLiteral("-m"), QStringLiteral("torch.distributed.run"), QStringLiteral("--no-python"),
                                      QStringLiteral("--nnodes"), QStringLiteral("1"), QStringLiteral("--nproc-per-node"),
                                      QStringLiteral("2"), QStringLiteral("--master-addr"), QStringLiteral("127.0.0.1"),
                                      QStringLiteral("--master-port"), QString::number(freePort()), m_cli,
                                      QStringLiteral("train"), QStringLiteral("--config"), settings(QStringLiteral("torchrun"), 8, 1)};
        const Finished launched = run(peerPython(), torchrun);
        QVERIFY2(launched.finished && launched.exitCode == 0, qPrintable(launched.describe()));
        compareLosses(stepLosses(QStringLiteral("torchrun")), expected, "torchrun, 2 processes at batch 8");
        compareWeights(QStringLiteral("torchrun"), QStringLiteral("batch16"), "torchrun, 2 processes at batch 8");
    }

    void aKilledProcessStopsTheOtherAndTheRunResumesAsOne()
    {
        QVERIFY2(!m_twoProcessLosses.empty(), "needs the two-process run of the test before");
        QProcess launcher;
        launcher.setProcessEnvironment(environment());
        launcher.start(m_cli, {QStringLiteral("train"), QStringLiteral("--nproc"), QStringLiteral("2"), QStringLiteral("--config"),
                               settings(QStringLiteral("killed"), 8, 1, 4)});
        QVERIFY(launcher.waitForStarted(kTimeoutMs));
        QElapsedTimer waited;
        waited.start();
        while (stepLosses(QStringLiteral("killed")).size() < 10 && launcher.state() == QProcess::Running && waited.elapsed() < kTimeoutMs)
            QTest::qWait(5);
        const pid_t second = childWithRank(launcher.processId(), 1);
        QVERIFY2(second > 0 && launcher.state() == QProcess::Running, "the run ended before process 1 could be killed");
        QVERIFY(::kill(second, SIGKILL) == 0);
        QElapsedTimer sinceKill;
        sinceKill.start();
        QVERIFY2(launcher.waitForFinished(120000), "the run went on after one of its processes was killed");
        const double seconds = sinceKill.elapsed() / 1000.0;
        const QByteArray err = launcher.readAllStandardError();
        qInfo("the other process and the launcher exited %.1f s after the kill", seconds);
        QVERIFY2(seconds < 60, qPrintable(QStringLiteral("%1 s after the kill").arg(seconds)));
        QVERIFY2(launcher.exitCode() != 0, err.constData());
        // The launcher names the killed process, and so does the one that survived it.
        QVERIFY2(err.contains("process 1 of 2 (pid " + QByteArray::number(second) + ") was killed by signal 9"), err.constData());
        QVERIFY2(err.contains("process 1 of the run stopped answering"), err.constData());

        std::ifstream stateFile(temp(QStringLiteral("killed/state/trainer_state.json")).toStdString());
        QVERIFY2(stateFile, "no state after the kill");
        const nlohmann::json state = nlohmann::json::parse(stateFile);
        const int64_t saved = state["global_step"].get<int64_t>();
        QVERIFY2(saved >= 8 && saved % 4 == 0 && saved < kSteps, qPrintable(QStringLiteral("state at step %1").arg(saved)));
        QCOMPARE(state["processes"].get<int64_t>(), int64_t{2});

        // One process goes on: accumulation 2 keeps the 16 chunks per step.
        const Finished resumed = run(m_cli, {QStringLiteral("train"), QStringLiteral("--resume"), temp(QStringLiteral("killed"))});
        QVERIFY2(resumed.finished && resumed.exitCode == 0, qPrintable(resumed.describe()));
        QVERIFY2(resumed.err.contains("the run had 2 processes, now 1: gradient_accumulation 2 keeps its 16 chunks per step"),
                 resumed.err.constData());
        const std::map<int64_t, double> got = stepLosses(QStringLiteral("killed"));
        QCOMPARE(static_cast<int64_t>(got.size()), kSteps);
        compareLosses(got, m_twoProcessLosses, "two processes killed, resumed as one", saved + 1);
        QCOMPARE(stepLines(QStringLiteral("killed")), static_cast<int>(kSteps));
    }

    void badEnvironmentIsNamed()
    {
        QProcess p;
        QProcessEnvironment e = environment();
        e.insert(QStringLiteral("WORLD_SIZE"), QStringLiteral("two"));
        p.setProcessEnvironment(e);
        p.start(m_cli, {QStringLiteral("train"), QStringLiteral("--config"), settings(QStringLiteral("badenv"), 8, 1)});
        QVERIFY(p.waitForFinished(kTimeoutMs));
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains("WORLD_SIZE is \"two\", not a whole number"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestDistributed)
#include "test_distributed.moc"
