#pragma once
// One exception type for the whole core. The message names the problem and, where there is
// one, the fix; the CLI's main and the GUI worker catch it in one place and show what() as is.
#include <stdexcept>
#include <string>

namespace masklab {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace masklab
