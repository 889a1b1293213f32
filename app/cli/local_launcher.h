#pragma once
// `masklab-cli train --nproc N`: starts N copies of this command on this machine with the
// variables torchrun would set (RANK, LOCAL_RANK, WORLD_SIZE, LOCAL_WORLD_SIZE, MASTER_ADDR,
// MASTER_PORT on a free port of 127.0.0.1), waits for them and returns the exit code. When one
// process fails, it names it; the others notice at their next collective and exit, and any
// still running after `graceSeconds` are terminated.
#include <string>
#include <vector>

namespace masklab::cli {

// The command line as main received it, for the launcher to start again.
void rememberCommandLine(int argc, char** argv);

int launchLocalProcesses(int processes, int graceSeconds);

}  // namespace masklab::cli
