#pragma once
// Runs Hugging Face's tokenizers (tests/peer/hf_tokenize.js, the npm package `tokenizers`,
// which is HF's Rust code) on texts and reads back its ids and word ids. The README's test
// command installs the package into <build>/peer; a test that needs the peer fails without it.
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

inline QString peerModulesDir()
{
    const QByteArray env = qgetenv("MASKLAB_PEER_MODULES");
    return env.isEmpty() ? QString(MASKLAB_BINARY_DIR "/peer/node_modules") : QString::fromLocal8Bit(env);
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
    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("NODE_PATH", peerModulesDir());
    node.setProcessEnvironment(env);
    QStringList args{QString(MASKLAB_SOURCE_DIR "/tests/peer/hf_tokenize.js"),
                     QString::fromStdString(tokenizerJson), QString::fromStdString(jsonl),
                     QString::fromStdString(outputBin)};
    args += extraArgs;
    node.start("node", args);
    if (!node.waitForStarted(20000))
        qFatal("cannot start node: install nodejs (the README's test command does)");
    node.waitForFinished(-1);
    if (node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0)
        qFatal("Hugging Face peer failed (is `tokenizers` installed in %s?): %s",
               qPrintable(peerModulesDir()), node.readAllStandardError().constData());
    return node.readAllStandardOutput();
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
