#include "masklab/message.h"

#include <cstdio>
#include <iomanip>
#include <locale>
#include <sstream>

namespace masklab {

Message& Message::arg(std::string text)
{
    Arg a;
    a.text = std::move(text);
    m_args.push_back(std::move(a));
    return *this;
}

Message& Message::count(int64_t wholeNumber)
{
    Arg a;
    a.kind = Arg::Kind::Count;
    a.value = static_cast<double>(wholeNumber);
    a.text = std::to_string(wholeNumber);  // exact, also past 2^53
    m_args.push_back(std::move(a));
    return *this;
}

Message& Message::number(double value, int decimals)
{
    Arg a;
    a.kind = Arg::Kind::Number;
    a.value = value;
    a.decimals = decimals;
    // The classic locale: a GUI process runs under the user's C locale (Qt sets it), and the
    // English text must not say "315,25".
    std::ostringstream out;
    out.imbue(std::locale::classic());
    if (decimals >= 0) out << std::fixed << std::setprecision(decimals);
    out << value;
    a.text = out.str();
    m_args.push_back(std::move(a));
    return *this;
}

Message& Message::bytes(uint64_t size)
{
    Arg a;
    a.kind = Arg::Kind::Bytes;
    a.value = static_cast<double>(size);
    a.text = describeBytes(size);
    m_args.push_back(std::move(a));
    return *this;
}

Message& Message::inner(Message message)
{
    Arg a;
    a.kind = Arg::Kind::Inner;
    a.text = message.text();
    a.inner = std::make_shared<const Message>(std::move(message));
    m_args.push_back(std::move(a));
    return *this;
}

Message messageOf(const std::exception& error)
{
    if (const auto* said = dynamic_cast<const MessageError*>(&error)) return said->message();
    // Not a place for translation: the text as the exception wrote it.
    return Message("{1}").arg(error.what());
}

std::string describeBytes(uint64_t bytes)
{
    char text[32];
    if (bytes < 1000)
        std::snprintf(text, sizeof(text), "%llu B", static_cast<unsigned long long>(bytes));
    else if (bytes < 1000 * 1000)
        std::snprintf(text, sizeof(text), "%.1f kB", bytes / 1e3);
    else if (bytes < 1000ULL * 1000 * 1000)
        std::snprintf(text, sizeof(text), "%.1f MB", bytes / 1e6);
    else
        std::snprintf(text, sizeof(text), "%.2f GB", bytes / 1e9);
    return text;
}

std::string Message::text() const
{
    std::vector<std::string> values;
    values.reserve(m_args.size());
    for (const Arg& a : m_args) values.push_back(a.text);
    return fillPlaces(m_format, values);
}

std::string fillPlaces(const std::string& format, const std::vector<std::string>& values)
{
    std::string out;
    out.reserve(format.size() + 16 * values.size());
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] == '{') {
            std::size_t end = i + 1, place = 0;
            while (end < format.size() && format[end] >= '0' && format[end] <= '9' && end - i <= 3)
                place = place * 10 + static_cast<std::size_t>(format[end++] - '0');
            if (end > i + 1 && end < format.size() && format[end] == '}' && place >= 1 && place <= values.size()) {
                out += values[place - 1];
                i = end;
                continue;
            }
        }
        out += format[i];
    }
    return out;
}

}  // namespace masklab
