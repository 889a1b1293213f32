#pragma once
// Structure-aware mutation for the JSON files MaskLab reads (tokenizer.json, config.json,
// tokenizer_config.json): byte flips rarely keep JSON parseable, so most mutations here parse
// the input, change one value to another of a chosen type or to an edge value (empty arrays,
// numbers past int, wrong types, renamed keys), and write it back. One in eight is a byte-level
// mutation, which keeps the syntax errors covered.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t maxSize);

namespace masklab::fuzz {

inline void collectNodes(nlohmann::json& node, std::vector<nlohmann::json*>& nodes)
{
    nodes.push_back(&node);
    if (node.is_object() || node.is_array())
        for (auto& child : node) collectNodes(child, nodes);
}

// Values that break parsers written with good input in mind.
inline nlohmann::json edgeValue(std::mt19937_64& rng, const std::vector<std::string>& words)
{
    switch (rng() % 16) {
    case 0: return nullptr;
    case 1: return true;
    case 2: return -1;
    case 3: return 0;
    case 4: return 2147483648LL;             // one past int
    case 5: return 4294967424LL;             // 2^32 + 128: wraps to 128 in an int
    case 6: return -9223372036854775807LL - 1;
    case 7: return 18446744073709551615ULL;
    case 8: return 1e12;
    case 9: return -1e300;
    case 10: return 0.5;
    case 11: return "";
    case 12: return nlohmann::json::array();
    case 13: return nlohmann::json::object();
    case 14: return std::string(static_cast<std::size_t>(rng() % 300), 'a');
    default: return words.empty() ? nlohmann::json("[UNK]") : nlohmann::json(words[rng() % words.size()]);
    }
}

inline void mutateNode(nlohmann::json& node, std::mt19937_64& rng, const std::vector<std::string>& words)
{
    const unsigned choice = static_cast<unsigned>(rng() % 8);
    if (node.is_object() && !node.empty() && choice < 3) {
        auto it = node.begin();
        std::advance(it, static_cast<long>(rng() % node.size()));
        if (choice == 0) {
            node.erase(it);                                   // a missing key
        } else if (choice == 1 && !words.empty()) {
            nlohmann::json value = it.value();
            node.erase(it);
            node[words[rng() % words.size()]] = value;        // a renamed key
        } else {
            it.value() = edgeValue(rng, words);
        }
        return;
    }
    if (node.is_array() && !node.empty() && choice < 3) {
        const std::size_t i = rng() % node.size();
        if (choice == 0) node.erase(i);
        else if (choice == 1) node.push_back(node[i]);        // a duplicate
        else node[i] = edgeValue(rng, words);
        return;
    }
    if (node.is_number_integer() && choice < 5) {
        const uint64_t v = static_cast<uint64_t>(node.get<int64_t>());  // unsigned: wraps, never UB
        const uint64_t shifted[] = {v + 1, v - 1, 0 - v, v * 65536, v / 2};
        node = static_cast<int64_t>(shifted[rng() % 5]);
        return;
    }
    if (node.is_string() && choice < 4) {
        std::string text = node.get<std::string>();
        text.resize(text.size() + 16);
        text.resize(LLVMFuzzerMutate(reinterpret_cast<uint8_t*>(text.data()), text.size() - 16, text.size()));
        node = text;
        return;
    }
    node = edgeValue(rng, words);
}

// For LLVMFuzzerCustomMutator: `words` are keys and values that matter to the parser.
inline size_t mutateJson(uint8_t* data, size_t size, size_t maxSize, unsigned seed,
                         const std::vector<std::string>& words)
{
    std::mt19937_64 rng(seed);
    nlohmann::json doc = nlohmann::json::parse(data, data + size, nullptr, false);
    if (doc.is_discarded() || rng() % 8 == 0) return LLVMFuzzerMutate(data, size, maxSize);
    const int rounds = 1 + static_cast<int>(rng() % 3);
    for (int r = 0; r < rounds; ++r) {
        std::vector<nlohmann::json*> nodes;
        collectNodes(doc, nodes);
        mutateNode(*nodes[rng() % nodes.size()], rng, words);
    }
    const std::string text = doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (text.size() > maxSize) return LLVMFuzzerMutate(data, size, maxSize);
    std::memcpy(data, text.data(), text.size());
    return text.size();
}

}  // namespace masklab::fuzz
