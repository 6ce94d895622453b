// Input text must be UTF-8. Files saved by Excel on Windows are often
// Windows-1252 (or ISO-8859-1): their accented bytes are not valid UTF-8 and
// would otherwise pass into JSON output as invalid text. This file checks a
// line and, when the user names the file's encoding, transcodes it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pilotstat::io {

enum class Encoding { utf8, cp1252, latin1 };

// "utf-8" / "utf8", "cp1252" / "windows-1252", "latin1" / "iso-8859-1"
// (case-insensitive); throws UsageError listing the valid names otherwise.
Encoding parse_encoding(std::string_view name);

// Byte offset of the first byte that does not start or continue a valid
// UTF-8 sequence (overlong forms, surrogates and code points above U+10FFFF
// are invalid, RFC 3629), or nullopt when the whole text is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// Transcodes Windows-1252 or ISO-8859-1 text to UTF-8 (utf8: returns the
// text unchanged). Bytes that Windows-1252 leaves undefined (0x81, 0x8D,
// 0x8F, 0x90, 0x9D) yield nullopt and their offset in `bad_offset`.
std::optional<std::string> to_utf8(std::string_view text, Encoding from, std::size_t& bad_offset);

}  // namespace pilotstat::io
