#pragma once
// A read-only memory map of a whole file, shared by the tensor file readers. Tensors are
// copied out of it, so nothing returned keeps the file open.
#include "masklab/error.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

namespace masklab {

class MappedFile {
public:
    // Throws masklab::Error naming the file when it cannot be opened or mapped. `what` names
    // the kind of file in the message ("safetensors file", "PyTorch checkpoint").
    MappedFile(const std::string& path, const std::string& what)
    {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            throw Error("cannot open the " + what + " " + path + ": " + std::strerror(errno) +
                        "; check the path and its permissions");
        }
        struct stat info {};
        if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
            ::close(fd);
            throw Error("cannot read the " + what + " " + path + ": it is not a regular file");
        }
        m_size = static_cast<std::size_t>(info.st_size);
        if (m_size > 0) {
            void* map = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
            if (map == MAP_FAILED) {
                const int error = errno;
                ::close(fd);
                throw Error("cannot map the " + what + " " + path + ": " + std::strerror(error));
            }
            m_data = static_cast<const uint8_t*>(map);
        }
        ::close(fd);  // the mapping stays valid
    }
    ~MappedFile()
    {
        if (m_data) ::munmap(const_cast<uint8_t*>(m_data), m_size);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const uint8_t* data() const { return m_data; }
    std::size_t size() const { return m_size; }

private:
    const uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
};

// Little-endian integers at any alignment.
inline uint64_t readLittleEndian(const uint8_t* p, int bytes)
{
    uint64_t value = 0;
    for (int i = bytes - 1; i >= 0; --i) value = (value << 8) | p[i];
    return value;
}

}  // namespace masklab
