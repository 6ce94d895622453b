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

static std::string located(const SourceLocation& where, const std::string& message) {
    const std::string place = where.str();
    return place.empty() ? message : place + ": " + message;
}

DataError::DataError(SourceLocation where, const std::string& message)
    : Error(located(where, message)), where_(std::move(where)), message_(message) {}

DataError::DataError(const std::string& message) : Error(message), message_(message) {}

}  // namespace pilotstat
