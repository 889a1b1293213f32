#pragma once
// Runs Hugging Face's tokenizers (tests/peer/hf_tokenize.py: the Python package `tokenizers`,
// HF's Rust code) on texts and reads back its ids and word ids. The Python is the venv that the
// README's test command sets up (MASKLAB_PYTHON); a test that needs the peer fails without it.
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace masklab::testing {

struct PeerEncoding {
    std::vector<int32_t> ids;
    std::vector<int32_t> wordIds;  // -1 for None
};

// The Python with torch, transformers and tokenizers: MASKLAB_PYTHON (ctest sets it to the
// configured venv), else the one the build was configured with.
inline QString peerPython()
{
    const QByteArray env = qgetenv("MASKLAB_PYTHON");
    return env.isEmpty() ? QString(MASKLAB_PYTHON_DEFAULT) : QString::fromLocal8Bit(env);
}

inline QString peerScript(const char* name) { return QString(MASKLAB_SOURCE_DIR "/tests/peer/") + name; }

// Runs tests/peer/<script> with args under the peer Python; returns an empty string on
// success, else what went wrong (with the script's stderr). stdout goes to *output.
inline QString runPeerScript(const char* script, const QStringList& args, QByteArray* output = nullptr,
                             int timeoutMs = 600000)
{
    QProcess python;
    python.start(peerPython(), QStringList{peerScript(script)} + args);
    if (!python.waitForStarted(30000))
        return "cannot start " + peerPython() + " (run bash .ci/setup-debian, which sets up the venv): " +
               python.errorString();
    if (!python.waitForFinished(timeoutMs)) {
        python.kill();
        python.waitForFinished();
        return QString("%1 did not finish in %2 s").arg(script).arg(timeoutMs / 1000);
    }
    if (python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0)
        return QString("%1 failed (exit %2): %3")
            .arg(script)
            .arg(python.exitCode())
            .arg(QString::fromLocal8Bit(python.readAllStandardError()));
    if (output) *output = python.readAllStandardOutput();
    return {};
}

inline void writeTextsJsonl(const std::vector<std::string>& texts, const std::string& path)
{
    std::ofstream out(path, std::ios::binary);
    for (const std::string& t : texts)
        out << nlohmann::json{{"text", t}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
            << '\n';
}

// Runs the peer on a JSONL file already written; extraArgs e.g. {"--bench"}. Returns stdout.
inline QByteArray runPeer(const std::string& tokenizerJson, const std::string& jsonl,
                          const std::string& outputBin, const QStringList& extraArgs = {})
{
    QByteArray output;
    const QString error = runPeerScript("hf_tokenize.py",
                                        QStringList{QString::fromStdString(tokenizerJson), QString::fromStdString(jsonl),
                                                    QString::fromStdString(outputBin)} + extraArgs,
                                        &output, -1);
    if (!error.isEmpty()) qFatal("Hugging Face peer: %s", qPrintable(error));
    return output;
}

inline std::vector<PeerEncoding> readPeerOutput(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::vector<PeerEncoding> result;
    uint32_t n = 0;
    while (in.read(reinterpret_cast<char*>(&n), 4)) {
        PeerEncoding e;
        e.ids.resize(n);
        e.wordIds.resize(n);
        in.read(reinterpret_cast<char*>(e.ids.data()), 4 * static_cast<std::streamsize>(n));
        in.read(reinterpret_cast<char*>(e.wordIds.data()), 4 * static_cast<std::streamsize>(n));
        result.push_back(std::move(e));
    }
    return result;
}

inline std::vector<PeerEncoding> peerEncode(const std::string& tokenizerJson,
                                            const std::vector<std::string>& texts, const QString& workDir)
{
    const std::string jsonl = (workDir + "/peer_in.jsonl").toStdString();
    const std::string bin = (workDir + "/peer_out.bin").toStdString();
    writeTextsJsonl(texts, jsonl);
    runPeer(tokenizerJson, jsonl, bin);
    return readPeerOutput(bin);
}

}  // namespace masklab::testing
