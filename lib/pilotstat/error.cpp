#include "pilotstat/error.hpp"

namespace pilotstat {

std::string SourceLocation::str() const {
    std::string s = file;
    if (line > 0) {
        s += ':' + std::to_string(line);
        if (column > 0) s += ':' + std::to_string(column);
    }
    return s;
}

// Messages quote the offending input; a 10 MB field must not become a 10 MB
// message. Keeps the head and the tail (which names the column), cut at
// UTF-8 character boundaries.
static std::string bounded(const std::string& message) {
    constexpr std::size_t kMax = 600, kHead = 400, kTail = 150;
    if (message.size() <= kMax) return message;
    auto boundary = [&](std::size_t i) {
        while (i > 0 && (static_cast<unsigned char>(message[i]) & 0xC0) == 0x80) --i;
        return i;
    };
    const std::size_t head = boundary(kHead), tail = boundary(message.size() - kTail);
    return message.substr(0, head) + "...[" + std::to_string(tail - head) + " bytes omitted]..." +
           message.substr(tail);
}

static std::string located(const SourceLocation& where, const std::string& message) {
    const std::string place = where.str();
    return place.empty() ? message : place + ": " + message;
}

DataError::DataError(SourceLocation where, const std::string& message)
    : Error(located(where, bounded(message))), where_(std::move(where)), message_(bounded(message)) {}

DataError::DataError(const std::string& message) : Error(bounded(message)), message_(bounded(message)) {}

DataError::DataError(SourceLocation where, std::string message, std::string what)
    : Error(what), where_(std::move(where)), message_(std::move(message)) {}

DataError DataError::combined(const std::vector<DataError>& errors, std::size_t more) {
    std::string what;
    for (const auto& e : errors) what += (what.empty() ? "" : "\npilotstat: error: ") + std::string(e.what());
    if (more > 0) what += "\npilotstat: error: and " + std::to_string(more) + " more";
    return DataError(errors.front().where(), errors.front().message(), what);
}

}  // namespace pilotstat
