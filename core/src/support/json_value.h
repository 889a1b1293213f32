#pragma once
// Reads a JSON value into a C++ field only when it fits: the right type and, for integers, a
// whole number inside the field's range. nlohmann's get<int>() of 1e12 is undefined behaviour,
// and of 2^40 it wraps; here both are refused, and the caller names the field.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>

namespace masklab {

template <typename T>
bool readJsonValue(const nlohmann::json& value, T& out)
{
    if constexpr (std::is_same_v<T, bool>) {
        if (!value.is_boolean()) return false;
        out = value.get<bool>();
        return true;
    } else if constexpr (std::is_integral_v<T>) {
        using Limits = std::numeric_limits<T>;
        if (value.is_number_unsigned()) {
            const uint64_t u = value.get<uint64_t>();
            if (u > static_cast<uint64_t>(Limits::max())) return false;
            out = static_cast<T>(u);
            return true;
        }
        if (value.is_number_integer()) {
            const int64_t i = value.get<int64_t>();
            if constexpr (std::is_unsigned_v<T>) {
                if (i < 0 || static_cast<uint64_t>(i) > static_cast<uint64_t>(Limits::max())) return false;
            } else {
                if (i < static_cast<int64_t>(Limits::min()) || i > static_cast<int64_t>(Limits::max())) return false;
            }
            out = static_cast<T>(i);
            return true;
        }
        if (value.is_number_float()) {
            // max() + 1.0 is exact even where max() itself rounds up (2^63 - 1 becomes 2^63).
            const double d = value.get<double>();
            if (!(d >= static_cast<double>(Limits::min()) && d < static_cast<double>(Limits::max()) + 1.0)) return false;
            if (static_cast<double>(static_cast<T>(d)) != d) return false;  // 2.5 is not a count
            out = static_cast<T>(d);
            return true;
        }
        return false;
    } else if constexpr (std::is_floating_point_v<T>) {
        if (!value.is_number()) return false;
        out = value.get<T>();
        return true;
    } else {
        static_assert(std::is_same_v<T, std::string>, "readJsonValue reads bool, integers, floating point, string");
        if (!value.is_string()) return false;
        out = value.get<std::string>();
        return true;
    }
}

}  // namespace masklab
