#pragma once
// A tokenized corpus: every document's ids and word ids back to back, with the offset where
// each document starts. It either owns its arrays or maps them from a cache file, so a
// 100,000-review corpus opens without tokenizing again and without copying.
#include "masklab/corpus.h"
#include "masklab/tokenizer.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace masklab {

class TokenStore {
public:
    TokenStore();
    ~TokenStore();
    TokenStore(TokenStore&&) noexcept;
    TokenStore& operator=(TokenStore&&) noexcept;

    std::size_t documentCount() const { return m_documents; }
    std::size_t tokenCount() const { return m_tokens; }
    // Tokens of document d are [documentBegin(d), documentBegin(d + 1)).
    uint64_t documentBegin(std::size_t d) const { return m_offsets[d]; }
    std::size_t documentLength(std::size_t d) const { return m_offsets[d + 1] - m_offsets[d]; }
    const int32_t* ids() const { return m_ids; }
    const int32_t* wordIds() const { return m_wordIds; }
    bool isMapped() const { return m_mapping != nullptr; }

    // Tokenizes documents on every core (threads = 0) with [CLS] ... [SEP] around each.
    static TokenStore build(const Tokenizer& tokenizer, const std::vector<Document>& documents,
                            int threads = 0);
    // Writes the store to a file that open() maps back.
    void save(const std::string& path, uint64_t key) const;
    // Maps a file written by save(); returns an empty store (documentCount() == 0 and
    // valid() false) when the file is missing, truncated, or holds another key.
    static TokenStore open(const std::string& path, uint64_t key);

    bool valid() const { return m_offsets != nullptr; }

private:
    struct Mapping;
    void adoptOwned();

    std::vector<int32_t> m_ownedIds, m_ownedWordIds;
    std::vector<uint64_t> m_ownedOffsets;
    std::unique_ptr<Mapping> m_mapping;
    const int32_t* m_ids = nullptr;
    const int32_t* m_wordIds = nullptr;
    const uint64_t* m_offsets = nullptr;
    std::size_t m_documents = 0;
    std::size_t m_tokens = 0;
};

// The digest a cache entry is filed under: the documents' bytes and the tokenizer's
// fingerprint, so a changed review or vocabulary never reads stale tokens.
uint64_t tokenCacheKey(const Tokenizer& tokenizer, const std::vector<Document>& documents);

// Folder for cache files: $MASKLAB_CACHE_DIR, else $XDG_CACHE_HOME/masklab, else
// ~/.cache/masklab.
std::string defaultCacheDir();

// Returns the corpus tokenized, from the cache when an entry for the same documents and
// tokenizer exists, otherwise tokenizing and writing the entry (a cache that cannot be
// written is not an error: the store is returned all the same). cacheDir empty = no cache.
// `fromCache`, when given, tells which happened.
TokenStore tokenizeCached(const Tokenizer& tokenizer, const std::vector<Document>& documents,
                          const std::string& cacheDir, bool* fromCache = nullptr, int threads = 0);

}  // namespace masklab
