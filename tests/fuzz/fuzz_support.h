#pragma once
// What every fuzz target shares: the input written where the real reader expects a file, and the
// rule for errors. A parser may refuse input only with masklab::Error carrying one clean line
// (no raw library text, no backtrace, input quoted only briefly); any other exception, a crash,
// a leak or a blow-up past libFuzzer's -rss_limit_mb is a finding.
#include "masklab/error.h"

#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace masklab::fuzz {

// A folder of this process's own under TMPDIR (removed at exit), so parallel fuzzers never share
// files.
inline const std::filesystem::path& scratchFolder()
{
    static const std::filesystem::path folder = [] {
        const char* tmp = std::getenv("TMPDIR");
        std::filesystem::path f = std::filesystem::path(tmp && *tmp ? tmp : "/tmp") /
                                  ("masklab-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(f);
        static struct Remover {
            std::filesystem::path path;
            ~Remover()
            {
                std::error_code ec;
                std::filesystem::remove_all(path, ec);
            }
        } remover{f};
        return f;
    }();
    return folder;
}

// Writes bytes to scratchFolder()/name (subfolders made as needed) and returns the path.
inline std::string writeFile(const std::string& name, std::string_view bytes)
{
    const std::filesystem::path path = scratchFolder() / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    return path.string();
}

[[noreturn]] inline void finding(const char* what, const std::string& detail)
{
    std::fprintf(stderr, "\nFINDING: %s\n%s\n", what, detail.c_str());
    std::abort();
}

// The input of the current run, so that text it contains is not mistaken for a library's.
inline std::string_view& currentInput()
{
    static std::string_view input;
    return input;
}

// A refusal is fine when its message reads as MaskLab's own: one line of printable text, without
// the text of the library underneath (unless the input itself holds it), and short (a path plus
// a few dozen characters of quoted input).
inline void checkMessage(const std::string& message)
{
    if (message.empty()) finding("an empty error message", message);
    for (unsigned char c : message)
        if (c < 0x20 || c == 0x7f) finding("an error message with a control character (a line break, a NUL)", message);
    // Quoted input has its stray bytes escaped as \xHH: each escape counts as a space here, or
    // the escape of byte 0xBB before the input's "asic_string::" reads as "basic_string::".
    std::string plain;
    for (std::size_t i = 0; i < message.size(); ++i) {
        if (message[i] == '\\' && i + 3 < message.size() && message[i + 1] == 'x' && std::isxdigit(static_cast<unsigned char>(message[i + 2])) &&
            std::isxdigit(static_cast<unsigned char>(message[i + 3]))) {
            i += 3;
            plain += ' ';
            continue;
        }
        plain += message[i];
    }
    for (const char* raw : {"[json.exception", "enforce fail", "Exception raised from", "std::bad_alloc",
                            "basic_string::", "vector::_M"})
        if (plain.find(raw) != std::string::npos && currentInput().find(raw) == std::string_view::npos)
            finding("a raw library message reached the user", message);
    if (message.size() > scratchFolder().string().size() + 400)
        finding("an error message too long to read", message.substr(0, 2000));
}

// Runs one parse of `input`: masklab::Error is checked and accepted, anything else is a finding.
template <typename Parse>
void expectCleanOutcome(std::string_view input, Parse&& parse)
{
    currentInput() = input;
    try {
        parse();
    } catch (const masklab::Error& e) {
        checkMessage(e.what());
    } catch (const std::exception& e) {
        finding("an exception other than masklab::Error escaped", e.what());
    } catch (...) {
        finding("a non-standard exception escaped", "");
    }
}

}  // namespace masklab::fuzz
