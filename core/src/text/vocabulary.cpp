#include "text/vocabulary.h"

#include <algorithm>

namespace masklab {

uint64_t StringIdTable::hash(std::string_view key)
{
    // FNV-1a; keys are short words, where it is as fast as anything fancier.
    uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : key) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h ^ (h >> 29);
}

void StringIdTable::reserve(std::size_t count)
{
    std::size_t capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    if (capacity > m_slots.size()) {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(capacity, Slot{});
        m_count = 0;
        std::string keys = std::move(m_keys);
        m_keys.clear();
        for (const Slot& s : old)
            if (s.id >= 0) insert(std::string_view(keys).substr(s.keyOffset, s.keyLength), s.id);
    }
}

void StringIdTable::grow() { reserve(std::max<std::size_t>(16, m_count * 2 + 2)); }

void StringIdTable::insert(std::string_view key, int32_t id)
{
    if ((m_count + 1) * 2 > m_slots.size()) grow();
    const uint64_t h = hash(key);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        Slot& s = m_slots[i];
        if (s.id < 0) {
            s.keyOffset = static_cast<uint32_t>(m_keys.size());
            s.keyLength = static_cast<uint32_t>(key.size());
            s.id = id;
            s.hashTag = static_cast<uint32_t>(h >> 32);
            m_keys.append(key);
            ++m_count;
            return;
        }
        if (s.hashTag == static_cast<uint32_t>(h >> 32) &&
            std::string_view(m_keys).substr(s.keyOffset, s.keyLength) == key) {
            s.id = id;
            return;
        }
    }
}

int32_t StringIdTable::find(std::string_view key) const
{
    if (m_slots.empty()) return -1;
    const uint64_t h = hash(key);
    const auto tag = static_cast<uint32_t>(h >> 32);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        const Slot& s = m_slots[i];
        if (s.id < 0) return -1;
        if (s.hashTag == tag && s.keyLength == key.size() &&
            std::string_view(m_keys.data() + s.keyOffset, s.keyLength) == key)
            return s.id;
    }
}

WordPieceVocabulary::WordPieceVocabulary(std::vector<std::string> tokensById,
                                         std::string continuationPrefix)
    : m_tokens(std::move(tokensById)), m_prefix(std::move(continuationPrefix))
{
    m_initial.reserve(m_tokens.size());
    m_continuation.reserve(m_tokens.size() / 4);
    for (std::size_t id = 0; id < m_tokens.size(); ++id) {
        std::string_view token = m_tokens[id];
        m_longest = std::max(m_longest, token.size());
        // A token is reachable both as a word start (whole string) and, when it carries the
        // prefix, as a continuation; Hugging Face looks up "##x" in the one vocab map.
        m_initial.insert(token, static_cast<int32_t>(id));
        if (!m_prefix.empty() && token.size() > m_prefix.size() &&
            token.substr(0, m_prefix.size()) == m_prefix)
            m_continuation.insert(token.substr(m_prefix.size()), static_cast<int32_t>(id));
    }
}

int32_t WordPieceVocabulary::find(std::string_view token) const { return m_initial.find(token); }

}  // namespace masklab
