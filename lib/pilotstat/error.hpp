// Typed errors thrown by the library. The library never prints and never
// exits: the CLI maps UsageError -> exit 2, DataError -> exit 3,
// ComputeError (and anything unexpected) -> exit 4.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace pilotstat {

// Where in an input a problem is: 1-based line and column; 0 = unknown.
struct SourceLocation {
    std::string file;      // "-" or "<stdin>" for standard input
    std::size_t line = 0;
    std::size_t column = 0;

    // "FILE:LINE:COLUMN", "FILE:LINE" or "FILE", as much as is known.
    std::string str() const;
};

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The command line asks for something impossible (unknown option value, ...).
class UsageError : public Error {
public:
    using Error::Error;
};

// The input data are malformed or inconsistent. what() is
// "FILE:LINE:COLUMN: message (the offending text)" when a place is known.
class DataError : public Error {
public:
    DataError(SourceLocation where, const std::string& message);
    explicit DataError(const std::string& message);
    const SourceLocation& where() const noexcept { return where_; }
    const std::string& message() const noexcept { return message_; }

    // Several problems reported at once: what() is one "FILE:LINE:COLUMN:
    // message" line per error (joined by "\npilotstat: error: ", the CLI's
    // prefix), then "and N more" when `more` were not kept; where() and
    // message() are the first error's. `errors` must not be empty.
    static DataError combined(const std::vector<DataError>& errors, std::size_t more);

private:
    DataError(SourceLocation where, std::string message, std::string what);
    SourceLocation where_;
    std::string message_;
};

// A computation could not be carried out (should not happen on valid data).
class ComputeError : public Error {
public:
    using Error::Error;
};

}  // namespace pilotstat
