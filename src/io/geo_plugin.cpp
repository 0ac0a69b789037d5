#include "io/geo_plugin.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "core/error.hpp"

namespace agglo {

namespace {

std::string executable_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

}  // namespace

const GeoPluginApi* load_geo_plugin() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("AGGLO_GDAL_PLUGIN"); env && *env) candidates.push_back(env);
  if (const std::string dir = executable_dir(); !dir.empty())
    candidates.push_back(dir + "/" + kGeoPluginFile);
#ifdef AGGLO_GDAL_PLUGIN_PATH
  candidates.push_back(AGGLO_GDAL_PLUGIN_PATH);  // the build tree's copy (tests, benchmarks)
#endif
  std::string tried, why;
  for (const auto& path : candidates) {
    if (::access(path.c_str(), R_OK) != 0) {
      tried += (tried.empty() ? "" : ", ") + path;
      continue;
    }
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* e = ::dlerror();
      throw Error("cannot load the boundary-file plugin " + path + ": " + (e ? e : "?"));
    }
    auto entry = reinterpret_cast<GeoPluginEntry>(::dlsym(handle, kGeoPluginEntry));
    if (!entry) throw Error("the boundary-file plugin " + path + " has no " + kGeoPluginEntry);
    return entry();  // the handle stays open for the life of the process
  }
  throw Error(std::string("reading boundary files needs the plugin ") + kGeoPluginFile +
              " (built with agglo, linked to GDAL); not found at: " + tried);
}

}  // namespace agglo
