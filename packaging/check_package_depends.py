#!/usr/bin/env python3
"""Checks that the Debian package's Depends name every Debian library MaskLab's binaries load.

With LibTorch bundled, packaging/CMakeLists.txt lists the Depends by hand (dpkg-shlibdeps cannot
vouch for the NVIDIA libraries), so a library added to the build is easily left out of it: the
package then installs and its programs fail to start on a clean machine ("libcurl.so.4: cannot
open shared object file"). This reads each binary's direct needs (readelf's NEEDED), finds where
they resolve here (ldd), skips those the package carries itself (the bundled folders), asks dpkg
which package owns each of the rest, and names any package that the Depends leave out.

usage: check_package_depends.py --depends "libc6, libfoo1" [--bundled DIR ...] BINARY [BINARY ...]
"""
import argparse
import os
import re
import subprocess
import sys


def needed(binary):
    out = subprocess.run(["readelf", "-d", binary], check=True, capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def resolved(binary):
    """The path ldd finds for each library name (None when it finds none)."""
    out = subprocess.run(["ldd", binary], check=True, capture_output=True, text=True).stdout
    paths = {}
    for line in out.splitlines():
        m = re.match(r"\s*(\S+) => (not found|\S+)", line)
        if m:
            paths[m.group(1)] = None if m.group(2) == "not found" else m.group(2)
        else:
            m = re.match(r"\s*(/\S+) \(", line)  # the dynamic loader, named by its path
            if m:
                paths[os.path.basename(m.group(1))] = m.group(1)
    return paths


def owner(path):
    """The Debian package that installed `path` (Debian 12 merges /lib into /usr/lib, and dpkg
    may know a library by either spelling)."""
    real = os.path.realpath(path)
    candidates = [path, real]
    for p in (path, real):
        candidates.append(p[len("/usr"):] if p.startswith("/usr/") else "/usr" + p)
    for p in candidates:
        run = subprocess.run(["dpkg", "-S", p], capture_output=True, text=True)
        if run.returncode == 0:
            return run.stdout.split(":", 1)[0].strip()
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--depends", required=True)
    parser.add_argument("--bundled", action="append", default=[])
    parser.add_argument("binaries", nargs="+")
    args = parser.parse_args()
    depends = {re.split(r"[\s(]", alt.strip())[0] for item in args.depends.split(",") for alt in item.split("|")}
    bundled = [os.path.realpath(d) + os.sep for d in args.bundled]

    problems, checked = [], 0
    for binary in args.binaries:
        paths = resolved(binary)
        for lib in needed(binary):
            path = paths.get(lib)
            if path is None:
                problems.append(f"{binary}: needs {lib}, which does not resolve on this machine")
                continue
            if any(os.path.realpath(path).startswith(b) for b in bundled):
                continue  # carried in the package itself
            checked += 1
            package = owner(path)
            if package is None:
                problems.append(f"{binary}: needs {lib} ({path}), which no Debian package owns: bundle it or build without it")
            elif package not in depends:
                problems.append(f"{binary}: needs {lib} from the Debian package {package}, which the package's Depends "
                                f"do not name: add {package} to CPACK_DEBIAN_PACKAGE_DEPENDS in packaging/CMakeLists.txt")
    for p in problems:
        print(p)
    print(f"{checked} Debian libraries of {len(args.binaries)} binaries checked against the Depends: "
          f"{len(problems)} missing")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
