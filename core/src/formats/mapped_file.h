#pragma once
// A read-only memory map of a whole file, shared by the tensor file readers. Tensors are
// copied out of it, so nothing returned keeps the file open.
#include "masklab/error.h"
#include "masklab/message.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

namespace masklab {

// What a MappedFile says when it fails, in whole sentences for the kind of file it maps ({1}
// the path, {2} the system's reason), so that each translates as a whole: each caller marks its
// own with MASKLAB_TRANSLATE_NOOP("Engine", ...), as it knows what kind of file it reads.
struct MappedFileMessages {
    const char* cannotOpen;  // "cannot open the safetensors file {1}: {2}; check the path and its permissions"
    const char* notRegular;  // "cannot read the safetensors file {1}: it is not a regular file"
    const char* cannotMap;   // "cannot map the safetensors file {1}: {2}"
};

class MappedFile {
public:
    // Throws masklab::MessageError naming the file when it cannot be opened or mapped.
    MappedFile(const std::string& path, const MappedFileMessages& messages)
    {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            const int error = errno;
            throw MessageError(Message(messages.cannotOpen).arg(path).arg(std::strerror(error)));
        }
        struct stat info {};
        if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
            ::close(fd);
            throw MessageError(Message(messages.notRegular).arg(path));
        }
        m_size = static_cast<std::size_t>(info.st_size);
        if (m_size > 0) {
            void* map = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
            if (map == MAP_FAILED) {
                const int error = errno;
                ::close(fd);
                throw MessageError(Message(messages.cannotMap).arg(path).arg(std::strerror(error)));
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
