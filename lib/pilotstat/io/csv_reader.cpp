#include "pilotstat/io/csv_reader.hpp"

#include <atomic>
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
    // Byte offset of the first NUL byte, or -1. LineReader ends lines at a NUL
    // (C strings), so a NUL would silently cut a field ("1\0" "2" read as 1);
    // any NUL makes the input an error instead. Set by the reading thread.
    std::atomic<long long> first_nul{-1};
    std::unique_ptr<::io::LineReader> reader;  // destroyed before first_nul
    std::string transcoded;                     // the current line, when transcoded
};

namespace {
// Passes bytes through, recording where the first NUL byte is.
class NulCheckingSource : public ::io::ByteSourceBase {
public:
    NulCheckingSource(std::unique_ptr<::io::ByteSourceBase> inner, std::atomic<long long>& first_nul)
        : inner_(std::move(inner)), first_nul_(first_nul) {}
    int read(char* buffer, int size) override {
        const int n = inner_->read(buffer, size);
        if (n > 0 && first_nul_.load() < 0)
            if (const void* p = std::memchr(buffer, 0, static_cast<std::size_t>(n)))
                first_nul_.store(offset_ + (static_cast<const char*>(p) - buffer));
        if (n > 0) offset_ += n;
        return n;
    }

private:
    std::unique_ptr<::io::ByteSourceBase> inner_;
    std::atomic<long long>& first_nul_;
    long long offset_ = 0;
};

bool is_blank(std::string_view s) {
    return s.find_first_not_of(" \t\r") == std::string_view::npos;
}

// A row of empty fields only (",,,," from Excel): nothing to read.
bool is_blank_record(std::string_view s, char delimiter) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\r' && c != delimiter) return false;
    return true;
}

// 1-based field number of byte `offset` (delimiters are ASCII, so counting
// them on undecoded bytes is safe; quotes are honoured).
std::size_t field_of(std::string_view line, std::size_t offset, char delimiter) {
    std::size_t field = 1;
    bool quoted = false;
    for (std::size_t i = 0; i < offset && i < line.size(); ++i) {
        if (line[i] == '"') quoted = !quoted;
        else if (line[i] == delimiter && !quoted) ++field;
    }
    return field;
}

std::string hex_byte(unsigned char b) {
    const char* digits = "0123456789ABCDEF";
    return std::string("0x") + digits[b >> 4] + digits[b & 0xF];
}

std::string os_reason(int err) { return err ? std::strerror(err) : "cannot be read"; }
}  // namespace

CsvReader::CsvReader(const std::string& path, const CsvOptions& options)
    : source_(path == "-" ? "<stdin>" : path), lines_(std::make_unique<Lines>()) {
    try {
        if (path == "-") {
            lines_->reader = std::make_unique<::io::LineReader>(
                source_, std::make_unique<NulCheckingSource>(
                             std::make_unique<::io::detail::NonOwningIStreamByteSource>(std::cin), lines_->first_nul));
        } else {
            errno = 0;
            FILE* file = std::fopen(path.c_str(), "rb");
            if (!file) throw DataError(SourceLocation{source_, 0, 0}, "cannot open file: " + os_reason(errno));
            lines_->reader = std::make_unique<::io::LineReader>(
                source_, std::make_unique<NulCheckingSource>(
                             std::make_unique<::io::detail::OwningStdIOByteSourceBase>(file), lines_->first_nul));
        }
    } catch (const ::io::error::base& e) {
        throw DataError(SourceLocation{source_, 0, 0}, std::string("cannot read file: ") + e.what());
    }
    read_header(options);
}

CsvReader::CsvReader(std::string source_name, std::string_view text, const CsvOptions& options)
    : source_(std::move(source_name)), lines_(std::make_unique<Lines>()) {
    lines_->memory.assign(text);
    if (const auto nul = text.find('\0'); nul != std::string_view::npos)
        lines_->first_nul = static_cast<long long>(nul);
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
        if (const long long nul = lines_->first_nul.load(); nul >= 0)
            throw DataError(SourceLocation{source_, 0, 0},
                            "the file contains a NUL byte (at byte offset " + std::to_string(nul) +
                                "): not a text file (UTF-16 must be converted to UTF-8)");
        return line;
    } catch (const ::io::error::line_length_limit_exceeded&) {
        throw DataError(SourceLocation{source_, line_number_ + 1, 0},
                        "line is longer than the limit of 16 MiB");
    } catch (const ::io::error::base& e) {
        throw DataError(SourceLocation{source_, line_number_ + 1, 0}, std::string("cannot read: ") + e.what());
    }
}

