#pragma once
// Starts tests/hub_server.py (the Hub stand-in on 127.0.0.1) for one test and reads its request
// log. The server exits when this object closes its stdin.
#include "peer_runner.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

namespace masklab::testing {

class HubServer {
public:
    // args: hub_server.py options (--repo ID=FOLDER, --cut PATH, ...).
    HubServer(const QStringList& args, const QString& logPath) : m_log(logPath)
    {
        QFile::remove(logPath);
        m_process.start(peerPython(),
                        QStringList{QString(MASKLAB_SOURCE_DIR "/tests/hub_server.py"), "--log", logPath} + args);
        if (!m_process.waitForStarted(30000) || !m_process.waitForReadyRead(60000)) {
            m_error = "hub_server.py did not start: " + QString::fromLocal8Bit(m_process.readAllStandardError());
            return;
        }
        const nlohmann::json ports = nlohmann::json::parse(m_process.readLine().toStdString(), nullptr, false);
        if (ports.is_discarded() || !ports.contains("hub")) {
            m_error = "hub_server.py printed no ports: " + QString::fromLocal8Bit(m_process.readAllStandardError());
            return;
        }
        m_hubPort = ports["hub"].get<int>();
        m_storagePort = ports["storage"].get<int>();
    }
    ~HubServer()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000)) m_process.kill();
        m_process.waitForFinished(5000);
    }

    bool ok() const { return m_hubPort > 0; }
    QString error() const { return m_error; }
    std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(m_hubPort); }
    std::string storageUrl(const std::string& path) const
    {
        return "http://127.0.0.1:" + std::to_string(m_storagePort) + path;
    }

    // Every request so far: {"server": "hub"|"storage", "method", "path", "range", "authorization"}.
    std::vector<nlohmann::json> requests() const
    {
        std::vector<nlohmann::json> out;
        std::ifstream in(m_log.toStdString());
        std::string line;
        while (std::getline(in, line))
            if (!line.empty()) out.push_back(nlohmann::json::parse(line));
        return out;
    }

private:
    QProcess m_process;
    QString m_log;
    QString m_error;
    int m_hubPort = 0;
    int m_storagePort = 0;
};

}  // namespace masklab::testing
