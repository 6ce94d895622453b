#include "pilotstat/io/csv_reader.hpp"

#include <cerrno>
#include <cstring>
#include <iostream>

// The parser's error classes copy file names with strncpy, which GCC's
// -Wstringop-truncation flags after inlining into this file; the truncation is
// intended (fixed-size buffer), so silence that warning for this header only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include "pilotstat/error.hpp"

namespace pilotstat::io {

struct CsvReader::Lines {
    std::string memory;  // keeps in-memory text alive for LineReader
    std::unique_ptr<::io::LineReader> reader;
};

namespace {
bool is_blank(std::string_view s) {
    return s.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::string os_reason(int err) { return err ? std::strerror(err) : "cannot be read"; }
}  // namespace

CsvReader::CsvReader(const std::string& path, const CsvOptions& options)
    : source_(path == "-" ? "<stdin>" : path), lines_(std::make_unique<Lines>()) {
    try {
        if (path == "-") {
            lines_->reader = std::make_unique<::io::LineReader>(source_, std::cin);
        } else {
            errno = 0;
            FILE* file = std::fopen(path.c_str(), "rb");
            if (!file) throw DataError(SourceLocation{source_, 0, 0}, "cannot open file: " + os_reason(errno));
            lines_->reader = std::make_unique<::io::LineReader>(source_, file);
        }
    } catch (const ::io::error::base& e) {
        throw DataError(SourceLocation{source_, 0, 0}, std::string("cannot read file: ") + e.what());
    }
    read_header(options);
}

CsvReader::CsvReader(std::string source_name, std::string_view text, const CsvOptions& options)
    : source_(std::move(source_name)), lines_(std::make_unique<Lines>()) {
    lines_->memory.assign(text);
    const char* begin = lines_->memory.data();
    lines_->reader =
        std::make_unique<::io::LineReader>(source_, begin, begin + lines_->memory.size());
    read_header(options);
}

CsvReader::~CsvReader() = default;

const char* CsvReader::next_line() {
    try {
        const char* line = lines_->reader->next_line();
        if (line) ++line_number_;
        return line;
    } catch (const ::io::error::line_length_limit_exceeded&) {
        throw DataError(SourceLocation{source_, line_number_ + 1, 0},
                        "line is longer than the limit of 16 MiB");
    } catch (const ::io::error::base& e) {
        throw DataError(SourceLocation{source_, line_number_ + 1, 0}, std::string("cannot read: ") + e.what());
    }
}

void CsvReader::read_header(const CsvOptions& options) {
    const char* line = nullptr;
    while ((line = next_line()) && is_blank(line)) {
    }
    if (!line) throw DataError(SourceLocation{source_, 1, 0}, "the file is empty (no header line)");
    std::string_view text(line);
    if (line_number_ == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
    delimiter_ = options.delimiter.value_or(detect_delimiter(text));
    header_line_ = line_number_;
    header_ = split_line(text, delimiter_, source_, line_number_);
    for (auto& name : header_) {
        const auto b = name.find_first_not_of(' ');
        const auto e = name.find_last_not_of(' ');
        name = b == std::string::npos ? std::string() : name.substr(b, e - b + 1);
    }
}

bool CsvReader::next(CsvRecord& record) {
    const char* line = nullptr;
    while ((line = next_line()) && is_blank(line)) {
    }
    if (!line) return false;
    record.line = line_number_;
    record.fields = split_line(line, delimiter_, source_, line_number_);
    if (record.fields.size() != header_.size()) {
        throw DataError(SourceLocation{source_, line_number_, std::min(record.fields.size(), header_.size()) + 1},
                        "row has " + std::to_string(record.fields.size()) + " fields, the header has " +
                            std::to_string(header_.size()));
    }
    return true;
}

std::vector<std::string> split_line(std::string_view line, char delimiter, const std::string& source,
                                    std::size_t line_number) {
    std::vector<std::string> fields(1);
    std::size_t i = 0;
    while (i < line.size()) {
        const char c = line[i];
        if (c == delimiter) {
            fields.emplace_back();
            ++i;
        } else if (c == '"' && is_blank(fields.back())) {
            fields.back().clear();
            std::size_t j = i + 1;
            for (;; ++j) {
                if (j >= line.size())
                    throw DataError(SourceLocation{source, line_number, fields.size()},
                                    "unterminated quoted field (quoted line breaks are not supported)");
                if (line[j] == '"') {
                    if (j + 1 < line.size() && line[j + 1] == '"') {
                        fields.back() += '"';
                        ++j;
                        continue;
                    }
                    break;
                }
                fields.back() += line[j];
            }
            i = j + 1;
            while (i < line.size() && (line[i] == ' ' || line[i] == '\r')) ++i;
            if (i < line.size() && line[i] != delimiter)
                throw DataError(SourceLocation{source, line_number, fields.size()},
                                "text after a closing quote (\"" + std::string(line.substr(i, 20)) + "\")");
        } else {
            if (c != '\r' || i + 1 != line.size()) fields.back() += c;
            ++i;
        }
    }
    return fields;
}

char detect_delimiter(std::string_view header_line) {
    std::size_t comma = 0, tab = 0, semicolon = 0;
    bool quoted = false;
    for (char c : header_line) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        comma += c == ',';
        tab += c == '\t';
        semicolon += c == ';';
    }
    if (tab > comma && tab >= semicolon) return '\t';
    if (semicolon > comma && semicolon > tab) return ';';
    return ',';
}

}  // namespace pilotstat::io
