#include "masklab/token_store.h"

#include "corpus/token_cache_format.h"
#include "support/fnv_hash.h"
#include "masklab/error.h"
#include "masklab/message.h"
#include "masklab/parallel.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace masklab {

using tokencache::contentChecksum;
using tokencache::Header;
using tokencache::kMagic;
using tokencache::promisedSize;

struct TokenStore::Mapping {
    void* address = nullptr;
    std::size_t length = 0;
    ~Mapping()
    {
        if (address) munmap(address, length);
    }
};

TokenStore::TokenStore() = default;
TokenStore::~TokenStore() = default;
TokenStore::TokenStore(TokenStore&& other) noexcept { *this = std::move(other); }

TokenStore& TokenStore::operator=(TokenStore&& other) noexcept
{
    if (this == &other) return *this;
    const bool owned = !other.m_mapping && other.m_offsets;
    m_ownedIds = std::move(other.m_ownedIds);
    m_ownedWordIds = std::move(other.m_ownedWordIds);
    m_ownedOffsets = std::move(other.m_ownedOffsets);
    m_mapping = std::move(other.m_mapping);
    m_ids = other.m_ids;
    m_wordIds = other.m_wordIds;
    m_offsets = other.m_offsets;
    m_documents = other.m_documents;
    m_tokens = other.m_tokens;
    if (owned) adoptOwned();
    other.m_ids = other.m_wordIds = nullptr;
    other.m_offsets = nullptr;
    other.m_documents = other.m_tokens = 0;
    return *this;
}

void TokenStore::adoptOwned()
{
    m_ids = m_ownedIds.data();
    m_wordIds = m_ownedWordIds.data();
    m_offsets = m_ownedOffsets.data();
    m_documents = m_ownedOffsets.empty() ? 0 : m_ownedOffsets.size() - 1;
    m_tokens = m_ownedIds.size();
}

TokenStore TokenStore::build(const Tokenizer& tokenizer, const std::vector<Document>& documents, int threads)
{
    // Tokenize in blocks so the per-document Encodings never all live at once.
    TokenStore store;
    store.m_ownedOffsets.reserve(documents.size() + 1);
    store.m_ownedOffsets.push_back(0);
    const std::size_t block = 8192;
    for (std::size_t start = 0; start < documents.size(); start += block) {
        const std::size_t end = std::min(documents.size(), start + block);
        std::vector<Encoding> encodings(end - start);
        parallelFor(end - start, 32, threads, [&](std::size_t b, std::size_t e) {
            for (std::size_t i = b; i < e; ++i) encodings[i] = tokenizer.encode(documents[start + i].text, true);
        });
        for (const Encoding& enc : encodings) {
            store.m_ownedIds.insert(store.m_ownedIds.end(), enc.ids.begin(), enc.ids.end());
            store.m_ownedWordIds.insert(store.m_ownedWordIds.end(), enc.wordIds.begin(), enc.wordIds.end());
            store.m_ownedOffsets.push_back(store.m_ownedIds.size());
        }
    }
    store.adoptOwned();
    return store;
}

void TokenStore::save(const std::string& path, uint64_t key) const
{
    // Written to a temporary name and renamed, so a crash never leaves a half file under the
    // real name.
    const std::string temporary = path + ".part" + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write the token cache {1}"))
                                   .arg(temporary));
        Header header{};
        std::memcpy(header.magic, kMagic, sizeof(kMagic));
        header.key = key;
        header.documents = m_documents;
        header.tokens = m_tokens;
        header.checksum = contentChecksum(m_offsets, m_ids, m_wordIds, m_documents, m_tokens);
        out.write(reinterpret_cast<const char*>(&header), sizeof(header));
        out.write(reinterpret_cast<const char*>(m_offsets), static_cast<std::streamsize>(8 * (m_documents + 1)));
        out.write(reinterpret_cast<const char*>(m_ids), static_cast<std::streamsize>(4 * m_tokens));
        out.write(reinterpret_cast<const char*>(m_wordIds), static_cast<std::streamsize>(4 * m_tokens));
        if (!out.flush())
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write the token cache {1}: disk full?"))
                                   .arg(temporary));
    }
    // On disk before the rename: a crash leaves the old file or the whole new one.
    const int fd = ::open(temporary.c_str(), O_RDONLY | O_CLOEXEC);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0) ::close(fd);
    std::error_code ec;
    if (!synced) {
        std::filesystem::remove(temporary, ec);
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write the token cache {1}: disk full?"))
                               .arg(temporary));
    }
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot rename the token cache to {1}")).arg(path));
    }
}

