// penata — saving and loading model objects (snapshot files), with Boost.Serialization.
//
// A snapshot holds any set of named model objects (workforces, unit trees, NIP rules, rule sets,
// competency frameworks, position standards, assessment histories; later objects join the same
// variant). It is written inside a container that is checked completely before anything is
// deserialised:
//
//   offset  size  field
//   0       8     magic "\x89PNATA\r\n" (detects foreign files and text-mode mangling)
//   8       2     container version (little endian), currently 1
//   10      1     encoding: 0 portable (Boost text archive), 1 binary (Boost binary archive)
//   11      1     platform of a binary payload: bit 0 little endian, bits 1-7 sizeof(std::size_t)
//   12      4     library version that wrote it, PENATA_VERSION_NUMBER
//   16      8     payload length in bytes
//   24      8     XXH64 checksum of the payload (seed 0)
//   32      ...   payload
//
// A truncated, corrupted, foreign or newer file gives FormatError naming what is wrong; a binary
// file from another platform is refused. Every serialised class carries a Boost class version,
// so files written now load in later releases. What a caller may assume when loading an
// untrusted file is in docs/persistence.md.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "penata/competency.hpp"
#include "penata/nip.hpp"
#include "penata/rules.hpp"
#include "penata/units.hpp"
#include "penata/workforce.hpp"

namespace penata {

enum class Encoding : std::uint8_t {
    portable = 0,  ///< Boost text archive: exchange between machines and releases
    binary = 1,    ///< Boost binary archive: fast, for the platform that wrote it
};

/// Any model object that can be saved. Rule sets, competency frameworks and position standards
/// are stored as their validated JSON inside the archive, and validated again when loaded. An
/// assessment history is stored as its framework's JSON and its five columns in the order added;
/// loading validates every record again (as Assessments::add, without the date_future rule) and
/// rebuilds the index. Each type has a fixed type tag in the payload (src/archive.cpp, kTag;
/// Assessments: 7), independent of its place in the variant; tags are never reused.
using ModelObject =
    std::variant<Workforce, Units, NipRules, RuleSet, CompetencyFramework, PositionStandards, Assessments>;

/// A named set of model objects, in order.
struct Snapshot {
    std::vector<std::pair<std::string, ModelObject>> objects;

    /// The object with this name as type T; throws NotFoundError (absent) or FormatError (other type).
    template <class T> const T& get(std::string_view name) const;
};

struct SaveOptions {
    Encoding encoding = Encoding::portable;
    /// Called after each block written to the temporary file with the bytes written so far and
    /// the total; throwing from it cancels the save (the old file stays as it was).
    std::function<void(std::uint64_t written, std::uint64_t total)> progress;
};

/// The container bytes of a snapshot (header and payload).
std::string save_to_bytes(const Snapshot& snapshot, Encoding encoding = Encoding::portable);
/// Reads container bytes; throws FormatError when anything is wrong.
Snapshot load_from_bytes(std::string_view bytes);

/// Writes atomically: a temporary file in the same folder, flushed and fsync'ed, renamed over
/// `path`. On any failure the old file is intact and the temporary file is removed; throws IoError.
void save(const std::string& path, const Snapshot& snapshot, const SaveOptions& options = {});
/// Loads a snapshot file; throws IoError or FormatError.
Snapshot load(const std::string& path);

/// One object alone, as a snapshot with the single object named "object".
template <class T> void save_object(const std::string& path, const T& object, const SaveOptions& options = {}) {
    Snapshot s;
    s.objects.emplace_back("object", object);
    save(path, s, options);
}
/// Loads a file that holds exactly one object of type T.
template <class T> T load_object(const std::string& path);

/// Container facts of a snapshot file without deserialising it (checksum verified).
struct ArchiveInfo {
    std::uint16_t container_version = 0;
    Encoding encoding = Encoding::portable;
    std::uint32_t library_version = 0;
    std::uint64_t payload_length = 0;
};
ArchiveInfo inspect(std::string_view bytes);

}  // namespace penata

// ---- template definitions -------------------------------------------------------------------
namespace penata {

template <class T> const T& Snapshot::get(std::string_view name) const {
    for (const auto& [n, object] : objects) {
        if (n != name) continue;
        if (const T* p = std::get_if<T>(&object)) return *p;
        throw FormatError("snapshot object '" + n + "' is not of the requested type");
    }
    throw NotFoundError("snapshot has no object named '" + std::string(name) + "'");
}

template <class T> T load_object(const std::string& path) {
    Snapshot s = load(path);
    if (s.objects.size() != 1)
        throw FormatError("'" + path + "' holds " + std::to_string(s.objects.size()) + " objects, not exactly one");
    if (T* p = std::get_if<T>(&s.objects.front().second)) return std::move(*p);
    throw FormatError("'" + path + "' holds an object of another type");
}

}  // namespace penata
