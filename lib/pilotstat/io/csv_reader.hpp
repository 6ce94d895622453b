// Reads delimited text one record at a time. The only file that includes
// <libfccp/csv.h>: fast-cpp-csv-parser's LineReader does the buffered,
// CRLF-aware line reading; this file splits lines into fields (quotes,
// detected delimiter, UTF-8 BOM) and keeps each field's position for errors.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pilotstat/io/encoding.hpp"

namespace pilotstat::io {

struct CsvOptions {
    std::optional<char> delimiter;  // nullopt: detect from the header (comma, tab, semicolon)
    Encoding encoding = Encoding::utf8;  // utf8: invalid bytes are an error; else transcoded
};

struct CsvRecord {
    std::size_t line = 0;             // 1-based physical line number
    std::vector<std::string> fields;  // unquoted field texts
};

class CsvReader {
public:
    // `path` "-" reads standard input (named "<stdin>" in messages).
    // Throws DataError if the file cannot be opened, is empty or has no header.
    CsvReader(const std::string& path, const CsvOptions& options);
    // Reads from memory (tests, fuzzing).
    CsvReader(std::string source_name, std::string_view text, const CsvOptions& options);
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    const std::string& source_name() const noexcept { return source_; }
    char delimiter() const noexcept { return delimiter_; }
    const std::vector<std::string>& header() const noexcept { return header_; }
    std::size_t header_line() const noexcept { return header_line_; }

    // Next record that is not blank (a line of only spaces and delimiters, as
    // Excel writes for an empty row, is blank); false at end of input. Throws DataError for a
    // ragged row or an unterminated quote (FILE:LINE:COLUMN).
    bool next(CsvRecord& record);

private:
    struct Lines;
    void read_header(const CsvOptions& options);
    const char* next_line();
    const char* decoded(const char* line);

    std::string source_;
    std::unique_ptr<Lines> lines_;
    std::size_t line_number_ = 0;
    char delimiter_ = ',';
    Encoding encoding_ = Encoding::utf8;
    std::vector<std::string> header_;
    std::size_t header_line_ = 0;
};

// Splits one line into fields; throws DataError on an unterminated quote or
// text after a closing quote. Exposed for tests.
std::vector<std::string> split_line(std::string_view line, char delimiter, const std::string& source,
                                    std::size_t line_number);

// The same into `fields`, reusing its strings (no allocation once they are
// long enough).
void split_line_into(std::string_view line, char delimiter, const std::string& source, std::size_t line_number,
                     std::vector<std::string>& fields);

// Picks the delimiter (',', '\t' or ';') that occurs most often outside quotes.
char detect_delimiter(std::string_view header_line);

}  // namespace pilotstat::io