TokenStore TokenStore::open(const std::string& path, uint64_t key)
{
    TokenStore store;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return store;
    struct stat info {};
    Header header{};
    const bool headerOk = ::fstat(fd, &info) == 0 && info.st_size >= static_cast<off_t>(sizeof(Header)) &&
                          ::pread(fd, &header, sizeof(header), 0) == static_cast<ssize_t>(sizeof(header)) &&
                          std::memcmp(header.magic, kMagic, sizeof(kMagic)) == 0 && header.key == key &&
                          static_cast<uint64_t>(info.st_size) ==
                              promisedSize(header.documents, header.tokens, static_cast<uint64_t>(info.st_size));
    if (!headerOk) {
        ::close(fd);
        return store;
    }
    const auto length = static_cast<std::size_t>(info.st_size);
    void* address = ::mmap(nullptr, length, PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (address == MAP_FAILED) return store;
    store.m_mapping = std::make_unique<Mapping>();
    store.m_mapping->address = address;
    store.m_mapping->length = length;
    const char* base = static_cast<const char*>(address) + sizeof(Header);
    store.m_offsets = reinterpret_cast<const uint64_t*>(base);
    store.m_ids = reinterpret_cast<const int32_t*>(base + 8 * (header.documents + 1));
    store.m_wordIds = store.m_ids + header.tokens;
    store.m_documents = header.documents;
    store.m_tokens = header.tokens;
    if (contentChecksum(store.m_offsets, store.m_ids, store.m_wordIds, header.documents, header.tokens) !=
        header.checksum)
        return TokenStore();
    // Offsets that pass the checksum still must describe the arrays (a writer's bug, not damage).
    if (store.m_offsets[0] != 0 || store.m_offsets[header.documents] != header.tokens) return TokenStore();
    for (uint64_t d = 0; d < header.documents; ++d)
        if (store.m_offsets[d + 1] < store.m_offsets[d]) return TokenStore();
    return store;
}

uint64_t tokenCacheKey(const Tokenizer& tokenizer, const std::vector<Document>& documents)
{
    Fnv1a h;
    h.add(std::string_view("masklab-token-cache/1"));
    h.add(tokenizer.fingerprint());
    h.add(static_cast<uint64_t>(documents.size()));
    for (const Document& d : documents) {
        h.add(static_cast<uint64_t>(d.text.size()));
        h.add(d.text);
    }
    return h.value();
}

std::string defaultCacheDir()
{
    if (const char* dir = std::getenv("MASKLAB_CACHE_DIR"); dir && *dir) return dir;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/masklab";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/masklab";
    return {};
}

TokenStore tokenizeCached(const Tokenizer& tokenizer, const std::vector<Document>& documents,
                          const std::string& cacheDir, bool* fromCache, int threads)
{
    if (fromCache) *fromCache = false;
    if (cacheDir.empty()) return TokenStore::build(tokenizer, documents, threads);
    const uint64_t key = tokenCacheKey(tokenizer, documents);
    char name[40];
    std::snprintf(name, sizeof(name), "tokens-%016llx.bin", static_cast<unsigned long long>(key));
    const std::string path = cacheDir + "/" + name;
    TokenStore cached = TokenStore::open(path, key);
    if (cached.valid() && cached.documentCount() == documents.size()) {
        if (fromCache) *fromCache = true;
        return cached;
    }
    TokenStore store = TokenStore::build(tokenizer, documents, threads);
    std::error_code ec;
    std::filesystem::create_directories(cacheDir, ec);
    try {
        store.save(path, key);
    } catch (const Error&) {
        // A read-only or full cache folder only costs the next run its speed.
    }
    return store;
}

}  // namespace masklab
