#!/usr/bin/env bash
# Installs the build tree into a scratch prefix, then builds and runs the examples against the
# installed files only: the C++ and C examples through find_package(penata CONFIG), and the C
# example once more through pkg-config.
set -euo pipefail
build=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
cmake -S "$src/examples" -B "$work/examples" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/examples" -j 2 >/dev/null
(cd "$work/examples" && ctest --output-on-failure)
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
"${CC:-cc}" -std=c99 -Wall -Wextra -pedantic -Werror "$src/examples/c/quickstart.c" -o "$work/quickstart_pc" \
  $(pkg-config --cflags --libs penata) -Wl,-rpath,"$prefix/lib"
"$work/quickstart_pc" >/dev/null
echo "installed tree OK: $prefix"
