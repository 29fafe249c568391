#include "file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>

#include "penata/error.hpp"

namespace penata::detail {

namespace {
std::string errno_text() { return std::strerror(errno); }

std::string folder_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

void fsync_path(const std::string& path, bool directory) {
    const int fd = ::open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0) throw IoError("cannot open '" + path + "' to sync it: " + errno_text());
    const int rc = ::fsync(fd);
    const std::string why = errno_text();
    ::close(fd);
    if (rc != 0 && !directory) throw IoError("cannot sync '" + path + "' to disk: " + why);
}
}  // namespace

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& body) {
    std::random_device rd;
    const std::string tmp = path + ".tmp-" + std::to_string(rd()) + "-penata";
    try {
        {
            std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
            if (!out) throw IoError("cannot create '" + tmp + "': " + errno_text());
            body(out);
            out.flush();
            if (!out) throw IoError("write error on '" + tmp + "' (disk full?)");
            out.close();
            if (!out) throw IoError("cannot close '" + tmp + "': " + errno_text());
        }
        fsync_path(tmp, false);
        if (std::rename(tmp.c_str(), path.c_str()) != 0)
            throw IoError("cannot rename '" + tmp + "' to '" + path + "': " + errno_text());
    } catch (...) {
        std::remove(tmp.c_str());
        throw;
    }
    fsync_path(folder_of(path), true);  // make the rename itself durable; best effort
}

std::string read_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) throw IoError("cannot open '" + path + "' for reading: " + errno_text());
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    const std::size_t expected = ::fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<std::size_t>(st.st_size) : 0;
    constexpr std::size_t kGrow = 1 << 16;
    std::string out;
    out.reserve(expected + kGrow);  // one allocation; growing past it only if the file grows
    out.resize(expected);
    std::size_t have = 0;
    for (;;) {
        if (have == out.size()) out.resize(out.size() + kGrow);
        const ssize_t got = ::read(fd, out.data() + have, out.size() - have);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) throw IoError("read error on '" + path + "': " + errno_text());
        if (got == 0) break;
        have += static_cast<std::size_t>(got);
    }
    out.resize(have);
    return out;
}

}  // namespace penata::detail
