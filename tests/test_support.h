#pragma once
// Helpers shared by the test executables: where the fixtures are, temporary folders.
#include <QtTest>

#include <cstdlib>
#include <string>

namespace masklab::testing {

// ../shared/fixtures, or MASKLAB_FIXTURES. Fails the calling test when the folder is missing:
// tests that need real data must not pass without it.
inline std::string fixtures()
{
    const char* env = std::getenv("MASKLAB_FIXTURES");
    std::string dir = env && *env ? env : std::string(MASKLAB_SOURCE_DIR) + "/../shared/fixtures";
    if (!QFileInfo(QString::fromStdString(dir + "/MANIFEST.md")).exists())
        qFatal("fixtures folder not found at %s (set MASKLAB_FIXTURES)", dir.c_str());
    return dir;
}

inline std::string fixture(const std::string& relative) { return fixtures() + "/" + relative; }

inline std::string bertTokenizerJson() { return fixture("bert_uncased_tokenizer/tokenizer.json"); }

}  // namespace masklab::testing
