#pragma once

#include <string>

namespace ticketing::db {

// A value every instance on the database shares, made once: the first instance to ask stores
// `candidate`, every later one (and every concurrent one) gets the stored value.
std::string sharedSetting(const std::string& url, const std::string& key,
                          const std::string& candidate);

} // namespace ticketing::db
