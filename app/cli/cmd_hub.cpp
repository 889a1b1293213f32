// masklab-cli download / cache list / download-imdb: the Hugging Face Hub and the IMDb tarball.
// Results go to stdout (a folder, a path, a table or JSON) and progress to stderr, so other
// programs can read the one and show the other.
#include "cli_common.h"

#include "masklab/hub.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>

namespace masklab::cli {
namespace {

struct DownloadCommand {
    std::string repo;
    std::string revision;
    std::vector<std::string> include;

    void run() const
    {
        std::string text = repo;
        if (!revision.empty()) text += "@" + revision;
        const std::optional<hub::RepoRef> ref = hub::RepoRef::parse(text);
        if (!ref) throw Error("\"" + text.substr(0, 80) + "\" is not a Hugging Face repo id (org/name[@revision])");
        const hub::Snapshot snapshot =
            hub::downloadModel(*ref, hub::HubSettings::fromEnvironment(), stderrProgress(), include);
        if (!snapshot.note.empty()) std::fprintf(stderr, "masklab-cli: %s\n", snapshot.note.c_str());
        writeLine(snapshot.folder);
    }
};

struct CacheListCommand {
    bool json = false;

    void run() const
    {
        const hub::HubSettings settings = hub::HubSettings::fromEnvironment();
        const std::vector<hub::CachedModel> models = hub::listCachedModels(settings);
        if (json) {
            nlohmann::json list = nlohmann::json::array();
            for (const hub::CachedModel& m : models)
                list.push_back({{"repo_id", m.repoId}, {"revisions", m.revisions}, {"commit", m.commit},
                                {"folder", m.folder}, {"size_on_disk", m.sizeOnDisk}, {"complete", m.complete},
                                {"masked_lm", m.maskedLm}, {"loadable", m.loadable},
                                {"architecture", m.architecture}, {"reason", m.reason}});
            writeLine(list.dump(2));
            return;
        }
        std::fprintf(stderr, "cache: %s\n", settings.cacheDir.c_str());
        if (models.empty()) writeLine("no models in the cache");
        for (const hub::CachedModel& m : models) {
            std::string revisions;
            for (const std::string& r : m.revisions) revisions += (revisions.empty() ? "" : ",") + r;
            char line[512];
            std::snprintf(line, sizeof(line), "%-40s %-10s %-8s %10.1f MB  %s", m.repoId.c_str(),
                          revisions.empty() ? m.commit.substr(0, 8).c_str() : revisions.c_str(),
                          m.commit.substr(0, 8).c_str(), m.sizeOnDisk / 1e6,
                          m.loadable ? m.architecture.c_str() : ("cannot load: " + m.reason).c_str());
            writeLine(line);
        }
    }
};

struct DownloadImdbCommand {
    std::string url = hub::kImdbUrl;
    std::string sha256;
    std::string dir;

    void run() const { writeLine(hub::downloadImdb(url, sha256, stderrProgress(), dir)); }
};

}  // namespace

hub::ProgressCallback stderrProgress()
{
    // One line per half second; on a terminal it rewrites itself.
    auto last = std::make_shared<std::chrono::steady_clock::time_point>();
    const bool terminal = isatty(fileno(stderr));
    return [last, terminal](const hub::TransferProgress& p) {
        const auto now = std::chrono::steady_clock::now();
        const bool finished = p.total > 0 && p.bytes >= p.total;
        if (now - *last < std::chrono::milliseconds(500) && !finished) return true;
        *last = now;
        std::fprintf(stderr, terminal ? "\r%-100s" : "%s\n", hub::describeProgress(p).c_str());
        if (terminal) openProgressLine();
        if (terminal && finished) closeProgressLine();
        return true;
    };
}

void addHubCommands(CLI::App& app)
{
    auto download = std::make_shared<DownloadCommand>();
    CLI::App* sub = app.add_subcommand("download", "Download a model from the Hugging Face Hub into its cache; "
                                                   "prints the snapshot folder");
    sub->add_option("repo", download->repo, "Repo id: name or org/name, optionally @revision")->required();
    sub->add_option("--revision", download->revision, "Branch, tag or commit (default main)");
    sub->add_option("--include", download->include, "Another file of the repo to fetch (repeat)");
    sub->callback([download] { download->run(); });

    CLI::App* cache = app.add_subcommand("cache", "The Hugging Face cache (HF_HUB_CACHE)");
    cache->require_subcommand(1);
    auto list = std::make_shared<CacheListCommand>();
    CLI::App* listSub = cache->add_subcommand("list", "The models in the cache, and whether MaskLab loads them");
    listSub->add_flag("--json", list->json, "JSON instead of a table");
    listSub->callback([list] { list->run(); });

    auto imdb = std::make_shared<DownloadImdbCommand>();
    CLI::App* imdbSub = app.add_subcommand("download-imdb", "Download aclImdb_v1.tar.gz (resumable, checked); "
                                                            "prints its path");
    imdbSub->add_option("--url", imdb->url, "Address of the tarball (a mirror)")->capture_default_str();
    imdbSub->add_option("--sha256", imdb->sha256, "Expected sha256 (default: the published file's; none: no check)");
    imdbSub->add_option("--dir", imdb->dir, "Folder to keep it in (default: MaskLab's cache, datasets/)");
    imdbSub->callback([imdb] { imdb->run(); });
}

}  // namespace masklab::cli
