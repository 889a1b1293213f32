// masklab-cli: the headless front end of the core. Errors from the core end here as one line
// on stderr and a non-zero exit code.
#include "cli_common.h"
#include "local_launcher.h"

#include "masklab/error.h"
#include "masklab/hub.h"

#include <cstdio>
#include <exception>

int main(int argc, char** argv)
{
    masklab::cli::rememberCommandLine(argc, argv);
    CLI::App app{"MaskLab: adapt masked language models to a domain (headless)", "masklab-cli"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "masklab-cli 0.1.0");
    masklab::cli::addTokenizeCommand(app);
    masklab::cli::addChunkCommand(app);
    masklab::cli::addMaskCommand(app);
    masklab::cli::addHubCommands(app);
#ifdef MASKLAB_HAVE_ENGINE
    masklab::cli::addTrainCommand(app);
    masklab::cli::addEvalCommand(app);
    masklab::cli::addModelCommands(app);
#endif
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // Usage errors follow the same contract as every other error: one line, non-zero.
        masklab::cli::closeProgressLine();
        std::fprintf(stderr, "masklab-cli: %s (see masklab-cli --help)\n", e.what());
        return 2;
    } catch (const masklab::hub::DownloadCancelled& e) {
        masklab::cli::closeProgressLine();
        std::fprintf(stderr, "masklab-cli: %s\n", e.what());
        return 130;
    } catch (const masklab::Error& e) {
        masklab::cli::closeProgressLine();
        std::fprintf(stderr, "masklab-cli: %s\n", e.what());
        return 1;
    } catch (const std::exception& e) {
        masklab::cli::closeProgressLine();
        std::fprintf(stderr, "masklab-cli: unexpected error: %s\n", e.what());
        return 1;
    }
    return 0;
}
