#include "masklab/distributed.h"

#include "masklab/error.h"
#include "masklab/message.h"

#include <cstdlib>
#include <string>

namespace masklab {
namespace {

const char* variable(const char* name)
{
    const char* value = std::getenv(name);
    return value && *value ? value : nullptr;
}

int wholeNumber(const char* name, int fallback, int lowest, int highest)
{
    const char* text = variable(name);
    if (!text) return fallback;
    char* end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (*end != '\0' || value < lowest || value > highest)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the environment variable {1} is \"{2}\", not a "
                                                          "whole number from {3} to {4}: launch with torchrun or "
                                                          "masklab-cli train --nproc, which set it"))
                               .arg(name)
                               .arg(text)
                               .count(lowest)
                               .count(highest));
    return static_cast<int>(value);
}

}  // namespace

std::optional<ProcessGroupSpec> processGroupFromEnvironment()
{
    if (!variable("WORLD_SIZE")) return std::nullopt;
    ProcessGroupSpec spec;
    spec.worldSize = wholeNumber("WORLD_SIZE", 1, 1, 65536);
    spec.rank = wholeNumber("RANK", 0, 0, spec.worldSize - 1);
    spec.localRank = wholeNumber("LOCAL_RANK", 0, 0, 65535);
    if (const char* addr = variable("MASTER_ADDR")) spec.masterAddr = addr;
    spec.masterPort = wholeNumber("MASTER_PORT", spec.masterPort, 1, 65535);
    const char* agent = variable("TORCHELASTIC_USE_AGENT_STORE");
    spec.agentStore = agent && (std::string(agent) == "True" || std::string(agent) == "true" || std::string(agent) == "1");
    spec.restartCount = wholeNumber("TORCHELASTIC_RESTART_COUNT", 0, 0, 1 << 20);
    if (spec.worldSize > 1 && !variable("MASTER_PORT"))
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "WORLD_SIZE is {1} but MASTER_PORT is not set: "
                                                          "launch with torchrun or masklab-cli train --nproc, which "
                                                          "set it"))
                               .count(spec.worldSize));
    return spec;
}

}  // namespace masklab
