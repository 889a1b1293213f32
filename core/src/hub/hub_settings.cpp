// HubSettings from the environment and repo ids from text, as huggingface_hub reads them.
#include "masklab/hub.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>

namespace masklab::hub {
namespace {

std::string env(const char* name)
{
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

bool isTrue(std::string value)
{
    for (char& c : value) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return value == "1" || value == "ON" || value == "YES" || value == "TRUE";
}

std::string trimmed(std::string text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
    std::size_t start = 0;
    while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
    return text.substr(start);
}

// Hub names: letters, digits, '-', '_', '.'; not starting or ending with '-' or '.', no "--"
// or ".." (huggingface_hub's validate_repo_id), at most 96 characters.
bool isRepoName(const std::string& name)
{
    if (name.empty() || name.size() > 96) return false;
    if (!std::all_of(name.begin(), name.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
        }))
        return false;
    if (name.front() == '-' || name.front() == '.' || name.back() == '-' || name.back() == '.') return false;
    return name.find("--") == std::string::npos && name.find("..") == std::string::npos;
}

}  // namespace

HubSettings HubSettings::fromEnvironment()
{
    HubSettings s;
    if (const std::string endpoint = env("HF_ENDPOINT"); !endpoint.empty()) {
        s.endpoint = endpoint;
        while (!s.endpoint.empty() && s.endpoint.back() == '/') s.endpoint.pop_back();
    }
    std::string home = env("HF_HOME");
    if (home.empty()) {
        const std::string xdg = env("XDG_CACHE_HOME");
        home = (xdg.empty() ? env("HOME") + "/.cache" : xdg) + "/huggingface";
    }
    s.cacheDir = env("HF_HUB_CACHE");
    if (s.cacheDir.empty()) s.cacheDir = env("HUGGINGFACE_HUB_CACHE");
    if (s.cacheDir.empty()) s.cacheDir = home + "/hub";
    s.token = trimmed(env("HF_TOKEN"));
    if (s.token.empty()) {
        std::string tokenPath = env("HF_TOKEN_PATH");
        if (tokenPath.empty()) tokenPath = home + "/token";
        std::ifstream in(tokenPath, std::ios::binary);
        std::string line;
        if (in && std::getline(in, line)) s.token = trimmed(line);
    }
    s.offline = isTrue(env("HF_HUB_OFFLINE")) || isTrue(env("TRANSFORMERS_OFFLINE"));
    return s;
}

std::optional<RepoRef> RepoRef::parse(const std::string& text)
{
    RepoRef ref;
    std::string id = text;
    if (const std::size_t at = text.find('@'); at != std::string::npos) {
        ref.revision = text.substr(at + 1);
        id = text.substr(0, at);
        if (ref.revision.empty() || ref.revision.size() > 200) return std::nullopt;
        for (char c : ref.revision)
            if (std::isspace(static_cast<unsigned char>(c)) || c == '\\' || c == '?' || c == '#') return std::nullopt;
        if (ref.revision.find("..") != std::string::npos || ref.revision.front() == '/') return std::nullopt;
    }
    const std::size_t slash = id.find('/');
    if (slash == std::string::npos) {
        if (!isRepoName(id)) return std::nullopt;
    } else {
        if (id.find('/', slash + 1) != std::string::npos) return std::nullopt;
        if (!isRepoName(id.substr(0, slash)) || !isRepoName(id.substr(slash + 1))) return std::nullopt;
    }
    ref.repoId = id;
    return ref;
}

}  // namespace masklab::hub
