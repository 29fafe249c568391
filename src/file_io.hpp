// Private: durable file writing shared by the CSV writer and the archive.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace penata::detail {

/// Writes a file atomically: `body` writes into a temporary file in the same folder, which is
/// flushed, fsync'ed and renamed over `path`, and the folder is fsync'ed. If `body` throws or
/// any step fails, the temporary file is removed and `path` is untouched; throws IoError (or
/// what `body` threw).
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& body);

/// Reads a whole file; throws IoError.
std::string read_file(const std::string& path);

}  // namespace penata::detail