// Checks that the line is UTF-8, or transcodes it from the named encoding.
const char* CsvReader::decoded(const char* line) {
    const std::string_view text(line);
    if (encoding_ == Encoding::utf8) {
        if (const auto bad = first_invalid_utf8(text))
            throw DataError(SourceLocation{source_, line_number_, field_of(text, *bad, delimiter_)},
                            "invalid UTF-8 byte " + hex_byte(static_cast<unsigned char>(text[*bad])) +
                                " at byte " + std::to_string(*bad + 1) +
                                " of the line: input must be UTF-8 (a file saved by Excel on Windows is "
                                "usually Windows-1252: try --encoding cp1252, or --encoding latin1)");
        return line;
    }
    std::size_t bad = 0;
    auto converted = to_utf8(text, encoding_, bad);
    if (!converted)
        throw DataError(SourceLocation{source_, line_number_, field_of(text, bad, delimiter_)},
                        "byte " + hex_byte(static_cast<unsigned char>(text[bad])) +
                            " is not a character in Windows-1252 (try --encoding latin1)");
    lines_->transcoded = std::move(*converted);
    return lines_->transcoded.c_str();
}

void CsvReader::read_header(const CsvOptions& options) {
    encoding_ = options.encoding;
    const char* line = nullptr;
    while ((line = next_line()) && is_blank(line)) {
    }
    if (!line) throw DataError(SourceLocation{source_, 1, 0}, "the file is empty (no header line)");
    std::string_view text(line);
    if (line_number_ == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
    delimiter_ = options.delimiter.value_or(detect_delimiter(text));
    text = decoded(text.data());
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
    while ((line = next_line()) && is_blank_record(line, delimiter_)) {
    }
    if (!line) return false;
    line = decoded(line);
    record.line = line_number_;
    split_line_into(line, delimiter_, source_, line_number_, record.fields);
    if (record.fields.size() != header_.size()) {
        throw DataError(SourceLocation{source_, line_number_, std::min(record.fields.size(), header_.size()) + 1},
                        "row has " + std::to_string(record.fields.size()) + " fields, the header has " +
                            std::to_string(header_.size()));
    }
    return true;
}

std::vector<std::string> split_line(std::string_view line, char delimiter, const std::string& source,
                                    std::size_t line_number) {
    std::vector<std::string> fields;
    split_line_into(line, delimiter, source, line_number, fields);
    return fields;
}

// Plain text is appended a run at a time, and the strings of `fields` are
// reused: after the first rows, reading a row allocates nothing.
void split_line_into(std::string_view line, char delimiter, const std::string& source, std::size_t line_number,
                     std::vector<std::string>& fields) {
    std::size_t count = 0;
    auto next_field = [&]() -> std::string& {
        if (count == fields.size()) fields.emplace_back();
        std::string& f = fields[count++];
        f.clear();
        return f;
    };
    const std::size_t n = line.size();
    if (line.find('"') == std::string_view::npos) {  // no quotes (the common case): fields between delimiters
        for (std::size_t start = 0;;) {
            const std::size_t d = line.find(delimiter, start);
            std::size_t end = d == std::string_view::npos ? n : d;
            if (end == n && end > start && line[n - 1] == '\r') --end;  // the CR of a CRLF line ending
            next_field().append(line.substr(start, end - start));
            if (d == std::string_view::npos) break;
            start = d + 1;
        }
        fields.resize(count);
        return;
    }
    std::string* field = &next_field();
    std::size_t i = 0;
    while (i < n) {
        const char c = line[i];
        if (c == delimiter) {
            field = &next_field();
            ++i;
        } else if (c == '"' && is_blank(*field)) {
            field->clear();
            std::size_t j = i + 1;
            for (;;) {
                const std::size_t q = line.find('"', j);
                if (q == std::string_view::npos)
                    throw DataError(SourceLocation{source, line_number, count},
                                    "unterminated quoted field (quoted line breaks are not supported)");
                field->append(line.substr(j, q - j));
                if (q + 1 < n && line[q + 1] == '"') {  // "" is a quote inside the field
                    *field += '"';
                    j = q + 2;
                    continue;
                }
                j = q;
                break;
            }
            i = j + 1;
            while (i < n && (line[i] == ' ' || line[i] == '\r')) ++i;
            if (i < n && line[i] != delimiter)
                throw DataError(SourceLocation{source, line_number, count},
                                "text after a closing quote (\"" + std::string(line.substr(i, 20)) + "\")");
        } else {
            // a run of plain text up to the next delimiter or quote; a final
            // CR (of a CRLF line ending) is not part of the field
            std::size_t j = i + 1;
            while (j < n && line[j] != delimiter && line[j] != '"') ++j;
            const std::size_t end = j == n && line[n - 1] == '\r' ? n - 1 : j;
            if (end > i) field->append(line.substr(i, end - i));
            i = j;
        }
    }
    fields.resize(count);
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
