#pragma once
// Token <-> id tables for WordPiece. Lookups take a string_view and allocate nothing: the
// WordPiece loop probes several substrings of every word, so this is the hot path.
// std::unordered_map<std::string, int> cannot be probed with a string_view before C++20, hence
// this small open-addressing table.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace masklab {

class StringIdTable {
public:
    void reserve(std::size_t count);
    // Inserts key -> id; a key already present takes the new id (a vocab.txt listing a token
    // twice maps it to its last line, as Hugging Face's loaders do).
    void insert(std::string_view key, int32_t id);
    int32_t find(std::string_view key) const;  // -1 if absent
    std::size_t size() const { return m_count; }

private:
    struct Slot {
        uint32_t keyOffset = 0;
        uint32_t keyLength = 0;
        int32_t id = -1;
        uint32_t hashTag = 0;
    };
    static uint64_t hash(std::string_view key);
    void grow();

    std::string m_keys;  // all keys back to back
    std::vector<Slot> m_slots;
    std::size_t m_count = 0;
};

// The WordPiece vocabulary, split in word-initial pieces and `##` continuations so that a
// continuation can be looked up without building "##" + substring.
class WordPieceVocabulary {
public:
    WordPieceVocabulary() = default;
    WordPieceVocabulary(std::vector<std::string> tokensById, std::string continuationPrefix);

    int32_t findInitial(std::string_view piece) const { return m_initial.find(piece); }
    int32_t findContinuation(std::string_view piece) const { return m_continuation.find(piece); }
    int32_t find(std::string_view token) const;  // the token as written, `##` included

    const std::string& token(int32_t id) const { return m_tokens[static_cast<std::size_t>(id)]; }
    int32_t size() const { return static_cast<int32_t>(m_tokens.size()); }
    const std::string& continuationPrefix() const { return m_prefix; }
    // Longest piece in bytes: no substring longer than this can match.
    std::size_t longestPiece() const { return m_longest; }

private:
    std::vector<std::string> m_tokens;
    std::string m_prefix;
    StringIdTable m_initial;
    StringIdTable m_continuation;
    std::size_t m_longest = 0;
};

}  // namespace masklab
