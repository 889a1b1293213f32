#include "local_launcher.h"

#include "masklab/error.h"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

namespace masklab::cli {
namespace {

std::vector<std::string> g_commandLine;

// The command line without --nproc and its value: the copies are one process each.
std::vector<std::string> childArguments()
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < g_commandLine.size(); ++i) {
        const std::string& a = g_commandLine[i];
        if (a == "--nproc") {
            ++i;
            continue;
        }
        if (a.rfind("--nproc=", 0) == 0) continue;
        out.push_back(a);
    }
    return out;
}

// A port nobody listens on now (the kernel picks it); the main process binds it right after.
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        if (fd >= 0) ::close(fd);
        throw Error(std::string("cannot find a free port on 127.0.0.1 for the processes to meet at: ") + std::strerror(errno));
    }
    const int port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

std::string describe(int status)
{
    if (WIFSIGNALED(status)) return std::string("was killed by signal ") + std::to_string(WTERMSIG(status)) + " (" + strsignal(WTERMSIG(status)) + ")";
    return "exited with status " + std::to_string(WEXITSTATUS(status));
}

volatile sig_atomic_t g_forward = 0;
void rememberSignal(int signal) { g_forward = signal; }

}  // namespace

void rememberCommandLine(int argc, char** argv)
{
    g_commandLine.assign(argv, argv + argc);
}

int launchLocalProcesses(int processes, int graceSeconds)
{
    const std::vector<std::string> arguments = childArguments();
    const int port = freePort();
    std::vector<pid_t> pids;
    std::fflush(stdout);
    std::fflush(stderr);
    for (int rank = 0; rank < processes; ++rank) {
        const pid_t pid = ::fork();
        if (pid < 0) throw Error(std::string("cannot start process ") + std::to_string(rank) + ": " + std::strerror(errno));
        if (pid == 0) {
            ::setenv("RANK", std::to_string(rank).c_str(), 1);
            ::setenv("LOCAL_RANK", std::to_string(rank).c_str(), 1);
            ::setenv("WORLD_SIZE", std::to_string(processes).c_str(), 1);
            ::setenv("LOCAL_WORLD_SIZE", std::to_string(processes).c_str(), 1);
            ::setenv("MASTER_ADDR", "127.0.0.1", 1);
            ::setenv("MASTER_PORT", std::to_string(port).c_str(), 1);
            std::vector<char*> argv;
            for (const std::string& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            ::execv("/proc/self/exe", argv.data());
            std::fprintf(stderr, "masklab-cli: cannot start process %d: %s\n", rank, std::strerror(errno));
            ::_exit(127);
        }
        pids.push_back(pid);
    }
    // Ctrl-C reaches the children from the terminal; a TERM sent to the launcher is passed on.
    ::signal(SIGTERM, rememberSignal);
    int result = 0, running = processes;
    std::chrono::steady_clock::time_point firstFailure;
    bool failedOnce = false, terminated = false;
    while (running > 0) {
        int status = 0;
        const pid_t done = ::waitpid(-1, &status, WNOHANG);
        if (done > 0) {
            --running;
            const auto at = std::find(pids.begin(), pids.end(), done);
            const int rank = static_cast<int>(at - pids.begin());
            if (at != pids.end()) *at = 0;
            const bool failed = !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
            if (failed) {
                if (result == 0) {
                    std::fprintf(stderr, "masklab-cli: process %d of %d (pid %d) %s\n", rank, processes, static_cast<int>(done),
                                 describe(status).c_str());
                    result = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
                    firstFailure = std::chrono::steady_clock::now();
                    failedOnce = true;
                }
            }
            continue;
        }
        if (g_forward) {
            for (pid_t pid : pids)
                if (pid > 0) ::kill(pid, g_forward);
            g_forward = 0;
        }
        // Those still running after the grace are ended: TERM, then KILL for a process that
        // cannot take TERM (stopped, or hung in the kernel).
        const auto sinceFailure = std::chrono::steady_clock::now() - firstFailure;
        if (failedOnce && !terminated && sinceFailure > std::chrono::seconds(graceSeconds)) {
            for (pid_t pid : pids)
                if (pid > 0) ::kill(pid, SIGTERM);
            terminated = true;
        }
        if (failedOnce && terminated && sinceFailure > std::chrono::seconds(graceSeconds + 10)) {
            for (pid_t pid : pids)
                if (pid > 0) ::kill(pid, SIGKILL);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return result;
}

}  // namespace masklab::cli
